import type {
  BrowserWindow,
  Dialog,
  MessageBoxOptions,
  OpenDialogOptions,
  SaveDialogOptions,
} from 'electron';
import { basename, dirname, extname, join } from 'node:path';
import type { PickedFile } from '../../shared/ipc/api';
import { readImportBytes } from '../common/readImportBytes';
import type { DialogKind } from './desktopState';

/** The folder each kind of dialog opened in last time, kept in the desktop state file. */
export type FolderMemory = {
  get(kind: DialogKind): string | undefined;
  remember(kind: DialogKind, folder: string): void;
};

/** What the shell asks the user through the OS's own dialogs. None of them reads or writes a file. */
export type NativeDialogs = {
  /** Where to save one file (the OS asks before replacing one); null if they cancelled. */
  chooseSaveFile(fileName: string): Promise<string | null>;
  /** A folder for several files, chosen once; null if they cancelled. */
  chooseFolder(fileCount: number): Promise<string | null>;
  /** Whether files of these names, already in the folder, may be replaced. */
  confirmReplace(folder: string, names: readonly string[]): Promise<boolean>;
  /** The files picked to import (their paths); none if they cancelled. */
  pickImportPaths(): Promise<string[]>;
  /** An existing archive file the user picked, or null if they cancelled. */
  pickArchive(): Promise<string | null>;
};

/**
 * A file for the importer: its name and bytes. Whatever the dialog or the OS handed us — a link
 * to a device, a pipe, a huge file — only a regular file within the import limit is read.
 */
export async function readPickedFile(path: string): Promise<PickedFile> {
  return { name: basename(path), dataBase64: (await readImportBytes(path)).toString('base64') };
}

/** How many names a replace question lists before it says "and N more". */
const NAMES_SHOWN = 5;

/** Native open, save, folder and question dialogs, each opening where the last of its kind did. */
export function nativeDialogs(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'>,
  getWindow: () => BrowserWindow | null,
  folders: FolderMemory,
): NativeDialogs {
  const open = (options: OpenDialogOptions) => {
    const window = getWindow();
    return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
  };
  const save = (options: SaveDialogOptions) => {
    const window = getWindow();
    return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
  };
  const ask = (options: MessageBoxOptions) => {
    const window = getWindow();
    return window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);
  };
  return {
    async chooseSaveFile(fileName) {
      const folder = folders.get('export');
      const extension = extname(fileName).slice(1);
      const result = await save({
        defaultPath: folder ? join(folder, fileName) : fileName,
        filters: extension ? [{ name: 'Export', extensions: [extension] }] : [],
        // Windows and macOS always ask before replacing a file; Linux asks only when told to.
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      });
      if (result.canceled || !result.filePath) return null;
      folders.remember('export', dirname(result.filePath));
      return result.filePath;
    },
    async chooseFolder(fileCount) {
      const result = await open({
        title: `Export ${fileCount} files (one per story) to a folder`,
        buttonLabel: 'Export here',
        defaultPath: folders.get('export'),
        properties: ['openDirectory', 'createDirectory'],
      });
      const folder = result.canceled ? undefined : result.filePaths[0];
      if (!folder) return null;
      folders.remember('export', folder);
      return folder;
    },
    async confirmReplace(folder, names) {
      const listed = names.slice(0, NAMES_SHOWN).join('\n');
      const more = names.length > NAMES_SHOWN ? `\n… and ${names.length - NAMES_SHOWN} more` : '';
      const { response } = await ask({
        type: 'question',
        buttons: ['Replace', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        message:
          names.length === 1
            ? `${basename(folder)} already has a file named ${names[0]}. Replace it?`
            : `${basename(folder)} already has ${names.length} files with these names. Replace them?`,
        detail: `${listed}${more}`,
      });
      return response === 0;
    },
    async pickImportPaths() {
      const result = await open({
        defaultPath: folders.get('import'),
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: 'Scripts and stories', extensions: ['txt', 'text', 'nsml', 'json', 'copydesk'] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      if (result.canceled || result.filePaths.length === 0) return [];
      folders.remember('import', dirname(result.filePaths[0]!));
      return result.filePaths;
    },
    async pickArchive() {
      const result = await open({
        title: 'Open Archive',
        defaultPath: folders.get('archive'),
        properties: ['openFile'],
        filters: [
          { name: 'Copydesk archives', extensions: ['sqlite', 'db'] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      const path = result.canceled ? undefined : result.filePaths[0];
      if (!path) return null;
      folders.remember('archive', dirname(path));
      return path;
    },
  };
}
