import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliChild } from '../services/testing/childProcess';
import { EXIT } from './exitCodes';
import { runCaptured } from './testing/cliWorkspace';

const MB = 2 ** 20;

/** `count` short scripts of our own, as a station's export folder holds them. */
function scripts(count: number) {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-bulk-'));
  const folder = join(dir, 'scripts');
  mkdirSync(folder);
  const files = Array.from({ length: count }, (_, i) => {
    const file = join(folder, `story-${String(i).padStart(5, '0')}.txt`);
    writeFileSync(
      file,
      `COUNCIL VOTE ${i}\n\nThe council voted ${i} times on the harbor bridge repairs tonight.\n`,
    );
    return file;
  });
  return { dir, files, archive: join(dir, 'desk.sqlite') };
}

const cli = (argv: string[], stderrIsTTY = false) => runCaptured(argv, { stderrIsTTY });

describe('importing any number of files', () => {
  it('imports 5,000 scripts in batches, with progress lines on stderr and a summary', async () => {
    const { files, archive } = scripts(5000);
    const started = Date.now();
    const result = await runCliChild(['import', ...files, '--archive', archive], {
      timeoutMs: 240_000,
    });
    const seconds = (Date.now() - started) / 1000;
    expect(result.stderr).not.toMatch(/Too big|<=200/);
    expect(result.code, result.stderr.slice(-500)).toBe(EXIT.ok);
    expect(result.stderr).toContain('Checked 5,000 of 5,000 files\n');
    expect(result.stderr).toContain('Imported 100 of 5,000 files\n');
    expect(result.stderr).toContain('Imported 5,000 of 5,000 files\n');
    expect(result.stdout).toMatch(/^Imported 5,000 stories from 5,000 files:\n/);
    const listed = await cli(['list', '--json', '--archive', archive]);
    expect((JSON.parse(listed.stdout) as { total: number }).total).toBe(5000);
    console.log(
      `5,000-file import: ${seconds.toFixed(1)} s, peak RSS ${Math.round(result.peakRss / MB)} MB`,
    );
  }, 300_000);

  it('draws a bar on a terminal instead of lines', async () => {
    const { files, archive } = scripts(250);
    const result = await cli(['import', ...files, '--archive', archive], true);
    expect(result.code).toBe(EXIT.ok);
    expect(result.stderr).toMatch(/\rImported {2}█+░* 100\/250 files/);
    // The bar ends with "erase to the end of the line" and a newline once it is full.
    expect(result.stderr.endsWith(`\rImported  ${'█'.repeat(30)} 250/250 files\u001b[K\n`)).toBe(
      true,
    );
    expect(result.stderr).not.toContain('of 250 files\n');
  });

  it('names every bad file among many, and imports none until all are good', async () => {
    const { dir, files, archive } = scripts(250);
    const binary = join(dir, 'photo.jpg');
    writeFileSync(binary, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
    const empty = join(dir, 'blank.txt');
    writeFileSync(empty, '');
    const result = await cli([
      'import',
      ...files.slice(0, 120),
      binary,
      ...files.slice(120),
      empty,
      '--archive',
      archive,
    ]);
    expect(result.code).toBe(EXIT.refused);
    expect(result.stderr).toContain(
      '2 of 252 files cannot be imported, so nothing was imported:\n  “photo.jpg” is a JPEG image',
    );
    expect(result.stderr).toContain('\n  “blank.txt” is empty.\n');
    const listed = await cli(['list', '--json', '--archive', archive]);
    expect((JSON.parse(listed.stdout) as { total: number }).total).toBe(0);
  });
});
