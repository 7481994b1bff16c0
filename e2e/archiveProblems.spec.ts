import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { startBrowserMode, type RunningApp } from './harness';
import { readOnlyLauncher } from '../main/services/testing/readOnlyFolder';

const CLI = new URL('../bin/copydesk.mjs', import.meta.url).pathname;
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function cli(...args: string[]): string {
  return execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8', stdio: 'pipe' });
}

/** An archive of our own stories, written by the real CLI, in a folder of its own. */
function newsroom(slugs: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-problem-'));
  const folder = join(dir, 'newsroom');
  mkdirSync(folder);
  const archive = join(folder, 'newsroom.sqlite');
  const add = (slug: string) => {
    const file = join(dir, `${slug}.txt`);
    writeFileSync(file, `${slug}\n\nThe council met today about the harbor bridge repairs.\n`);
    cli('import', file, '--archive', archive);
  };
  slugs.forEach(add);
  return { dir, folder, archive, add };
}

let running: RunningApp | null = null;
test.afterEach(async () => {
  await running?.stop();
  running = null;
});

test('a damaged archive says so and puts a backup in its place, keeping the damaged file', async ({
  page,
}) => {
  const place = newsroom(['HARBOR BRIDGE', 'FERRY STRIKE']);
  cli(
    'backup',
    join(place.folder, 'backups', 'newsroom-2026-11-30T07-00-00-000Z.sqlite'),
    '--archive',
    place.archive,
  );
  place.add('AFTER THE BACKUP');
  const bytes = readFileSync(place.archive);
  bytes.fill(0x5a, 4096 * 5, 4096 * 5 + 2000);
  writeFileSync(place.archive, bytes);
  const damaged = sha(place.archive);

  running = await startBrowserMode(place.archive);
  await page.goto(running.url);
  const problem = page.getByTestId('archive-problem');
  await expect(problem.getByRole('heading')).toHaveText('This archive is damaged');
  await expect(problem).toContainText('newsroom.sqlite');
  await expect(problem.getByRole('radio')).toHaveCount(1);
  await expect(problem.getByRole('radio')).toBeChecked();
  await page.screenshot({ path: join(place.dir, 'damaged.png') });
  await problem.getByTestId('open-backup').click();

  await expect(page.getByTestId('story-row')).toHaveCount(2);
  await expect(page.getByTestId('story-list')).toContainText('FERRY STRIKE');
  await expect(
    page.getByRole('status').filter({ hasText: 'damaged file is kept at' }),
  ).toBeVisible();
  const kept = readdirSync(place.folder).find((f) => f.startsWith('newsroom-damaged-'));
  expect(kept).toBeDefined();
  expect(sha(join(place.folder, kept!))).toBe(damaged);
  // The archive in its place is a working one: a new story is saved into it.
  await page.getByTestId('new-story').click();
  await page.getByTestId('script-editor').click();
  await page.keyboard.type('Back at work after the restore.');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText(/^Saved/);
});

test('an archive from a newer Copydesk says so, is left untouched, and says how to choose another', async ({
  page,
}) => {
  const place = newsroom(['HARBOR BRIDGE']);
  const db = new BetterSqlite3(place.archive);
  db.pragma('user_version = 99');
  db.close();
  const before = sha(place.archive);

  running = await startBrowserMode(place.archive);
  await page.goto(running.url);
  const problem = page.getByTestId('archive-problem');
  await expect(problem.getByRole('heading')).toHaveText('This archive is from a newer Copydesk');
  await expect(problem).toContainText('Update Copydesk');
  await expect(problem.getByTestId('open-read-only')).toHaveCount(0);
  await expect(problem.getByTestId('open-backup')).toHaveCount(0);
  await expect(problem.getByTestId('choose-another-hint')).toContainText(
    'copydesk web --archive PATH',
  );
  await running.stop();
  running = null;
  expect(sha(place.archive)).toBe(before);
});

test('a sound archive in a read-only folder is not called damaged: it opens read-only', async ({
  page,
}) => {
  const place = newsroom(['HARBOR BRIDGE', 'FERRY STRIKE']);
  const readOnly = readOnlyLauncher(place.folder);
  test.skip(readOnly.skip !== undefined, readOnly.skip);
  const before = sha(place.archive);

  running = await startBrowserMode(place.archive, { launcher: readOnly.launcher });
  await page.goto(running.url);
  const problem = page.getByTestId('archive-problem');
  await expect(problem.getByRole('heading')).toHaveText('This archive is read-only here');
  await expect(problem).not.toContainText('damaged');
  await page.screenshot({ path: join(place.dir, 'read-only.png') });
  await problem.getByTestId('open-read-only').click();

  await expect(page.getByTestId('read-only-banner')).toBeVisible();
  await expect(page.getByTestId('story-row')).toHaveCount(2);
  await page.getByTestId('archive-search').pressSequentially('ferry');
  await expect(page.getByTestId('story-row')).toHaveCount(1);
  await page.getByTestId('new-story').click();
  await expect(page.getByRole('alert')).toContainText('read-only');
  expect(sha(place.archive)).toBe(before);
  expect(existsSync(`${place.archive}-wal`)).toBe(false);
});
