import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../archive/open';
import { createServices, invokeService } from '../services/serviceTable';
import { EXIT } from './exitCodes';
import { runCaptured } from './testing/cliWorkspace';

/** An archive holding stories with these slugs, and the CLI run on it. */
async function desk(slugs: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-overwrite-'));
  const archive = join(dir, 'desk.sqlite');
  const open = openArchive(archive);
  const services = createServices({ archive: open, version: 'test' });
  for (const slug of slugs) await invokeService(services, 'stories.create', { slug });
  open.close();
  const run = (...argv: string[]) => runCaptured([...argv, '--archive', archive]);
  return { dir, run };
}

describe('exports never overwrite by surprise', () => {
  it('--out naming a file that exists is refused, and it is kept; --force replaces it', async () => {
    const { dir, run } = await desk(['HARBOR BRIDGE']);
    const out = join(dir, 'rundown.md');
    writeFileSync(out, 'the producer’s own notes');
    const refused = await run('export', '--all', '--format', 'md', '--out', out);
    expect(refused.code).toBe(EXIT.refused);
    expect(refused.stderr).toBe(
      `copydesk: ${out} is already there; nothing was written. Add --force to replace it, or choose another --out.\n`,
    );
    expect(readFileSync(out, 'utf8')).toBe('the producer’s own notes');
    const forced = await run('export', '--all', '--format', 'md', '--out', out, '--force');
    expect(forced.code).toBe(EXIT.ok);
    expect(readFileSync(out, 'utf8')).toContain('HARBOR BRIDGE');
  });

  it('slugs that differ only in case get files that differ in more than case: no story lost', async () => {
    const { dir, run } = await desk(['Harbor', 'HARBOR', 'harbor']);
    const folder = join(dir, 'out');
    expect((await run('export', '--all', '--format', 'nsml', '--out', folder)).code).toBe(EXIT.ok);
    const names = readdirSync(folder);
    expect(names).toHaveLength(3);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(3);
  });

  it('a folder that already holds one of the files, in another case, gets nothing written', async () => {
    const { dir, run } = await desk(['Harbor', 'Ferry']);
    const folder = join(dir, 'out');
    mkdirSync(folder);
    writeFileSync(join(folder, 'HARBOR.nsml'), 'yesterday’s story');
    const refused = await run('export', '--all', '--format', 'nsml', '--out', folder);
    expect(refused.code).toBe(EXIT.refused);
    expect(refused.stderr).toContain('Harbor.nsml is already there; nothing was written');
    expect(readdirSync(folder)).toEqual(['HARBOR.nsml']);
  });

  it('never names a file after a device Windows reserves (CON, NUL, COM1, LPT1…)', async () => {
    const { dir, run } = await desk([
      'CON',
      'nul',
      'COM1',
      'Lpt9',
      'AUX',
      'PRN',
      'COM¹',
      'NUL.txt',
    ]);
    const folder = join(dir, 'out');
    expect((await run('export', '--all', '--format', 'nsml', '--out', folder)).code).toBe(EXIT.ok);
    const names = readdirSync(folder).sort();
    expect(names).toHaveLength(8);
    for (const name of names)
      expect(name.split('.')[0], name).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i);
    expect(names).toContain('CON-story.nsml');
  });
});
