import {
  app,
  BrowserWindow,
  crashReporter,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  screen,
  session,
  shell,
} from 'electron';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openArchive } from '../archive/open';
import { resolveArchivePath } from '../archive/location';
import { createServices } from '../services/serviceTable';
import { version } from '../common/version';
import { SHELL_CHANNELS, type MenuCommand, type ShellRequest } from '../../shared/ipc/api';
import { aboutPanelOptions } from './about';
import { createAppProtocolHandler } from './appProtocol';
import type { ArchiveHolder } from './archiveHolder';
import { createArchiveSession } from '../services/archiveSession';
import { backupsWhileOpen } from '../archive/autoBackup';
import { contextMenuTemplate } from './contextMenu';
import { createDesktopStateStore, STATE_FILE_NAME } from './desktopState';
import { readPickedFile, nativeDialogs } from './dialogs';
import { createDesktopFiles } from './desktopFiles';
import { captureConsole, createErrorLog } from './errorLog';
import { createSenderCheck, registerIpc } from './ipc';
import { createHandoffRequests, handoffPathsIn } from './launchFiles';
import { HANDOFF_EXTENSION } from '../../shared/exchange/handoff';
import { menuTemplate, type SpellingMenu } from './menu';
import { chooseNativeBinding, type RuntimeFacts } from './nativeBinding';
import { createOpenArchiveAction } from './openArchiveAction';
import { APP_ENTRY, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './protocol';
import { addRecentArchive, removeRecentArchive } from './recentArchives';
import { appIconPath } from './resources';
import { denyPermissions, hardenWebContents } from './security';
import { defaultSpellcheckLanguage, spellcheckLanguages } from './spellcheck';
import { mainWindowOptions, windowBackground } from './window';
import { captureWindowState, restoreWindowBounds } from './windowState';
import { createPrompterHub } from '../prompter/hub';
import { createRemoteHost } from '../prompter/remoteHost';
import { registerPrompterIpc } from './prompterIpc';
import {
  describeDisplays,
  outputDisplay,
  outputWindowOptions,
  PROMPTER_OUTPUT_URL,
} from './prompterWindow';

// The Electron entry: app lifecycle and wiring only. The logic lives in the modules it imports,
// each tested through fakes or real files (main/electron/*.test.ts).
const APP_ID = 'news.copydesk.desktop';
const isMac = process.platform === 'darwin';
const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', 'renderer');
const preload = join(here, '..', 'preload', 'preload.cjs');
const userData = app.getPath('userData');

const log = createErrorLog({ dir: join(userData, 'logs') });
captureConsole(console, log);
process.on('uncaughtException', (error) => log.error('uncaught exception', error));
process.on('unhandledRejection', (error) => log.error('unhandled rejection', error));
app.setPath('crashDumps', join(userData, 'crashes'));
crashReporter.start({ uploadToServer: false });

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } },
]);

const state = createDesktopStateStore(join(userData, STATE_FILE_NAME), (error) =>
  log.error('desktop state not saved', error),
);
let mainWindow: BrowserWindow | null = null;
let holder: ArchiveHolder | null = null;
let outputWindow: BrowserWindow | null = null;
const prompterHub = createPrompterHub();
const remoteControl = createRemoteHost({
  hub: prompterHub,
  log: (line) => log.write('prompter', { message: line }),
});

/** The prompter's talent output: opened, or moved, full screen on the display asked for. */
async function openPrompterOutput(displayId: number | null): Promise<void> {
  const display = outputDisplay(
    screen.getAllDisplays(),
    mainWindow?.getBounds() ?? null,
    displayId,
  );
  if (!display) throw new Error('no display is connected');
  if (outputWindow && !outputWindow.isDestroyed()) {
    outputWindow.setFullScreen(false);
    outputWindow.setBounds(display.bounds);
    outputWindow.setFullScreen(true);
    outputWindow.show();
    return;
  }
  const window = new BrowserWindow(outputWindowOptions(display.bounds));
  outputWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => (outputWindow = null));
  await window.loadURL(PROMPTER_OUTPUT_URL);
}
const sendRequest = (request: ShellRequest) =>
  mainWindow?.webContents.send(SHELL_CHANNELS.request, request);
