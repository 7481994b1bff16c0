import { useCallback } from 'react';
import type { PasteOutcome } from '../editor/paste/ScriptPastePlugin';
import type { Notice } from './Notices';

/**
 * What a paste says on the page. What it sets in the metadata is decided in the paste plugin, by
 * the shared merge rule (shared/import/scriptMerge) that file imports follow too.
 */
export function usePasteNotices(
  notify: (kind: Notice['kind'], text: string) => void,
  showError: (message: string) => void,
) {
  return useCallback(
    (outcome: PasteOutcome) => {
      if ('refused' in outcome) return showError(outcome.refused);
      const { dropped } = outcome.script;
      if (dropped.length > 0)
        notify('info', `Left out as web-page residue: ${dropped.map((l) => `“${l}”`).join(', ')}.`);
    },
    [notify, showError],
  );
}
