import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUserWords } from '../services/testing/userWords';
import { cliWorkspace } from './testing/cliWorkspace';

const fixture = new URL('../../fixtures/harbor-bridge.txt', import.meta.url);

describe('the CLI refuses in words, with no stack trace', () => {
  it('importing a story over 1,000,000 characters: no ZodError, no "the details are in the log"', async () => {
    const { dir, run } = cliWorkspace();
    const long = join(dir, 'long.txt');
    writeFileSync(long, `LONG READ\n\n${'word '.repeat(210_000)}\n`);
    const result = await run('import', long);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'Created a new archive at ' +
        `${join(dir, 'test.sqlite')}.\n` +
        'copydesk: “long.txt” cannot be imported: the story is longer than 1,000,000 characters (a script is far shorter): split it into several stories. Nothing was imported.\n',
    );
  });

  it('every refusal of a bad value names it as a person would', async () => {
    const { dir, run } = cliWorkspace();
    const script = join(dir, 'harbor-bridge.txt');
    copyFileSync(fixture, script);
    await run('import', script);
    for (const argv of [
      ['show', 'not-an-id'],
      ['history', 'not-an-id'],
      ['export', '--story', 'not-an-id', '--format', 'md'],
      ['status', 'not-an-id', 'ready'],
      ['search', 'x'.repeat(600)],
    ]) {
      const result = await run(...argv);
      expect(result.code, argv.join(' ')).toBe(1);
      expectUserWords(result.stderr, argv.join(' '));
    }
  });
});
