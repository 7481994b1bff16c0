import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run';
import { EXIT } from './exitCodes';
import { runCliChild } from '../services/testing/childProcess';
import { readOnlyLauncher } from '../services/testing/readOnlyFolder';
import BetterSqlite3 from 'better-sqlite3';
import { APPLICATION_ID, openArchive } from '../archive/open';
import { latestSchemaVersion, migrate, schemaVersion } from '../archive/migrate';
import { MIGRATIONS } from '../archive/migrations';
import { createServices, invokeService } from '../services/serviceTable';
import { getStory, putStory } from '../archive/stories';
import { makeStory } from '../../shared/story/testing/makeStory';

const fixture = new URL('../../fixtures/harbor-bridge.txt', import.meta.url);
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A healthy archive with two stories, and a damaged one, in a folder of their own. */
function newsroom() {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-ro-'));
  const folder = join(dir, 'newsroom');
  mkdirSync(folder);
  const archive = join(folder, 'archive.sqlite');
  const script = join(dir, 'harbor-bridge.txt');
  copyFileSync(fixture, script);
  return { dir, folder, archive, script, damaged: join(folder, 'damaged.sqlite') };
}

const place = newsroom();
const readOnly = readOnlyLauncher(place.folder);

describe.skipIf(readOnly.skip !== undefined)(
  `a healthy archive in a read-only folder (${readOnly.skip ?? readOnly.how})`,
  () => {
    let storyId: string;
    let before: { archive: string; damaged: string; entries: string[] };
    const run = (...args: string[]) =>
      runCliChild(args, { launcher: readOnly.launcher, timeoutMs: 30_000 });

    beforeAll(async () => {
      const out: string[] = [];
      const io = { stdout: (s: string) => out.push(s), stderr: () => {}, env: {} };
      await runCli(['import', place.script, '--archive', place.archive, '--json'], io);
      await runCli(['import', place.script, '--archive', place.archive], io);
      storyId = (JSON.parse(out[0]!) as { stories: { id: string }[] }).stories[0]!.id;
      // A damaged archive beside it, to show damage is still told apart from read-only.
      const other = openArchive(place.damaged);
      for (let i = 0; i < 40; i++)
        putStory(other.db, makeStory({ slug: `S${i}`, text: `story number ${i} `.repeat(40) }));
      other.db.pragma('wal_checkpoint(TRUNCATE)');
      other.close();
      const bytes = readFileSync(place.damaged);
      bytes.fill(0x5a, 4096 * 5, 4096 * 5 + 2000);
      writeFileSync(place.damaged, bytes);
      before = {
        archive: sha(place.archive),
        damaged: sha(place.damaged),
        entries: readdirSync(place.folder).sort(),
      };
    }, 60_000);

    it('reading commands open it read-only and work', async () => {
      const archive = ['--archive', place.archive];
      const list = await run('list', '--json', ...archive);
      expect(list.stderr).toBe('');
      expect((JSON.parse(list.stdout) as { total: number }).total).toBe(2);
      const show = await run('show', storyId, ...archive);
      expect(show.stdout).toContain('HARBOR');
      const search = await run('search', 'ferry', '--json', ...archive);
      expect(JSON.parse(search.stdout)).toHaveLength(2);
      expect((await run('history', storyId, ...archive)).code).toBe(0);
      expect((await run('check', ...archive)).stdout).toContain('no problems found');
      const exported = await run('export', '--all', '--format', 'json', ...archive);
      expect(exported.code, exported.stderr).toBe(0);
      const backup = await run('backup', join(place.dir, 'copy.sqlite'), ...archive);
      expect(backup.stdout).toContain('checked');
    }, 120_000);

    it('writing commands say the archive cannot be changed there, not that it is damaged', async () => {
      const archive = ['--archive', place.archive];
      for (const args of [
        ['import', place.script],
        ['status', storyId, 'ready'],
        ['restore', join(place.dir, 'copy.sqlite'), '--yes'],
      ]) {
        const result = await run(...args, ...archive);
        expect(result.code, args[0]).toBe(EXIT.archive);
        expect(result.stderr, args[0]).toMatch(/cannot be changed: it is on a read-only drive/);
        expect(result.stderr, args[0]).toContain('can still be opened read-only');
        expect(result.stderr, args[0]).not.toMatch(/damaged/);
      }
    }, 120_000);

    it('a damaged archive in the same folder is still called damaged', async () => {
      const result = await run('list', '--archive', place.damaged);
      expect(result.code).toBe(EXIT.archive);
      expect(result.stderr).toMatch(/is damaged/);
    }, 60_000);

    it('nothing in the folder was written: the files are byte-for-byte and no -wal/-shm appeared', () => {
      expect(sha(place.archive)).toBe(before.archive);
      expect(sha(place.damaged)).toBe(before.damaged);
      expect(readdirSync(place.folder).sort()).toEqual(before.entries);
    });
  },
);

describe('opening an archive for reading only', () => {
  it('refuses a missing archive and creates nothing, neither file nor folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-read-'));
    const path = join(dir, 'typo', 'archvie.sqlite');
    expect(() => openArchive(path, { access: 'read' })).toThrow(
      expect.objectContaining({ code: 'ARCHIVE_MISSING' }),
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses every write with ARCHIVE_READ_ONLY and keeps the stored story', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'copydesk-read-')), 'a.sqlite');
    const writable = openArchive(path);
    const story = makeStory();
    putStory(writable.db, story);
    writable.close();
    const archive = openArchive(path, { access: 'read' });
    expect(archive.readOnly).toBe(true);
    const services = createServices({ archive, version: 'test' });
    expect(await invokeService(services, 'stories.create', {})).toMatchObject({
      ok: false,
      error: { code: 'ARCHIVE_READ_ONLY', message: expect.stringContaining('read-only') },
    });
    expect(await invokeService(services, 'stories.get', { id: story.id })).toMatchObject({
      ok: true,
      value: { slug: story.slug },
    });
    archive.close();
  });

  it('brings an archive from an older Copydesk up to date first when its folder can be written', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'copydesk-read-')), 'old.sqlite');
    const db = new BetterSqlite3(path);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma('journal_mode = WAL');
    migrate(db, MIGRATIONS.slice(0, 3));
    const story = makeStory({ slug: 'OLD ONE' });
    putStory(db, story);
    db.close();
    const archive = openArchive(path, { access: 'read' });
    expect(schemaVersion(archive.db)).toBe(latestSchemaVersion());
    expect(getStory(archive.db, story.id)?.slug).toBe('OLD ONE');
    archive.close();
  });
});
