import type { BrowserWindow, Dialog } from 'electron';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ShellActions } from './ipc';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/ipc/contract';

/** Native open and save dialogs. Main reads and writes the files; the renderer never names a path. */
export function nativeShellActions(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
  getWindow: () => BrowserWindow | null,
): ShellActions {
  return {
    async saveFile(file) {
      const window = getWindow();
      const options = {
        defaultPath: file.fileName,
        filters: [{ name: 'Export', extensions: [file.fileName.split('.').pop() ?? '*'] }],
      };
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return { saved: false };
      await writeFile(
        result.filePath,
        Buffer.from(file.data, file.encoding === 'base64' ? 'base64' : 'utf8'),
      );
      return { saved: true, path: result.filePath };
    },
    async pickImportFiles() {
      const window = getWindow();
      const options = {
        properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[],
        filters: [
          { name: 'Scripts and stories', extensions: ['txt', 'text', 'nsml', 'json'] },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      if (result.canceled) return [];
      return Promise.all(
        result.filePaths.map(async (path) => {
          if ((await stat(path)).size > MAX_IMPORT_FILE_BYTES)
            throw new Error(`${basename(path)} is larger than 8 MB`);
          return { name: basename(path), dataBase64: (await readFile(path)).toString('base64') };
        }),
      );
    },
  };
}
