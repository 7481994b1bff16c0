import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { openArchive } from '../archive/open';
import { createServices, invokeService } from './serviceTable';
import type { Story } from '../../shared/story/model';

const RAW_IMPORTS = new URL('./testing/rawImports.mjs', import.meta.url).href;
const LOOP = new URL('./testing/saveLoop.ts', import.meta.url).pathname;

/** Runs the save loop until it has confirmed `atLeast` saves, then kills it without warning. */
function saveThenKill(archive: string, storyId: string, atLeast: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', RAW_IMPORTS, LOOP, archive, storyId],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let confirmed = 0;
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      buffer += c.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) confirmed = Math.max(confirmed, Number(line));
      // Kill at a moment the loop does not expect: mid-way through the next save, at a random delay.
      if (confirmed >= atLeast && !child.killed)
        setTimeout(() => child.kill('SIGKILL'), Math.random() * 5);
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(confirmed);
      else reject(new Error(`save loop ended on its own (${code}): ${stderr}`));
    });
  });
}

describe('crash safety', () => {
  it('a process killed in the middle of saving loses nothing it had confirmed, and the archive is sound', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-crash-'));
    const path = join(dir, 'archive.sqlite');
    const setup = openArchive(path);
    const created = await invokeService(
      createServices({ archive: setup, version: 'test' }),
      'stories.create',
      {},
    );
    setup.close();
    const id = (created as { ok: true; value: Story }).value.id;

    for (const round of [1, 2, 3]) {
      const confirmed = await saveThenKill(path, id, 30 * round + 1);
      // Reopen as the app would after a crash: the check on open runs, the journal replays.
      const archive = openArchive(path);
      const services = createServices({ archive, version: 'test' });
      const story = (await invokeService(services, 'stories.get', { id })) as {
        ok: true;
        value: Story;
      };
      const sentences = story.value.body.filter(
        (b) => b.type === 'paragraph' && b.runs.length > 0,
      ).length;
      expect(sentences, `round ${round}`).toBeGreaterThanOrEqual(confirmed);
      // At most the one save that was in flight when the process died is beyond what it confirmed.
      expect(sentences, `round ${round}`).toBeLessThanOrEqual(confirmed + 1);
      const history = (await invokeService(services, 'stories.history', { id })) as {
        ok: true;
        value: { head: string; revisions: { id: string }[] };
      };
      expect(history.value.head).toBe(history.value.revisions[0]!.id);
      archive.close();
      const raw = new BetterSqlite3(path, { readonly: true });
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      raw.close();
    }
  }, 120_000);
});

describe('a full disk or a read-only archive', () => {
  it('refuses the save with a clear message and keeps what was stored', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'copydesk-full-')), 'archive.sqlite');
    const archive = openArchive(path);
    const services = createServices({ archive, version: 'test' });
    const created = (
      (await invokeService(services, 'stories.create', {})) as { ok: true; value: Story }
    ).value;
    const first = await invokeService(services, 'stories.save', {
      story: { ...created, body: [{ type: 'paragraph', runs: [{ text: 'What was saved.' }] }] },
      baseUpdatedAt: created.updatedAt,
    });
    expect(first.ok).toBe(true);
    // SQLite's own "disk full": the file may not grow by another page.
    const pages = archive.db.pragma('page_count', { simple: true }) as number;
    archive.db.pragma(`max_page_count = ${pages}`);
    const stored = (first as { ok: true; value: Story }).value;
    const big = {
      ...stored,
      body: [{ type: 'paragraph' as const, runs: [{ text: 'x'.repeat(200_000) }] }],
    };
    const result = await invokeService(services, 'stories.save', {
      story: big,
      baseUpdatedAt: stored.updatedAt,
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'ARCHIVE_UNAVAILABLE', message: expect.stringContaining('disk is full') },
    });
    archive.close();

    const reopened = openArchive(path);
    const after = await invokeService(
      createServices({ archive: reopened, version: 'test' }),
      'stories.get',
      { id: created.id },
    );
    expect((after as { ok: true; value: Story }).value.body).toEqual(stored.body);
    reopened.close();

    // A connection that may only read (a read-only share, a locked file) refuses writes the same way.
    const readOnly = {
      db: new BetterSqlite3(path, { readonly: true }),
      path,
      readOnly: true,
      close: () => undefined,
    };
    const refused = await invokeService(
      createServices({ archive: readOnly, version: 'test' }),
      'stories.save',
      { story: big, baseUpdatedAt: big.updatedAt },
    );
    expect(refused).toEqual({
      ok: false,
      error: { code: 'ARCHIVE_READ_ONLY', message: expect.stringContaining('read-only') },
    });
    readOnly.db.close();
  });
});
