import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openArchive } from '../archive/open';
import { createServices } from '../services/serviceTable';
import type { ArchiveHolder } from './archiveHolder';
import { createArchiveSession } from '../services/archiveSession';
import { createOpenArchiveAction } from './openArchiveAction';

const dir = () => mkdtempSync(join(tmpdir(), 'copydesk-switch-'));
const holders: ArchiveHolder[] = [];
afterEach(() => holders.splice(0).forEach((h) => h.close()));

function holderAt(path: string): ArchiveHolder {
  const holder = createArchiveSession(path, {
    open: openArchive,
    makeServices: (archive, session) => createServices({ archive, version: 'test', session }),
  });
  holders.push(holder);
  return holder;
}

async function slugs(holder: ArchiveHolder): Promise<string[]> {
  const page = await holder.services()['stories.list']({ limit: 50, offset: 0 });
  return page.items.map((s) => s.slug);
}

function action(holder: ArchiveHolder, recent: string[], picked: string | null = null) {
  const remembered: string[] = [];
  const forgotten: string[] = [];
  const open = createOpenArchiveAction({
    holder,
    pickArchive: async () => picked,
    recentArchives: () => recent,
    exists: existsSync,
    remember: (p) => remembered.push(p),
    forget: (p) => forgotten.push(p),
  });
  return { open, remembered, forgotten };
}

describe('switching archives', () => {
  it('serves the other archive’s stories at once, and closes the first', async () => {
    const d = dir();
    const first = holderAt(join(d, 'first.sqlite'));
    await first.services()['stories.create']({ slug: 'FIRST DESK' });
    const second = openArchive(join(d, 'second.sqlite'));
    createServices({ archive: second, version: 'test' })['stories.create']({ slug: 'SECOND DESK' });
    second.close();

    const services = first.services();
    const { open, remembered } = action(first, [join(d, 'second.sqlite')]);
    expect(await open({ path: join(d, 'second.sqlite') })).toEqual({
      opened: true,
      path: join(d, 'second.sqlite'),
    });
    expect(await slugs(first)).toEqual(['SECOND DESK']);
    expect(remembered).toEqual([join(d, 'second.sqlite')]);
    // The first archive's connection is closed: its old services no longer reach it.
    expect(() => services['stories.list']({ limit: 1, offset: 0 })).toThrow(/not open/);
  });

  it('keeps the current archive when the other file is not an archive', async () => {
    const d = dir();
    const holder = holderAt(join(d, 'mine.sqlite'));
    await holder.services()['stories.create']({ slug: 'KEEP ME' });
    const notes = join(d, 'notes.sqlite');
    writeFileSync(notes, 'these are my notes, not a database');
    const { open } = action(holder, [notes]);
    await expect(open({ path: notes })).rejects.toMatchObject({ code: 'NOT_AN_ARCHIVE' });
    expect(await slugs(holder)).toEqual(['KEEP ME']);
    expect(holder.path()).toBe(join(d, 'mine.sqlite'));
  });

  it('opens by name only what is on the recent list', async () => {
    const d = dir();
    const holder = holderAt(join(d, 'mine.sqlite'));
    const { open } = action(holder, []);
    await expect(open({ path: '/etc/passwd' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(holder.path()).toBe(join(d, 'mine.sqlite'));
  });

  it('never recreates a recent archive that has gone: it leaves the list instead', async () => {
    const d = dir();
    const holder = holderAt(join(d, 'mine.sqlite'));
    const gone = join(d, 'moved-away.sqlite');
    const { open, forgotten } = action(holder, [gone]);
    await expect(open({ path: gone })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(existsSync(gone)).toBe(false);
    expect(forgotten).toEqual([gone]);
  });

  it('opens what the dialog picked, and does nothing when it was cancelled', async () => {
    const d = dir();
    const holder = holderAt(join(d, 'mine.sqlite'));
    const other = join(d, 'other.sqlite');
    openArchive(other).close();
    expect(await action(holder, [], null).open({})).toEqual({ opened: false });
    expect(holder.path()).toBe(join(d, 'mine.sqlite'));
    expect(await action(holder, [], other).open({})).toEqual({ opened: true, path: other });
    expect(holder.path()).toBe(other);
  });
});
