import { useCallback, useEffect } from 'react';
import { bridge } from '../api/client';

type Deps = {
  save: (mode: 'explicit' | 'autosave') => Promise<boolean>;
  newStory: () => Promise<void>;
  startImport: () => Promise<void>;
  /** Imports the .copydesk hand-off behind an 'open-handoff' request (main reads the file). */
  importOpenedFile: (requestId: string) => Promise<void>;
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
  importOpenedFile,
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
      // A .copydesk hand-off opened from the OS: main reads it and the importer merges it.
      else void importOpenedFile(request.requestId);
    });
  }, [importOpenedFile, switchArchive]);
}
