import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../archive/open';
import { putStory } from '../archive/stories';
import { everyBlockStory } from '../../shared/story/testing/scripts';
import { makeStory } from '../../shared/story/testing/makeStory';
import { cliWorkspace } from './testing/cliWorkspace';

describe('copydesk export for a show', () => {
  it('writes one file per story where the format needs it, into the --out folder, with progress', async () => {
    // A show runs in the order the stories were written.
    const show = [
      everyBlockStory({ createdAt: '2026-11-28T08:00:00.000Z' }),
      makeStory({ slug: 'WEATHER', createdAt: '2026-11-28T08:01:00.000Z' }),
      makeStory({ slug: 'WEATHER', createdAt: '2026-11-28T08:02:00.000Z' }),
    ];
    const { dir, archive: path, run: runIn } = cliWorkspace();
    const archive = openArchive(path);
    for (const s of show) putStory(archive.db, s);
    archive.close();
    let stderr = '';
    const run = async (...argv: string[]) => {
      const result = await runIn(...argv);
      stderr += result.stderr;
      return result.code;
    };

    const out = join(dir, 'nsml');
    expect(await run('export', '--all', '--format', 'nsml', '--out', out)).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'FERRY-FIRE-A-B-부산.nsml',
      'WEATHER-2.nsml',
      'WEATHER.nsml',
    ]);
    expect(stderr).toContain('[1/3] FERRY FIRE');
    expect(stderr).toContain('[3/3] WEATHER');

    const pdf = join(dir, 'show.pdf');
    expect(
      await run(
        'export',
        '--all',
        '--format',
        'pdf',
        '--paper',
        'LETTER',
        '--story-break',
        'page',
        '--out',
        pdf,
      ),
    ).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    stderr = '';
    expect(await run('export', '--all', '--format', 'srt')).toBe(2);
    expect(stderr).toContain('writes one file per story (3 here): give --out FOLDER');
    stderr = '';
    expect(await run('export', '--all', '--format', 'docx')).toBe(2);
    expect(stderr).toContain('writes a binary file: give --out PATH');
    stderr = '';
    expect(await run('export', '--all', '--format', 'mos', '--mos-cues', 'objects')).toBe(2);
    expect(stderr).toContain('--mos-cues is storyItem or pi');
  });
});
