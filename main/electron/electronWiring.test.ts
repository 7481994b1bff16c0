import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import { SHELL_CHANNELS } from '../../shared/ipc/api';
import { openArchive } from '../archive/open';
import { createServices } from '../services/serviceTable';
import { createSenderCheck, registerIpc, SHELL_INVOKE_CHANNELS, type ShellActions } from './ipc';
import { buildBridge } from './bridge';
import { menuTemplate, type MenuSetup } from './menu';
import { contextMenuTemplate } from './contextMenu';
import { APP_ENTRY, resolveAppUrl } from './protocol';
import { denyPermissions, hardenWebContents, isExternalWebLink } from './security';
import { mainWindowOptions } from './window';

type Handler = (event: unknown, input?: unknown) => unknown;

/** A recorded ipcMain: which channels were registered, and a way to call them as a frame would. */
function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle(channel: string, handler: Handler) {
      if (handlers.has(channel)) throw new Error(`${channel} registered twice`);
      handlers.set(channel, handler);
    },
  };
}

const mainFrame = { url: APP_ENTRY };
const ourContents = { mainFrame } as unknown as WebContents;
const trusted = { sender: ourContents, senderFrame: mainFrame } as unknown as IpcMainInvokeEvent;

const dir = mkdtempSync(join(tmpdir(), 'copydesk-ipc-'));
const archive = openArchive(join(dir, 'a.sqlite'));
afterAll(() => archive.close());
const services = createServices({ archive, version: 'test' });
const shell: ShellActions = {
  exportTo: async () => ({ saved: true, paths: ['/tmp/x.rtf'], folder: null }),
  handoffTo: async () => ({ saved: false }),
  importPicked: async () => null,
  importOpened: async () => ({ stories: [], merged: [], dropped: [] }),
  openArchive: async () => ({ opened: false }),
};

function wired() {
  const ipc = fakeIpcMain();
  const registered = registerIpc(
    ipc as never,
    () => services,
    createSenderCheck(() => ourContents),
    shell,
  );
  return { ipc, registered };
}

