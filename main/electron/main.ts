import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openArchive, type Archive } from '../archive/open';
import { resolveArchivePath } from '../archive/location';
import { createServices } from '../services/serviceTable';
import { CONTENT_SECURITY_POLICY } from '../web/csp';
import { version } from '../version';
import { SHELL_CHANNELS, type MenuCommand } from '../../shared/ipc/api';
import { createSenderCheck, registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { APP_ENTRY, APP_SCHEME, resolveAppUrl } from './protocol';
import { denyPermissions, hardenWebContents } from './security';
import { mainWindowOptions } from './window';
import { nativeShellActions } from './dialogs';
import { contextMenuTemplate } from './contextMenu';

// The Electron entry: app lifecycle only. Everything it wires is tested through fakes.
const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', 'renderer');
const preload = join(here, '..', 'preload', 'preload.cjs');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;
let archive: Archive | null = null;

/** better-sqlite3 built for this Electron (scripts/native.mjs), when running from a checkout. */
function nativeBinding(): string | undefined {
  const file = join(
    app.getAppPath(),
    'native',
    `electron-${process.versions.electron}`,
    'better_sqlite3.node',
  );
  return existsSync(file) ? file : undefined;
}

function archivePathFromArgs(argv: readonly string[]): string | undefined {
  const i = argv.indexOf('--archive');
  return i >= 0
    ? argv[i + 1]
    : argv.find((a) => a.startsWith('--archive='))?.slice('--archive='.length);
}

function send(command: MenuCommand): void {
  mainWindow?.webContents.send(SHELL_CHANNELS.menuCommand, command);
}

async function start(): Promise<void> {
  const path = resolveArchivePath(
    archivePathFromArgs(process.argv),
    process.env,
    app.getPath('userData'),
  );
  try {
    mkdirSync(dirname(path), { recursive: true });
    archive = openArchive(path, { nativeBinding: nativeBinding() });
  } catch (error) {
    dialog.showErrorBox(
      'Copydesk cannot open its archive',
      `${(error as Error).message}\n\nThe file was not changed.`,
    );
    app.exit(1);
    return;
  }
  const services = createServices({ archive, version });

  denyPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppUrl(request.url, rendererDir);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });

  registerIpc(
    ipcMain,
    services,
    createSenderCheck(() => mainWindow?.webContents ?? null),
    nativeShellActions(dialog, () => mainWindow),
  );
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate(send, process.platform === 'darwin')),
  );

  mainWindow = new BrowserWindow(mainWindowOptions(preload));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  const contents = mainWindow.webContents;
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => contents.session.addWordToSpellCheckerDictionary(word),
    });
    if (template.length > 0)
      Menu.buildFromTemplate(template).popup({ window: mainWindow ?? undefined });
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadURL(APP_ENTRY);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, (url) => void shell.openExternal(url)),
  );
  app.on('window-all-closed', () => {
    archive?.close();
    archive = null;
    app.quit();
  });
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox('Copydesk could not start', String(error));
    app.exit(1);
  });
}
