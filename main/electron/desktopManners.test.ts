import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ShellRequest } from '../../shared/ipc/api';
import { SHELL_CHANNELS } from '../../shared/ipc/api';
import { aboutPanelOptions } from './about';
import { buildBridge } from './bridge';
import type { DialogKind } from './desktopState';
import { nativeDialogs } from './dialogs';
import { createHandoffRequests, handoffPathsIn } from './launchFiles';
import { appIconPath } from './resources';
import { defaultSpellcheckLanguage, spellcheckLanguages } from './spellcheck';
import { mainWindowOptions, WINDOW_BACKGROUND, windowBackground } from './window';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('dark mode', () => {
  it('the window background is the page background of the stylesheet, light and dark', () => {
    const css = readFileSync(join(ROOT, 'renderer/styles/base.css'), 'utf8');
    const light = /:root\s*{[^}]*--bg:\s*(#[0-9a-f]{6})/i.exec(css)?.[1];
    const dark = /prefers-color-scheme:\s*dark\)\s*{\s*:root\s*{[^}]*--bg:\s*(#[0-9a-f]{6})/i.exec(
      css,
    )?.[1];
    expect({ light, dark }).toEqual(WINDOW_BACKGROUND);
  });

  it('follows the OS theme', () => {
    expect(mainWindowOptions({ preload: '/p', dark: true }).backgroundColor).toBe(
      WINDOW_BACKGROUND.dark,
    );
    expect(mainWindowOptions({ preload: '/p', dark: false }).backgroundColor).toBe(
      WINDOW_BACKGROUND.light,
    );
    expect(windowBackground(true)).not.toBe(windowBackground(false));
  });

  it('opens where it was last time', () => {
    const options = mainWindowOptions({
      preload: '/p',
      dark: false,
      bounds: { x: 5, y: 6, width: 1000, height: 700 },
      icon: '/i.png',
    });
    expect(options).toMatchObject({
      x: 5,
      y: 6,
      width: 1000,
      height: 700,
      icon: '/i.png',
      show: false,
    });
  });
});

describe('About', () => {
  it('shows the version and what it runs on', () => {
    const options = aboutPanelOptions({
      version: '0.1.0',
      electron: '45.5.0',
      chrome: '142.0.0.0',
      node: '22.20.0',
      platform: 'linux',
      arch: 'x64',
      iconPath: '/r/icon.png',
    });
    expect(options).toMatchObject({
      applicationName: 'Copydesk',
      applicationVersion: '0.1.0',
      iconPath: '/r/icon.png',
    });
    expect(options.version).toContain('Electron 45.5.0');
    expect(options.credits).toContain('Chromium 142.0.0.0');
  });

  it('finds the icon in the installed app and in the checkout', () => {
    expect(
      appIconPath({
        isPackaged: true,
        appPath: '/o/resources/app.asar',
        resourcesPath: '/o/resources',
      }),
    ).toBe('/o/resources/icon.png');
    const dev = appIconPath({ isPackaged: false, appPath: ROOT, resourcesPath: '/x' });
    expect(readFileSync(dev).subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('spell-check language', () => {
  const available = ['de-DE', 'en-GB', 'en-US', 'fr', 'pt-BR'];

  it('keeps the saved choice, minus languages this Electron lacks; an empty list is off', () => {
    expect(spellcheckLanguages(['en-GB', 'xx-YY'], available, 'de-DE')).toEqual(['en-GB']);
    expect(spellcheckLanguages([], available, 'de-DE')).toEqual([]);
  });

  it('starts with the OS language, its base language, or US English', () => {
    expect(defaultSpellcheckLanguage(available, 'en-GB')).toEqual(['en-GB']);
    expect(defaultSpellcheckLanguage(available, 'fr-CA')).toEqual(['fr']);
    expect(defaultSpellcheckLanguage(available, 'pt')).toEqual(['pt-BR']);
    expect(defaultSpellcheckLanguage(available, 'ko-KR')).toEqual(['en-US']);
    expect(defaultSpellcheckLanguage([], 'ko-KR')).toEqual([]);
    expect(spellcheckLanguages(undefined, available, 'de-AT')).toEqual(['de-DE']);
  });
});

describe('.copydesk files handed over by the OS', () => {
  it('finds package paths on a command line, made absolute, switches ignored', () => {
    expect(
      handoffPathsIn(
        [
          '/opt/Copydesk/copydesk',
          '--no-sandbox',
          'story.copydesk',
          '/abs/B.COPYDESK',
          'notes.txt',
          '--x=a.copydesk',
          'story.copydesk',
        ],
        '/home/desk',
      ),
    ).toEqual(['/home/desk/story.copydesk', '/abs/B.COPYDESK']);
    expect(handoffPathsIn(['electron', '.'], '/x')).toEqual([]);
  });

  it('sends an open-handoff request with the name only, once the window listens', () => {
    const sent: ShellRequest[] = [];
    let n = 0;
    const requests = createHandoffRequests(
      (r) => sent.push(r),
      () => `00000000-0000-4000-8000-00000000000${++n}`,
    );
    requests.open('/news/early.copydesk');
    requests.open('/news/early.copydesk');
    expect(sent).toEqual([]);
    requests.ready();
    requests.open('/news/late.copydesk');
    expect(sent).toEqual([
      {
        type: 'open-handoff',
        requestId: '00000000-0000-4000-8000-000000000001',
        fileName: 'early.copydesk',
      },
      {
        type: 'open-handoff',
        requestId: '00000000-0000-4000-8000-000000000002',
        fileName: 'late.copydesk',
      },
    ]);
    expect(JSON.stringify(sent)).not.toContain('/news');
    expect(requests.take('00000000-0000-4000-8000-000000000002')).toBe('/news/late.copydesk');
    expect(requests.take('00000000-0000-4000-8000-000000000002')).toBeUndefined();
    requests.notReady();
    requests.open('/news/third.copydesk');
    expect(sent).toHaveLength(2);
  });

  it('the preload passes on valid requests only, and keeps early ones until the page listens', () => {
    let deliver: ((event: unknown, request: unknown) => void) | undefined;
    const bridge = buildBridge({
      invoke: async () => null,
      on: (channel: string, handler: never) => {
        if (channel === SHELL_CHANNELS.request) deliver = handler;
      },
      removeListener: () => undefined,
    } as never);
    const early = {
      type: 'open-handoff',
      requestId: '00000000-0000-4000-8000-000000000001',
      fileName: 'a.copydesk',
    };
    deliver!({}, early);
    deliver!({}, { type: 'open-handoff', requestId: 'not-a-uuid', fileName: 'b.copydesk' });
    deliver!({}, { type: 'run', command: 'rm -rf /' });
    deliver!({}, { type: 'open-archive', path: '/news/a.sqlite', extra: 1 });
    const seen: ShellRequest[] = [];
    const stop = bridge.shell.onRequest((r) => seen.push(r));
    deliver!({}, { type: 'open-archive' });
    stop();
    deliver!({}, { type: 'open-archive', path: '/after/stop.sqlite' });
    expect(seen).toEqual([early, { type: 'open-archive' }]);
  });
});

describe('native dialogs remember the last folder', () => {
  function fakeDialog(answers: { open?: string[]; save?: string; button?: number }) {
    const asked: { kind: string; defaultPath?: string; message?: string }[] = [];
    return {
      asked,
      dialog: {
        showOpenDialog: async (options: { defaultPath?: string }) => (
          asked.push({ kind: 'open', defaultPath: options.defaultPath }),
          { canceled: !answers.open, filePaths: answers.open ?? [] }
        ),
        showSaveDialog: async (options: { defaultPath?: string }) => (
          asked.push({ kind: 'save', defaultPath: options.defaultPath }),
          { canceled: !answers.save, filePath: answers.save ?? '' }
        ),
        showMessageBox: async (options: { message: string }) => (
          asked.push({ kind: 'question', message: options.message }),
          { response: answers.button ?? 1, checkboxChecked: false }
        ),
      },
    };
  }

  function memory() {
    const folders = new Map<DialogKind, string>();
    return {
      folders,
      get: (k: DialogKind) => folders.get(k),
      remember: (k: DialogKind, f: string) => folders.set(k, f),
    };
  }

  it('import, export and archive dialogs each reopen in the folder used last', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-dialog-'));
    mkdirSync(join(dir, 'scripts'));
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'scripts', 'a.txt'), 'HARBOR BRIDGE');
    const folders = memory();
    const dialogs = (fake: ReturnType<typeof fakeDialog>) =>
      nativeDialogs(fake.dialog as never, () => null, folders);

    const importing = fakeDialog({ open: [join(dir, 'scripts', 'a.txt')] });
    expect(await dialogs(importing).pickImportPaths()).toEqual([join(dir, 'scripts', 'a.txt')]);
    expect(folders.folders.get('import')).toBe(join(dir, 'scripts'));
    const again = fakeDialog({});
    await dialogs(again).pickImportPaths();
    expect(again.asked).toEqual([{ kind: 'open', defaultPath: join(dir, 'scripts') }]);

    const exporting = fakeDialog({ save: join(dir, 'out', 'show.rtf') });
    expect(await dialogs(exporting).chooseSaveFile('show.rtf')).toBe(join(dir, 'out', 'show.rtf'));
    const exportAgain = fakeDialog({});
    await dialogs(exportAgain).chooseSaveFile('next.txt');
    expect(exportAgain.asked).toEqual([
      { kind: 'save', defaultPath: join(dir, 'out', 'next.txt') },
    ]);
    // A folder for one file per story opens where the last export went, and becomes the last.
    const perStory = fakeDialog({ open: [join(dir, 'scripts')] });
    expect(await dialogs(perStory).chooseFolder(3)).toBe(join(dir, 'scripts'));
    expect(perStory.asked).toEqual([{ kind: 'open', defaultPath: join(dir, 'out') }]);
    expect(folders.folders.get('export')).toBe(join(dir, 'scripts'));

    const archive = fakeDialog({ open: [join(dir, 'desk.sqlite')] });
    expect(await dialogs(archive).pickArchive()).toBe(join(dir, 'desk.sqlite'));
    expect(folders.folders.get('archive')).toBe(dir);
    expect(folders.folders.get('import')).toBe(join(dir, 'scripts'));
  });

  it('asks before replacing files, naming them, and takes Cancel as no', async () => {
    const folders = memory();
    const yes = fakeDialog({ button: 0 });
    expect(
      await nativeDialogs(yes.dialog as never, () => null, folders).confirmReplace('/x/out', [
        'A.nsml',
      ]),
    ).toBe(true);
    expect(yes.asked).toEqual([
      { kind: 'question', message: 'out already has a file named A.nsml. Replace it?' },
    ]);
    const no = fakeDialog({});
    expect(
      await nativeDialogs(no.dialog as never, () => null, folders).confirmReplace('/x/out', [
        'A.nsml',
        'B.nsml',
      ]),
    ).toBe(false);
  });

  it('a cancelled dialog changes nothing', async () => {
    const folders = memory();
    const cancelled = fakeDialog({});
    const dialogs = nativeDialogs(cancelled.dialog as never, () => null, folders);
    expect(await dialogs.pickImportPaths()).toEqual([]);
    expect(await dialogs.pickArchive()).toBeNull();
    expect(await dialogs.chooseSaveFile('a.txt')).toBeNull();
    expect(await dialogs.chooseFolder(2)).toBeNull();
    expect(folders.folders.size).toBe(0);
  });
});
