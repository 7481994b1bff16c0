import { useCallback, type RefObject } from 'react';
import type { PickedFile } from '../../shared/ipc/api';
import type { Result } from '../../shared/ipc/result';
import type { ImportOutcome } from '../../shared/ipc/types';
import { importInBatches } from '../api/importBatches';
import { importOpened, importPicked, readPickedFiles } from '../api/platform';
import { useInFlight } from '../common/useInFlight';
import type { Notice } from './Notices';

const MERGE_MESSAGES = {
  added: 'added from the package, with its history and comments.',
  updated: 'brought up to date from the package.',
  unchanged: 'already up to date; nothing changed.',
  'kept-local': 'your version is newer than the package’s; its history was added.',
} as const;

type Deps = {
  fileInput: RefObject<HTMLInputElement | null>;
  notify: (kind: Notice['kind'], text: string) => void;
  showError: (message: string) => void;
  refresh: () => void;
  openStory: (id: string) => Promise<void>;
};

/**
 * Importing: picks files (a native dialog on the desktop, whose files main reads and imports; a
 * file input in browser mode, whose files are sent to the importer), says what the importer made
 * of them — residue left out, packages merged or in conflict — and opens the first story.
 */
export function useImportFlow({ fileInput, notify, showError, refresh, openStory }: Deps) {
  const report = useCallback(
    async (result: Result<ImportOutcome | null>) => {
      if (!result.ok) return showError(result.error.message);
      if (!result.value) return;
      const { stories, dropped, merged } = result.value;
      refresh();
      const names = stories.map((s) => s.slug || 'UNTITLED').join(', ');
      const left = dropped.flatMap((d) => d.lines);
      if (stories.length > 0) {
        const residue = left.length
          ? ` Left out as web-page residue: ${left.map((l) => `“${l}”`).join(', ')}.`
          : '';
        notify(
          'info',
          `Imported ${stories.length === 1 ? 'one story' : `${stories.length} stories`}: ${names}.${residue}`,
        );
      }
      for (const m of merged) {
        const slug = `“${m.slug || 'UNTITLED'}”`;
        if (m.result === 'conflict') {
          notify(
            'error',
            `${slug} was changed here and in the package since you last shared it. Your version stays; compare them and choose in the story.`,
          );
        } else notify('info', `${slug}: ${MERGE_MESSAGES[m.result]}`);
      }
      const first = stories[0]?.id ?? merged[0]?.id;
      if (first) await openStory(first);
    },
    [notify, openStory, refresh, showError],
  );

  /**
   * Browser mode's file input: the files are read here and go to the importer in batches the
   * server takes, all checked before any is imported. One import at a time: a second, picked
   * while the first ran, imported every plain-text story twice.
   */
  const importing = useInFlight();
  const runImport = importing.run;
  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      const ran = await runImport(async () => {
        let picked: PickedFile[];
        try {
          picked = await readPickedFiles(files);
        } catch {
          showError(
            files.length === 1
              ? `Could not read “${files[0]!.name}”: it may have been moved or deleted since it was picked. Nothing was imported.`
              : 'Could not read the files picked: one may have been moved or deleted since they were picked. Nothing was imported.',
          );
          return true;
        }
        if (files.length > 1) notify('info', `Importing ${files.length} files…`);
        await report(await importInBatches(picked));
        return true;
      });
      if (!ran)
        notify('info', 'An import is still running: pick these files again once it is done.');
    },
    [notify, report, runImport, showError],
  );

  const startImport = useCallback(async () => {
    const picked = importPicked(fileInput.current);
    if (picked) await report(await picked);
  }, [fileInput, report]);

  /** A .copydesk hand-off the OS opened with the desktop app. */
  const importOpenedFile = useCallback(
    async (requestId: string) => report(await importOpened(requestId)),
    [report],
  );

  return { importFiles, startImport, importOpenedFile };
}