describe('IPC wiring', () => {
  it('registers every contract channel and the shell channels, each once', () => {
    const { ipc, registered } = wired();
    expect([...ipc.handlers.keys()].sort()).toEqual([...CHANNELS, ...SHELL_INVOKE_CHANNELS].sort());
    expect(registered.sort()).toEqual([...ipc.handlers.keys()].sort());
  });

  it('validates the input of every channel', async () => {
    const { ipc } = wired();
    for (const [channel, handler] of ipc.handlers) {
      const result = (await handler(trusted, { definitely: 'not valid', id: 12 })) as {
        ok: boolean;
        error?: { code: string };
      };
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('refuses every channel to a sender that is not our window’s main frame on app://', async () => {
    const { ipc } = wired();
    const strangers = [
      { sender: ourContents, senderFrame: { url: 'https://evil.example/' } },
      { sender: ourContents, senderFrame: { url: APP_ENTRY, parent: mainFrame } },
      { sender: { mainFrame: { url: APP_ENTRY } }, senderFrame: { url: APP_ENTRY } },
      { sender: ourContents, senderFrame: null },
    ];
    for (const [channel, handler] of ipc.handlers) {
      for (const event of strangers) {
        const result = await handler(event, {});
        expect(result, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
  });

  it('serves a valid call from our window', async () => {
    const { ipc } = wired();
    expect(await ipc.handlers.get('app.info')!(trusted, {})).toMatchObject({
      ok: true,
      value: { version: 'test' },
    });
    expect(
      await ipc.handlers.get(SHELL_CHANNELS.exportTo)!(trusted, {
        selection: { all: true },
        format: 'prompter-rtf',
      }),
    ).toEqual({
      ok: true,
      value: { saved: true, paths: ['/tmp/x.rtf'], folder: null },
    });
  });
});

describe('preload bridge', () => {
  it('exposes exactly one function per contract channel and invokes the same channel', async () => {
    const calls: [string, unknown][] = [];
    const bridge = buildBridge({
      invoke: async (channel: string, input?: unknown) => (
        calls.push([channel, input]),
        { ok: true, value: null }
      ),
      on: () => undefined as never,
      removeListener: () => undefined as never,
    } as never);
    expect(Object.keys(bridge.api).sort()).toEqual([...CHANNELS].sort());
    await bridge.api['stories.get']({ id: 'x' });
    expect(calls).toEqual([['stories.get', { id: 'x' }]]);
  });

  it('passes on only known menu commands', () => {
    let handler: ((e: unknown, c: unknown) => void) | undefined;
    const bridge = buildBridge({
      invoke: async () => null,
      on: (_c: string, h: never) => (handler = h),
      removeListener: () => undefined,
    } as never);
    const seen: string[] = [];
    bridge.shell.onMenuCommand((c) => seen.push(c));
    handler!({}, 'save');
    handler!({}, 'rm -rf');
    expect(seen).toEqual(['save']);
  });
});

describe('window and web contents hardening', () => {
  it('sets every secure web preference', () => {
    expect(mainWindowOptions({ preload: '/p/preload.cjs', dark: false }).webPreferences).toEqual({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: true,
      safeDialogs: true,
    });
  });

  it('blocks navigation away from the app in every frame, webviews, and new windows', () => {
    type Listener = (event: { preventDefault(): void; url?: string }, url?: string) => void;
    const listeners = new Map<string, Listener>();
    let openHandler: ((d: { url: string; disposition: string }) => { action: string }) | undefined;
    const opened: string[] = [];
    hardenWebContents(
      {
        on: (name: string, l: never) => listeners.set(name, l),
        setWindowOpenHandler: (h: never) => (openHandler = h),
      } as never,
      (url) => opened.push(url),
    );
    const prevented = (name: string, url?: string) => {
      let stopped = false;
      listeners.get(name)!({ preventDefault: () => (stopped = true), url }, url);
      return stopped;
    };
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-navigate', `${APP_ENTRY}#x`)).toBe(false);
    expect(prevented('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-frame-navigate', 'data:text/html,x')).toBe(true);
    expect(prevented('will-frame-navigate', APP_ENTRY)).toBe(false);
    expect(prevented('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);

    const click = (url: string, disposition = 'foreground-tab') =>
      openHandler!({ url, disposition });
    expect(click('https://example.org/')).toEqual({ action: 'deny' });
    expect(click('http://example.org/a', 'background-tab')).toEqual({ action: 'deny' });
    expect(click('https://popup.example/', 'new-window')).toEqual({ action: 'deny' });
    expect(click('https://other.example/', 'other')).toEqual({ action: 'deny' });
    expect(click('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(click('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(click('https://user:pass@bank.example/')).toEqual({ action: 'deny' });
    expect(click(`https://example.org/${'a'.repeat(3000)}`)).toEqual({ action: 'deny' });
    // Only the two link clicks reached the system browser.
    expect(opened).toEqual(['https://example.org/', 'http://example.org/a']);
    for (const url of ['smb://server/share', 'mailto:a@b.c', 'app://copydesk/index.html'])
      expect(isExternalWebLink(url), url).toBe(false);
  });

  it('never hands a link to this machine (localhost, 127.0.0.1 in any spelling) to the system browser', () => {
    const opened: string[] = [];
    let openHandler: ((d: { url: string; disposition: string }) => { action: string }) | undefined;
    hardenWebContents(
      { on: () => undefined, setWindowOpenHandler: (h: never) => (openHandler = h) } as never,
      (url) => opened.push(url),
    );
    const loopback = [
      'http://localhost:5173/',
      'http://LOCALHOST./api/stories.delete',
      'https://app.localhost/',
      'http://127.0.0.1:4242/?token=x',
      'http://127.1/',
      'http://2130706433/',
      'http://0x7f.0.0.1/',
      'http://0.0.0.0:8080/',
      'http://[::1]:3000/',
      'http://[0:0:0:0:0:0:0:1]/',
      'http://[::ffff:127.0.0.1]/',
    ];
    for (const url of loopback) {
      expect(isExternalWebLink(url), url).toBe(false);
      expect(openHandler!({ url, disposition: 'foreground-tab' })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual([]);
    for (const url of ['https://localhost.example.org/', 'http://127.0.0.1.nip.example/'])
      expect(isExternalWebLink(url), url).toBe(true);
  });

  it('denies every permission request', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    let device: (() => boolean) | undefined;
    denyPermissions({
      setPermissionRequestHandler: (h: never) => (request = h),
      setPermissionCheckHandler: (h: never) => (check = h),
      setDevicePermissionHandler: (h: never) => (device = h),
    } as never);
    const answers: boolean[] = [];
    for (const p of ['media', 'notifications', 'geolocation', 'clipboard-read'])
      request!(null, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false]);
    expect(check!()).toBe(false);
    expect(device!()).toBe(false);
  });

  it('serves only files inside the renderer folder over app://', () => {
    expect(resolveAppUrl('app://copydesk/index.html', '/r')).toBe('/r/index.html');
    expect(resolveAppUrl('app://copydesk/', '/r')).toBe('/r/index.html');
    expect(resolveAppUrl('app://copydesk/assets/a.js', '/r')).toBe('/r/assets/a.js');
    expect(resolveAppUrl('app://copydesk/../etc/passwd', '/r')).toBe('/r/etc/passwd');
    // URL parsing folds dot segments, encoded or not, before the path reaches us...
    expect(resolveAppUrl('app://copydesk/%2e%2e/%2e%2e/etc/passwd', '/r')).toBe('/r/etc/passwd');
    // ...and an encoded slash that would climb out after decoding is refused.
    expect(resolveAppUrl('app://copydesk/..%2f..%2fetc%2fpasswd', '/r')).toBeNull();
    expect(resolveAppUrl('app://other/index.html', '/r')).toBeNull();
    expect(resolveAppUrl('file:///r/index.html', '/r')).toBeNull();
  });
});

type Item = {
  label?: string;
  role?: string;
  type?: string;
  checked?: boolean;
  enabled?: boolean;
  click?: () => void;
  submenu?: Item[];
};

function menuFor(overrides: Partial<MenuSetup> = {}) {
  const calls: string[] = [];
  const setup: MenuSetup = {
    isMac: false,
    send: (c) => calls.push(`send ${c}`),
    openArchive: (path) => calls.push(`open ${path ?? 'dialog'}`),
    recentArchives: ['/news/a.sqlite', '/news/b.sqlite'],
    clearRecentArchives: () => calls.push('clear'),
    showLogFolder: () => calls.push('log'),
    spelling: {
      available: ['en-US', 'en-GB', 'fr'],
      selected: ['en-GB'],
      defaultLanguages: ['en-US'],
      select: (langs) => calls.push(`spell ${langs.join(',') || 'off'}`),
    },
    ...overrides,
  };
  const menu = menuTemplate(setup) as Item[];
  const top = (label: string) => menu.find((m) => m.label === label || m.role === label)!.submenu!;
  return { menu, top, calls };
}

describe('application menu', () => {
  it('has File → New, Open Archive…, Open Recent, Import…, Export…, Save', () => {
    const { top, calls } = menuFor();
    const file = top('File');
    expect(file.filter((i) => i.label).map((i) => i.label)).toEqual([
      'New Story',
      'Open Archive…',
      'Open Recent',
      'Import…',
      'Export…',
      'Save',
    ]);
    for (const item of file) item.click?.();
    expect(calls).toEqual([
      'send new-story',
      'open dialog',
      'send import',
      'send export',
      'send save',
    ]);
  });

  it('lists recent archives, opens one, and clears them', () => {
    const { top, calls } = menuFor();
    const recent = top('File').find((i) => i.label === 'Open Recent')!.submenu!;
    expect(recent.map((i) => i.label ?? i.type)).toEqual([
      '/news/a.sqlite',
      '/news/b.sqlite',
      'separator',
      'Clear Recent',
    ]);
    recent[1]!.click!();
    recent[3]!.click!();
    expect(calls).toEqual(['open /news/b.sqlite', 'clear']);
    const empty = menuFor({ recentArchives: [] }).top('File');
    const none = empty.find((i) => i.label === 'Open Recent')!.submenu!;
    expect(none[0]).toMatchObject({ label: 'No recent archives', enabled: false });
    expect(none.at(-1)).toMatchObject({ label: 'Clear Recent', enabled: false });
  });

  it('offers spell-check languages (not on macOS, where the system picks)', () => {
    const { top, calls } = menuFor();
    const spelling = top('Edit').find((i) => i.label === 'Spelling')!.submenu!;
    expect(spelling[0]).toMatchObject({ label: 'Check Spelling', type: 'checkbox', checked: true });
    const languages = spelling.filter((i) => i.type === 'radio');
    expect(languages.map((l) => [l.label, l.checked])).toEqual([
      ['American English', false],
      ['British English', true],
      ['French', false],
    ]);
    languages[2]!.click!();
    spelling[0]!.click!();
    expect(calls).toEqual(['spell fr', 'spell off']);
    const off = menuFor({
      spelling: {
        available: ['en-US'],
        selected: [],
        defaultLanguages: ['en-US'],
        select: (l) => calls.push(`spell ${l}`),
      },
    });
    off.top('Edit').find((i) => i.label === 'Spelling')!.submenu![0]!.click!();
    expect(calls.at(-1)).toBe('spell en-US');
    expect(
      menuFor({ isMac: true, spelling: undefined })
        .top('Edit')
        .some((i) => i.label === 'Spelling'),
    ).toBe(false);
  });

  it('has Help → Show Error Log and About, and the standard roles', () => {
    const { menu, top, calls } = menuFor();
    top('help').find((i) => i.label === 'Show Error Log')!.click!();
    expect(calls).toEqual(['log']);
    expect(top('help').some((i) => i.role === 'about')).toBe(true);
    const roles = menu
      .flatMap((m) => [m.role, ...(m.submenu ?? []).map((s) => s.role)])
      .filter(Boolean);
    expect(roles).toEqual(
      expect.arrayContaining([
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
        'windowMenu',
        'quit',
        'zoomIn',
      ]),
    );
    const mac = menuFor({ isMac: true }).menu;
    expect(mac[0]).toEqual({ role: 'appMenu' });
    // On macOS About lives in the app menu.
    expect(mac.find((m) => m.role === 'help')!.submenu!.some((i) => i.role === 'about')).toBe(
      false,
    );
  });
});

describe('spellcheck context menu', () => {
  const actions = () => {
    const done: string[] = [];
    return {
      done,
      actions: {
        replaceMisspelling: (w: string) => done.push(`replace:${w}`),
        addToDictionary: (w: string) => done.push(`add:${w}`),
      },
    };
  };

  it('offers the spellchecker’s suggestions and “Add to dictionary” for a misspelt word', () => {
    const { done, actions: a } = actions();
    const menu = contextMenuTemplate(
      {
        misspelledWord: 'brigde',
        dictionarySuggestions: ['bridge', 'bride'],
        isEditable: true,
        selectionText: '',
      },
      a,
    );
    expect(menu.map((m) => m.label ?? m.role ?? m.type)).toEqual([
      'bridge',
      'bride',
      'Add “brigde” to dictionary',
      'separator',
      'cut',
      'copy',
      'paste',
      'separator',
      'selectAll',
    ]);
    menu[0]!.click!({} as never, undefined, {} as never);
    menu[2]!.click!({} as never, undefined, {} as never);
    expect(done).toEqual(['replace:bridge', 'add:brigde']);
  });

  it('says when there is no suggestion, and offers only copy outside editable text', () => {
    const { actions: a } = actions();
    expect(
      contextMenuTemplate(
        { misspelledWord: 'xqzt', dictionarySuggestions: [], isEditable: true, selectionText: '' },
        a,
      )[0],
    ).toEqual({ label: 'No spelling suggestions', enabled: false });
    expect(
      contextMenuTemplate(
        { misspelledWord: '', dictionarySuggestions: [], isEditable: false, selectionText: 'slug' },
        a,
      ),
    ).toEqual([{ role: 'copy' }]);
  });
});
