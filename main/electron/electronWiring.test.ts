import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import { SHELL_CHANNELS } from '../../shared/ipc/api';
import { openArchive } from '../archive/open';
import { createServices } from '../services/serviceTable';
import { createSenderCheck, registerIpc, type ShellActions } from './ipc';
import { buildBridge } from './bridge';
import { menuTemplate } from './menu';
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
  saveFile: async () => ({ saved: true, path: '/tmp/x' }),
  pickImportFiles: async () => [],
};

function wired() {
  const ipc = fakeIpcMain();
  const registered = registerIpc(
    ipc as never,
    services,
    createSenderCheck(() => ourContents),
    shell,
  );
  return { ipc, registered };
}

describe('IPC wiring', () => {
  it('registers every contract channel and the shell channels, each once', () => {
    const { ipc, registered } = wired();
    expect([...ipc.handlers.keys()].sort()).toEqual(
      [...CHANNELS, SHELL_CHANNELS.saveFile, SHELL_CHANNELS.pickImportFiles].sort(),
    );
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
      await ipc.handlers.get(SHELL_CHANNELS.saveFile)!(trusted, {
        fileName: 'a.txt',
        mimeType: 'text/plain',
        encoding: 'utf8',
        data: 'x',
      }),
    ).toEqual({
      ok: true,
      value: { saved: true, path: '/tmp/x' },
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
    expect(mainWindowOptions('/p/preload.cjs').webPreferences).toMatchObject({
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
    });
  });

  it('blocks navigation away from the app, webviews, and new windows', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
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
      listeners.get(name)!({ preventDefault: () => (stopped = true) }, url);
      return stopped;
    };
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-navigate', `${APP_ENTRY}#x`)).toBe(false);
    expect(prevented('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
    expect(openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.org/']);
    expect(isExternalWebLink('smb://server/share')).toBe(false);
  });

  it('denies every permission request', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    denyPermissions({
      setPermissionRequestHandler: (h: never) => (request = h),
      setPermissionCheckHandler: (h: never) => (check = h),
    } as never);
    const answers: boolean[] = [];
    for (const p of ['media', 'notifications', 'geolocation', 'clipboard-read'])
      request!(null, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false]);
    expect(check!()).toBe(false);
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

describe('application menu', () => {
  it('has File → New, Import…, Export…, Save and the standard roles', () => {
    const sent: string[] = [];
    const menu = menuTemplate((c) => sent.push(c), false);
    const file = menu.find((m) => m.label === 'File')!.submenu as {
      label?: string;
      click?: () => void;
      role?: string;
    }[];
    for (const item of file) item.click?.();
    expect(sent).toEqual(['new-story', 'import', 'export', 'save']);
    const roles = menu
      .flatMap((m) => [
        m.role,
        ...((m.submenu as { role?: string }[] | undefined) ?? []).map((s) => s.role),
      ])
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
    expect(menuTemplate(() => {}, true)[0]).toEqual({ role: 'appMenu' });
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
