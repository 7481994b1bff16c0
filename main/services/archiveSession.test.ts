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
import { afterEach, describe, expect, it } from 'vitest';
import { backupArchive } from '../archive/backup';
import { ArchiveError } from '../archive/errors';
import { openArchive } from '../archive/open';
import { putStory } from '../archive/stories';
import { makeStory } from '../../shared/story/testing/makeStory';
import { createArchiveSession, type ArchiveSession } from './archiveSession';
import { createServices, invokeService } from './serviceTable';

const sessions: ArchiveSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.close()));

function session(path: string, open = openArchive) {
  const made = createArchiveSession(path, {
    open,
    makeServices: (archive, controls) =>
      createServices({ archive, version: 'test', session: controls }),
  });
  sessions.push(made);
  return made;
}

/** An archive with two stories and a backup of it, then damaged past SQLite's quick check. */
async function damagedWithBackup() {
  const folder = mkdtempSync(join(tmpdir(), 'copydesk-session-'));
  const path = join(folder, 'desk.sqlite');
  const archive = openArchive(path);
  for (let i = 0; i < 40; i++)
    putStory(archive.db, makeStory({ slug: `S${i}`, text: `story number ${i} `.repeat(40) }));
  mkdirSync(join(folder, 'backups'));
  const backup = join(folder, 'backups', 'desk-2026-11-30T07-00-00-000Z.sqlite');
  await backupArchive(archive.db, backup);
  archive.db.pragma('wal_checkpoint(TRUNCATE)');
  archive.close();
  const bytes = readFileSync(path);
  bytes.fill(0x5a, 4096 * 5, 4096 * 5 + 2000);
  writeFileSync(path, bytes);
  return { folder, path, backup, damaged: bytes };
}

describe('the app’s archive session', () => {
  it('holds a damaged archive as a problem: every channel but archive.* refuses in words', async () => {
    const { path, backup } = await damagedWithBackup();
    const s = session(path);
    expect(s.status()).toMatchObject({
      state: 'problem',
      code: 'ARCHIVE_CORRUPT',
      readOnlyPossible: false,
      backups: [{ path: backup }],
    });
    expect(await invokeService(s.services(), 'stories.list', {})).toMatchObject({
      ok: false,
      error: { code: 'ARCHIVE_CORRUPT', message: expect.stringContaining('damaged') },
    });
    expect(await invokeService(s.services(), 'archive.openReadOnly', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('puts one of the archive’s own backups in place, keeping the damaged file byte for byte', async () => {
    const { folder, path, backup, damaged } = await damagedWithBackup();
    const s = session(path);
    const elsewhere = join(folder, 'not-a-backup.sqlite');
    openArchive(elsewhere).close();
    expect(
      await invokeService(s.services(), 'archive.openBackup', { path: elsewhere }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const result = await invokeService(s.services(), 'archive.openBackup', { path: backup });
    expect(result).toMatchObject({
      ok: true,
      value: { state: 'open', readOnly: false, notice: expect.stringContaining('kept at') },
    });
    const page = await invokeService(s.services(), 'stories.list', {});
    expect(page).toMatchObject({ ok: true, value: { total: 40 } });
    const kept = readdirSync(folder).find((f) => f.startsWith('desk-damaged-'));
    expect(readFileSync(join(folder, kept!)).equals(damaged)).toBe(true);
  });

  it('offers to open read-only an archive that cannot be written here, and only then', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'copydesk-session-'));
    const path = join(folder, 'desk.sqlite');
    const setup = openArchive(path);
    putStory(setup.db, makeStory({ slug: 'ON A SHARE' }));
    setup.close();
    // As on a read-only share: writing is refused, reading works (the real thing runs in
    // readOnlyFolder.test.ts and e2e/archiveProblems.spec.ts under a read-only mount).
    const s = session(path, (p, options) => {
      if (options?.access !== 'read')
        throw new ArchiveError('ARCHIVE_READ_ONLY', `The archive at ${p} cannot be changed.`);
      return openArchive(p, options);
    });
    expect(s.status()).toMatchObject({ state: 'problem', readOnlyPossible: true, backups: [] });
    expect(await invokeService(s.services(), 'archive.openReadOnly', {})).toMatchObject({
      ok: true,
      value: { state: 'open', readOnly: true },
    });
    expect(await invokeService(s.services(), 'stories.list', {})).toMatchObject({
      ok: true,
      value: { total: 1 },
    });
    expect(await invokeService(s.services(), 'stories.create', {})).toMatchObject({
      ok: false,
      error: { code: 'ARCHIVE_READ_ONLY' },
    });
  });

  it('an archive from a newer Copydesk offers neither read-only nor a backup, and is not touched', () => {
    const folder = mkdtempSync(join(tmpdir(), 'copydesk-session-'));
    const path = join(folder, 'desk.sqlite');
    const setup = openArchive(path);
    setup.db.pragma('user_version = 99');
    setup.close();
    const before = readFileSync(path);
    const s = session(path);
    expect(s.status()).toMatchObject({
      state: 'problem',
      code: 'ARCHIVE_TOO_NEW',
      readOnlyPossible: false,
      backups: [],
    });
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });
});
