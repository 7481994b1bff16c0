import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { PickedFile } from '../../shared/ipc/api';
import { readImportBytes } from '../common/readImportBytes';
import type { ExportFile } from '../../shared/ipc/types';
import type { DialogKind } from './desktopState';

/** The folder each kind of dialog opened in last time, kept in the desktop state file. */
export type FolderMemory = {
  get(kind: DialogKind): string | undefined;
  remember(kind: DialogKind, folder: string): void;
};

export type NativeDialogs = {
  saveFile(file: ExportFile): Promise<{ saved: boolean; path?: string }>;
  pickImportFiles(): Promise<PickedFile[]>;
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

/** Native open and save dialogs. Main reads and writes the files; the renderer never names a path. */
export function nativeDialogs(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
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
  return {
    async saveFile(file) {
      const folder = folders.get('export');
      const result = await save({
        defaultPath: folder ? join(folder, file.fileName) : file.fileName,
        filters: [{ name: 'Export', extensions: [file.fileName.split('.').pop() ?? '*'] }],
        // Windows and macOS always ask before replacing a file; Linux asks only when told to.
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      });
      if (result.canceled || !result.filePath) return { saved: false };
      await writeFile(
        result.filePath,
        Buffer.from(file.data, file.encoding === 'base64' ? 'base64' : 'utf8'),
      );
      folders.remember('export', dirname(result.filePath));
      return { saved: true, path: result.filePath };
    },
    async pickImportFiles() {
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
      return Promise.all(
        result.filePaths.map(async (path) => {
          return readPickedFile(path);
        }),
      );
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
