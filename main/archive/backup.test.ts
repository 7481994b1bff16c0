import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startAutoBackups } from './autoBackup';
import BetterSqlite3 from 'better-sqlite3';
import { openArchive, type Archive } from './open';
import {
  backupArchive,
  listBackups,
  restoreArchive,
  rotateBackup,
  verifyArchiveFile,
} from './backup';
import { getStory, putStory } from './stories';
import { listStories } from './storySummaries';
import { makeStory } from '../../shared/story/testing/makeStory';

const open: Archive[] = [];
afterEach(() => open.splice(0).forEach((a) => a.db.open && a.close()));
function fresh() {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-backup-'));
  const archive = openArchive(join(dir, 'archive.sqlite'));
  open.push(archive);
  return { dir, archive };
}
const slugs = (a: Archive) => listStories(a.db, { limit: 10, offset: 0 }).items.map((s) => s.slug);

describe('backups', () => {
  it('writes a backup that reopens with the same stories', async () => {
    const { dir, archive } = fresh();
    const story = makeStory({ slug: 'KEPT', tags: ['a'] });
    putStory(archive.db, story);
    const { path } = await backupArchive(archive.db, join(dir, 'copy.sqlite'));
    const copy = openArchive(path);
    open.push(copy);
    expect(getStory(copy.db, story.id)).toEqual(story);
  });

  it('rotates, keeping the newest', async () => {
    const { archive } = fresh();
    putStory(archive.db, makeStory());
    for (let i = 0; i < 4; i++)
      await rotateBackup(archive.db, archive.path, 2, new Date(Date.UTC(2026, 10, 28, 10, i)));
    const kept = listBackups(archive.path);
    expect(kept).toHaveLength(2);
    expect(kept[0]!.path).toContain('2026-11-28T10-03');
  });

  it('restores in place, keeping a copy of what it replaced', async () => {
    const { archive } = fresh();
    putStory(archive.db, makeStory({ slug: 'BEFORE' }));
    const backup = await rotateBackup(
      archive.db,
      archive.path,
      5,
      new Date('2026-11-28T10:00:00Z'),
    );
    putStory(archive.db, makeStory({ slug: 'AFTER' }));
    expect(slugs(archive).sort()).toEqual(['AFTER', 'BEFORE']);
    const { safetyCopy } = await restoreArchive(
      archive.db,
      archive.path,
      backup.path,
      new Date('2026-11-28T11:00:00Z'),
    );
    // The same connection sees the restored content.
    expect(slugs(archive)).toEqual(['BEFORE']);
    const undo = openArchive(safetyCopy);
    open.push(undo);
    expect(slugs(undo).sort()).toEqual(['AFTER', 'BEFORE']);
  });

  it('refuses to restore from a file that is not a sound archive, and changes nothing', async () => {
    const { dir, archive } = fresh();
    putStory(archive.db, makeStory({ slug: 'SAFE' }));
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'not a database');
    await expect(restoreArchive(archive.db, archive.path, junk)).rejects.toMatchObject({
      code: 'NOT_AN_ARCHIVE',
    });
    const other = join(dir, 'other.sqlite');
    new BetterSqlite3(other).exec('CREATE TABLE t (x)');
    await expect(restoreArchive(archive.db, archive.path, other)).rejects.toMatchObject({
      code: 'NOT_AN_ARCHIVE',
    });
    expect(slugs(archive)).toEqual(['SAFE']);
  });
});

describe('the check on open', () => {
  it('refuses a damaged archive, leaves it byte-for-byte, and names the latest backup', async () => {
    const { dir, archive } = fresh();
    for (let i = 0; i < 200; i++)
      putStory(archive.db, makeStory({ slug: `S${i}`, text: `story number ${i} `.repeat(40) }));
    await rotateBackup(archive.db, archive.path, 5);
    archive.db.pragma('wal_checkpoint(TRUNCATE)');
    archive.close();
    // Scribble over a page in the middle of the file, past the header.
    const damaged = join(dir, 'archive.sqlite');
    const bytes = readFileSync(damaged);
    bytes.fill(0x5a, 4096 * 5, 4096 * 5 + 2000);
    writeFileSync(damaged, bytes);
    const before = readFileSync(damaged);
    expect(() => openArchive(damaged)).toThrow(
      expect.objectContaining({
        code: 'ARCHIVE_CORRUPT',
        message: expect.stringContaining('latest backup'),
      }),
    );
    expect(readFileSync(damaged).equals(before)).toBe(true);
    expect(() => verifyArchiveFile(damaged)).toThrow();
    copyFileSync(listBackups(damaged)[0]!.path, join(dir, 'restored.sqlite'));
    const restored = openArchive(join(dir, 'restored.sqlite'));
    open.push(restored);
    expect(listStories(restored.db, { limit: 1, offset: 0 }).total).toBe(200);
  });
});

describe('automatic backups', () => {
  it('back up on schedule only when something changed, keeping the newest', async () => {
    const { archive } = fresh();
    let clock = Date.parse('2026-11-28T10:00:00Z');
    const lines: string[] = [];
    const backups = startAutoBackups({
      archive,
      schedule: () => ({ everyMinutes: 5, keep: 2 }),
      log: (l) => lines.push(l),
      now: () => new Date(clock),
    });
    const minute = () => {
      clock += 60_000;
      return backups.tick();
    };
    try {
      putStory(archive.db, makeStory({ slug: 'A' }));
      await minute(); // a minute after start: the first backup
      expect(listBackups(archive.path)).toHaveLength(1);
      for (let i = 0; i < 6; i++) await minute(); // nothing changed since: no new backup
      expect(listBackups(archive.path)).toHaveLength(1);
      putStory(archive.db, makeStory({ slug: 'B' }));
      await minute();
      expect(listBackups(archive.path)).toHaveLength(2);
      putStory(archive.db, makeStory({ slug: 'C' }));
      await minute(); // changed, but not five minutes since the last
      expect(listBackups(archive.path)).toHaveLength(2);
      for (let i = 0; i < 5; i++) await minute();
      expect(listBackups(archive.path)).toHaveLength(2); // three made, the newest two kept
      expect(lines.filter((l) => l.startsWith('[backup] wrote'))).toHaveLength(3);
    } finally {
      backups.stop();
    }
  });
});
