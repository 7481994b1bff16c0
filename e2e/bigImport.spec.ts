import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';

const CLI = new URL('../bin/copydesk.mjs', import.meta.url).pathname;
const MB = 2 ** 20;

/**
 * A Copydesk story package of about 6 MB: eight long stories (each within the 1,000,000
 * characters a story may hold), exported by the real CLI.
 */
function sixMegabytePackage(dir: string, name: string): string {
  const archive = join(dir, `${name}.sqlite`);
  const scripts = Array.from({ length: 8 }, (_, i) => {
    const file = join(dir, `${name}-${i}.txt`);
    const sentence = `Council session ${i} on the harbor bridge repairs went late into the night. `;
    writeFileSync(file, `${name.toUpperCase()} PART ${i}\n\n${sentence.repeat(11_500)}\n`);
    return file;
  });
  execFileSync(process.execPath, [CLI, 'import', ...scripts, '--archive', archive]);
  const out = join(dir, `${name}.json`);
  execFileSync(process.execPath, [
    CLI,
    'export',
    '--all',
    '--format',
    'json',
    '--out',
    out,
    '--archive',
    archive,
  ]);
  return out;
}

test('three 6 MB files import in browser mode, sent in batches instead of refused with 413', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-big-import-'));
  const packages = ['evening', 'late', 'weekend'].map((name) => sixMegabytePackage(dir, name));
  for (const file of packages) expect(statSync(file).size).toBeGreaterThan(6 * MB);

  await page.getByTestId('import-input').setInputFiles(packages);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 24 stories' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('list-count')).toHaveText(/24 stories/i);
});
