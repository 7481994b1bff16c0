import { useCallback } from 'react';
import type { PasteOutcome } from '../editor/paste/ScriptPastePlugin';
import type { Notice } from './Notices';

/**
 * What a paste says on the page. What it sets in the metadata is decided in the paste plugin, by
 * the shared merge rule (shared/import/scriptMerge) that file imports follow too.
 */
export function usePasteNotices(
  notify: (kind: Notice['kind'], text: string, about?: string) => void,
  storyId: string | null,
) {
  return useCallback(
    (outcome: PasteOutcome) => {
      const about = storyId ?? undefined;
      if ('refused' in outcome) return notify('error', outcome.refused, about);
      const { dropped } = outcome.script;
      if (dropped.length > 0)
        notify(
          'info',
          `Left out as web-page residue: ${dropped.map((l) => `“${l}”`).join(', ')}.`,
          about,
        );
    },
    [notify, storyId],
  );
}
