import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createDesktopStateStore,
  EMPTY_STATE,
  MAX_RECENT_ARCHIVES,
  readDesktopState,
  STATE_FILE_NAME,
} from './desktopState';
import { addRecentArchive, removeRecentArchive } from './recentArchives';
import { captureWindowState, restoreWindowBounds } from './windowState';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'copydesk-state-')), STATE_FILE_NAME);

describe('the desktop state file', () => {
  it('round-trips what the app remembers', () => {
    const file = fresh();
    const store = createDesktopStateStore(file);
    store.update((s) => ({
      ...s,
      window: { x: 10, y: 20, width: 1200, height: 800, maximized: true },
      recentArchives: ['/news/a.sqlite'],
      lastFolders: { import: '/news/in' },
      spellcheckLanguages: ['en-GB'],
    }));
    expect(readDesktopState(file)).toEqual({
      window: { x: 10, y: 20, width: 1200, height: 800, maximized: true },
      recentArchives: ['/news/a.sqlite'],
      lastFolders: { import: '/news/in' },
      spellcheckLanguages: ['en-GB'],
    });
    // Written through a temporary file that does not stay behind.
    expect(readdirSync(join(file, '..'))).toEqual([STATE_FILE_NAME]);
  });

  it('starts empty when the file is missing, empty, binary or not JSON', () => {
    for (const content of [null, '', '\u0000\u0001garbage', '{"window":', '[]', 'null', '42']) {
      const file = fresh();
      if (content !== null) writeFileSync(file, content);
      expect(readDesktopState(file), String(content)).toEqual(EMPTY_STATE);
    }
    expect(readDesktopState(join(tmpdir(), 'no-such-dir', 'x.json'))).toEqual(EMPTY_STATE);
  });

  it('drops only the fields that are wrong', () => {
    const file = fresh();
    writeFileSync(
      file,
      JSON.stringify({
        window: { x: 'left', y: 0, width: 10, height: 1e9 },
        recentArchives: ['/ok.sqlite', 42],
        lastFolders: { import: '/in', export: '', archive: 7 },
        spellcheckLanguages: ['en-US', '<script>'],
        somethingNew: true,
      }),
    );
    expect(readDesktopState(file)).toEqual({
      window: undefined,
      recentArchives: [],
      lastFolders: { import: '/in', export: undefined, archive: undefined },
      spellcheckLanguages: undefined,
    });
  });

  it('keeps working in memory when the folder cannot be written', () => {
    const blocker = fresh();
    writeFileSync(blocker, 'a file where a folder should be');
    const errors: unknown[] = [];
    const store = createDesktopStateStore(join(blocker, 'sub', STATE_FILE_NAME), (e) =>
      errors.push(e),
    );
    const state = store.update((s) => ({ ...s, recentArchives: ['/a.sqlite'] }));
    expect(state.recentArchives).toEqual(['/a.sqlite']);
    expect(store.get().recentArchives).toEqual(['/a.sqlite']);
    expect(errors).toHaveLength(1);
  });
});

describe('recent archives', () => {
  it('puts the latest first, once, and keeps at most ten', () => {
    let list: string[] = [];
    for (let i = 0; i < 14; i++) list = addRecentArchive(list, `/news/${i}.sqlite`);
    list = addRecentArchive(list, '/news/9.sqlite');
    expect(list).toHaveLength(MAX_RECENT_ARCHIVES);
    expect(list.slice(0, 3)).toEqual(['/news/9.sqlite', '/news/13.sqlite', '/news/12.sqlite']);
    expect(new Set(list).size).toBe(list.length);
    expect(removeRecentArchive(list, '/news/13.sqlite')).not.toContain('/news/13.sqlite');
  });

  it('stores absolute paths', () => {
    expect(addRecentArchive([], 'rel/a.sqlite')[0]).toBe(join(process.cwd(), 'rel/a.sqlite'));
  });
});

describe('window size and position', () => {
  const screens = [
    { x: 0, y: 0, width: 1920, height: 1040 },
    { x: 1920, y: 0, width: 1280, height: 1024 },
  ];

  it('comes back where it was', () => {
    const saved = { x: 100, y: 50, width: 1200, height: 800, maximized: false };
    expect(restoreWindowBounds(saved, screens)).toEqual({
      bounds: { x: 100, y: 50, width: 1200, height: 800 },
      maximized: false,
    });
    expect(restoreWindowBounds({ ...saved, x: 2000, maximized: true }, screens)).toEqual({
      bounds: { x: 2000, y: 50, width: 1200, height: 800 },
      maximized: true,
    });
  });

  it('opens in the default place when its screen is gone, and fits a smaller screen', () => {
    const onUnplugged = { x: 4000, y: 100, width: 1200, height: 800, maximized: false };
    expect(restoreWindowBounds(onUnplugged, screens)).toEqual({ maximized: false });
    const tooBig = { x: 1900, y: -5, width: 3000, height: 2000, maximized: false };
    expect(restoreWindowBounds(tooBig, [screens[1]!])).toEqual({
      bounds: { x: 1920, y: 0, width: 1280, height: 1024 },
      maximized: false,
    });
    expect(restoreWindowBounds(undefined, screens)).toEqual({ maximized: false });
  });

  it('remembers the normal bounds of a maximised window', () => {
    const window = {
      getNormalBounds: () => ({ x: 10.4, y: 20.6, width: 1000, height: 700 }),
      isMaximized: () => true,
      isFullScreen: () => false,
    };
    expect(captureWindowState(window)).toEqual({
      x: 10,
      y: 21,
      width: 1000,
      height: 700,
      maximized: true,
    });
  });

  it('writes bounds the file can read back', () => {
    const file = fresh();
    const store = createDesktopStateStore(file);
    const window = {
      getNormalBounds: () => ({ x: -1800, y: 0, width: 1000, height: 700 }),
      isMaximized: () => false,
      isFullScreen: () => false,
    };
    store.update((s) => ({ ...s, window: captureWindowState(window) }));
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).window).toEqual({
      x: -1800,
      y: 0,
      width: 1000,
      height: 700,
      maximized: false,
    });
  });
});