const handoffs = createHandoffRequests(sendRequest);

const runtime = (): RuntimeFacts => ({
  isPackaged: app.isPackaged,
  appPath: app.getAppPath(),
  resourcesPath: process.resourcesPath,
  electronVersion: process.versions.electron,
  platform: process.platform,
  arch: process.arch,
  exists: existsSync,
});

function send(command: MenuCommand): void {
  mainWindow?.webContents.send(SHELL_CHANNELS.menuCommand, command);
}

function rememberArchive(path: string): void {
  state.update((s) => ({ ...s, recentArchives: addRecentArchive(s.recentArchives, path) }));
  app.addRecentDocument(path);
  refreshMenu();
}

function forgetArchive(path: string): void {
  state.update((s) => ({ ...s, recentArchives: removeRecentArchive(s.recentArchives, path) }));
  refreshMenu();
}

function applySpelling(languages: readonly string[]): void {
  const spellSession = session.defaultSession;
  spellSession.setSpellCheckerEnabled(languages.length > 0);
  if (languages.length > 0 && !isMac) spellSession.setSpellCheckerLanguages([...languages]);
}

function spellingMenu(): SpellingMenu | undefined {
  if (isMac) return undefined;
  const available = session.defaultSession.availableSpellCheckerLanguages;
  return {
    available,
    selected: spellcheckLanguages(state.get().spellcheckLanguages, available, app.getLocale()),
    defaultLanguages: defaultSpellcheckLanguage(available, app.getLocale()),
    select(languages) {
      state.update((s) => ({ ...s, spellcheckLanguages: languages }));
      applySpelling(languages);
      refreshMenu();
    },
  };
}

