import { useCallback, useEffect } from 'react';
import type { PickedFile } from '../../shared/ipc/api';
import { bridge } from '../api/client';

type Deps = {
  save: (mode: 'explicit' | 'autosave') => Promise<boolean>;
  newStory: () => Promise<void>;
  startImport: () => Promise<void>;
  importFiles: (files: PickedFile[]) => Promise<void>;
  openExport: () => void;
  saveNow: () => Promise<void>;
  focusSearch: () => void;
  showError: (message: string) => void;
};

/**
 * The desktop app's menu commands and the requests main sends (switch archives, open a
 * .copydesk file from the OS). Browser mode has no bridge, and none of this.
 */
export function useDesktopShell({
  save,
  newStory,
  startImport,
  importFiles,
  openExport,
  saveNow,
  focusSearch,
  showError,
}: Deps) {
  useEffect(
    () =>
      bridge?.shell.onMenuCommand((command) => {
        if (command === 'new-story') void newStory();
        else if (command === 'import') void startImport();
        else if (command === 'export') openExport();
        else if (command === 'save') void saveNow();
        else if (command === 'find') focusSearch();
      }),
    [newStory, saveNow, startImport, openExport, focusSearch],
  );

  const switchArchive = useCallback(
    async (path?: string) => {
      if (!bridge || !(await save('autosave'))) return;
      const result = await bridge.shell.openArchive(path ? { path } : {});
      if (!result.ok) return showError(result.error.message);
      // A fresh page for the other archive: nothing of the last one lingers in state.
      if (result.value.opened) location.reload();
    },
    [save, showError],
  );

  useEffect(() => {
    const shell = bridge?.shell;
    return shell?.onRequest((request) => {
      if (request.type === 'open-archive') void switchArchive(request.path);
      else
        // A .copydesk file opened from the OS: main reads it, the importer merges it.
        void shell.takePackage({ requestId: request.requestId }).then((file) => {
          if (file.ok) void importFiles([file.value]);
          else showError(file.error.message);
        });
    });
  }, [importFiles, showError, switchArchive]);
}
