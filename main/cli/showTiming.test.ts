import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { timingText } from './output';
import { cliWorkspace } from './testing/cliWorkspace';

const SCRIPT = [
  'SLUG: BRIDGE SHUT',
  'The Harbor Bridge closes tonight for repairs to two supports.',
  '[TAKE SOT: Kim Min-ji, City engineer]',
  'IN: We found cracks',
  'OUT: no other choice',
  'DUR: 0:20',
  '다리는 오늘 밤 닫힙니다.',
  '',
].join('\n');

describe('show gives the timing list and import give (issue 12)', () => {
  it('show and show --json print words, read, media and TRT, the same as list', async () => {
    const { dir, run } = cliWorkspace();
    const file = join(dir, 'bridge.txt');
    writeFileSync(file, SCRIPT);
    const imported = await run('import', file, '--json');
    expect(imported.code).toBe(0);
    const [story] = (JSON.parse(imported.stdout) as { stories: { id: string }[] }).stories;

    const listed = JSON.parse((await run('list', '--json')).stdout) as {
      items: { readSec: number; totalSec: number }[];
    };
    const shown = await run('show', story!.id, '--json');
    expect(shown.code).toBe(0);
    const { timing } = JSON.parse(shown.stdout) as { timing: Record<string, unknown> };
    expect(timing).toEqual({
      words: 10,
      hangulSyllables: 10,
      cjkCharacters: 0,
      readSec: listed.items[0]!.readSec,
      mediaSec: 20,
      estimatedMediaSec: 0,
      totalSec: listed.items[0]!.totalSec,
      targetSec: null,
      overUnderSec: null,
    });
    expect(listed.items[0]!.totalSec).toBe(listed.items[0]!.readSec + 20);

    const text = (await run('show', story!.id)).stdout;
    const total = listed.items[0]!.totalSec;
    expect(text.split('\n').slice(0, 5).join('\n')).toMatch(
      new RegExp(
        `10 words, 10 Hangul syllables {3}read 0:0${listed.items[0]!.readSec} {3}media 0:20 {3}TRT 0:${total}\n`,
      ),
    );
  });

  it('says over or under a target, and marks estimated media', () => {
    const line = timingText({
      words: 1,
      hangulSyllables: 0,
      cjkCharacters: 0,
      readSec: 30,
      mediaSec: 52,
      estimatedMediaSec: 52,
      totalSec: 82,
      targetSec: 75,
      overUnderSec: 7,
    });
    expect(line).toBe(
      '1 word   read 0:30   media 0:52 est.   TRT 1:22 est.   target 1:15, over 0:07',
    );
  });
});