function refreshMenu(): void {
  const template = menuTemplate({
    isMac,
    send,
    openArchive: (path) => sendRequest({ type: 'open-archive', path }),
    recentArchives: state.get().recentArchives,
    clearRecentArchives: () => {
      state.update((s) => ({ ...s, recentArchives: [] }));
      app.clearRecentDocuments();
      refreshMenu();
    },
    spelling: spellingMenu(),
    showLogFolder: () => void shell.openPath(dirname(log.file)),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(): BrowserWindow {
  const displays = screen.getAllDisplays().map((d) => d.workArea);
  const { bounds, maximized } = restoreWindowBounds(state.get().window, displays);
  const window = new BrowserWindow(
    mainWindowOptions({
      preload,
      bounds,
      dark: nativeTheme.shouldUseDarkColors,
      icon: isMac ? undefined : appIconPath(runtime()),
    }),
  );
  if (maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => state.update((s) => ({ ...s, window: captureWindowState(window) })));
  window.on('closed', () => {
    mainWindow = null;
    handoffs.notReady();
    outputWindow?.close();
  });
  // The preload holds requests until the page listens, so the page may be told once it loaded.
  window.webContents.on('did-finish-load', () => handoffs.ready());
  window.webContents.on('context-menu', (_event, params) => {
    const items = contextMenuTemplate(params, {
      replaceMisspelling: (word) => window.webContents.replaceMisspelling(word),
      addToDictionary: (word) => window.webContents.session.addWordToSpellCheckerDictionary(word),
    });
    if (items.length > 0) Menu.buildFromTemplate(items).popup({ window });
  });
  return window;
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  const binding = chooseNativeBinding(runtime());
  const archivePath = resolveArchivePath(archiveOption(process.argv), process.env, userData);
  try {
    if ('problem' in binding) throw new Error(binding.problem);
    const nativeBinding = binding.path;
    mkdirSync(dirname(archivePath), { recursive: true });
    // An archive that cannot be opened (newer, damaged, read-only here) opens the window anyway:
    // the page says which and offers the way forward.
    holder = createArchiveSession(archivePath, {
      open: (path, options) => openArchive(path, { ...options, nativeBinding }),
      makeServices: (archive, session) =>
        createServices({ archive, version, session, log: (entry) => log.write(entry) }),
      whileOpen: (archive) =>
        backupsWhileOpen(archive, (line) => log.write('backup', { message: line })),
    });
  } catch (error) {
    log.error('archive not opened', error);
    dialog.showErrorBox(
      'Copydesk cannot open its archive',
      `${(error as Error).message}\n\nThe file was not changed.`,
    );
    app.exit(1);
    return;
  }
  rememberArchive(holder.path());

  denyPermissions(session.defaultSession);
  applySpelling(spellingMenu()?.selected ?? []);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
  app.setAboutPanelOptions(
    aboutPanelOptions({
      version,
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      node: process.versions.node,
      platform: process.platform,
      arch: process.arch,
      iconPath: isMac ? undefined : appIconPath(runtime()),
    }),
  );

  const dialogs = nativeDialogs(dialog, () => mainWindow, {
    get: (kind) => state.get().lastFolders[kind],
    remember: (kind, folder) =>
      state.update((s) => ({ ...s, lastFolders: { ...s.lastFolders, [kind]: folder } })),
  });
  const archives = holder;
  const files = createDesktopFiles({
    services: () => archives.services(),
    dialogs,
    readImportFile: readPickedFile,
    openedPath: (requestId) => handoffs.take(requestId),
  });
  registerIpc(
    ipcMain,
    () => archives.services(),
    createSenderCheck(() => mainWindow?.webContents ?? null),
    {
      ...files,
      openArchive: createOpenArchiveAction({
        holder: archives,
        pickArchive: dialogs.pickArchive,
        recentArchives: () => state.get().recentArchives,
        exists: existsSync,
        remember: rememberArchive,
        forget: forgetArchive,
      }),
    },
  );
  registerPrompterIpc(
    ipcMain,
    createSenderCheck(() => mainWindow?.webContents ?? null),
    {
      hub: prompterHub,
      remote: remoteControl,
      displays: () => describeDisplays(screen.getAllDisplays(), screen.getPrimaryDisplay().id),
      openOutput: openPrompterOutput,
    },
  );
  refreshMenu();
  nativeTheme.on('updated', () =>
    mainWindow?.setBackgroundColor(windowBackground(nativeTheme.shouldUseDarkColors)),
  );

  mainWindow = createWindow();
  handoffPathsIn(process.argv, process.cwd()).forEach((path) => handoffs.open(path));
  await mainWindow.loadURL(APP_ENTRY);
}

function archiveOption(argv: readonly string[]): string | undefined {
  const i = argv.indexOf('--archive');
  return i >= 0
    ? argv[i + 1]
    : argv.find((a) => a.startsWith('--archive='))?.slice('--archive='.length);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow();
    handoffPathsIn(argv, workingDirectory).forEach((path) => handoffs.open(path));
  });
  // macOS hands files over by event, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (path.toLowerCase().endsWith(HANDOFF_EXTENSION)) handoffs.open(path);
    focusWindow();
  });
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, (url) => void shell.openExternal(url)),
  );
  app.on('render-process-gone', (_event, _contents, details) =>
    log.write('renderer gone', { reason: details.reason, exitCode: details.exitCode }),
  );
  app.on('child-process-gone', (_event, details) =>
    log.write('child process gone', {
      type: details.type,
      reason: details.reason,
      exitCode: details.exitCode,
    }),
  );
  app.on('window-all-closed', () => {
    void remoteControl.close();
    holder?.close();
    holder = null;
    app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('start failed', error);
      dialog.showErrorBox('Copydesk could not start', String(error));
      app.exit(1);
    });
}
