import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/api';
import { languageName } from './spellcheck';

export type SpellingMenu = {
  available: readonly string[];
  selected: readonly string[];
  select(languages: string[]): void;
  /** What "Check Spelling" turns on when it was off. */
  defaultLanguages: readonly string[];
};

export type MenuSetup = {
  isMac: boolean;
  send(command: MenuCommand): void;
  openArchive(path?: string): void;
  recentArchives: readonly string[];
  clearRecentArchives(): void;
  /** Absent on macOS, where the system spell checker picks the language itself. */
  spelling?: SpellingMenu;
  showLogFolder(): void;
};

function recentSubmenu(setup: MenuSetup): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = setup.recentArchives.map((path) => ({
    label: path,
    click: () => setup.openArchive(path),
  }));
  if (items.length === 0) items.push({ label: 'No recent archives', enabled: false });
  items.push(
    { type: 'separator' },
    {
      label: 'Clear Recent',
      enabled: setup.recentArchives.length > 0,
      click: setup.clearRecentArchives,
    },
  );
  return items;
}

function spellingSubmenu(spelling: SpellingMenu): MenuItemConstructorOptions {
  const on = spelling.selected.length > 0;
  return {
    label: 'Spelling',
    submenu: [
      {
        label: 'Check Spelling',
        type: 'checkbox',
        checked: on,
        click: () => spelling.select(on ? [] : [...spelling.defaultLanguages]),
      },
      { type: 'separator' },
      ...[...spelling.available]
        .map((code) => ({ code, name: languageName(code) }))
        .sort((a, b) => a.name.localeCompare(b.name))
        .map(({ code, name }): MenuItemConstructorOptions => ({
          label: name,
          type: 'radio',
          checked: spelling.selected.includes(code),
          click: () => spelling.select([code]),
        })),
    ],
  };
}

/**
 * The application menu: File with the story commands (sent to the renderer, which owns the open
 * story) and the archive commands, the standard Edit, View and Window roles so copy, paste, undo,
 * zoom and window management behave as in every other app, and Help with About and the log.
 */
export function menuTemplate(setup: MenuSetup): MenuItemConstructorOptions[] {
  const { send, isMac } = setup;
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New Story', accelerator: 'CmdOrCtrl+N', click: () => send('new-story') },
      { type: 'separator' },
      { label: 'Open Archive…', click: () => setup.openArchive() },
      { label: 'Open Recent', submenu: recentSubmenu(setup) },
      { type: 'separator' },
      { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => send('import') },
      { label: 'Export…', accelerator: 'CmdOrCtrl+Shift+E', click: () => send('export') },
      { type: 'separator' },
      { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => send('save') },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      { label: 'Find in Archive', accelerator: 'CmdOrCtrl+Shift+F', click: () => send('find') },
      ...(setup.spelling ? [{ type: 'separator' } as const, spellingSubmenu(setup.spelling)] : []),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu' };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: 'Show Error Log', click: setup.showLogFolder },
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'about' } as const]),
    ],
  };
  const app: MenuItemConstructorOptions[] = isMac ? [{ role: 'appMenu' }] : [];
  return [...app, file, edit, view, windowMenu, help];
}
