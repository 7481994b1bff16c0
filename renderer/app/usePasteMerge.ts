import { useCallback } from 'react';
import { mergeTags } from '../../shared/story/model';
import type { PasteOutcome } from '../editor/paste/ScriptPastePlugin';
import type { Notice } from './Notices';
import type { useStoryDocument } from './useStoryDocument';

/**
 * A script pasted into the open story: its tags join the story's, and what the story lacks
 * (slug, reporter, presenter, a format past READER) it takes from the script.
 */
export function usePasteMerge(
  doc: ReturnType<typeof useStoryDocument>,
  notify: (kind: Notice['kind'], text: string) => void,
  showError: (message: string) => void,
) {
  const onPaste = useCallback(
    (outcome: PasteOutcome) => {
      if ('refused' in outcome) return showError(outcome.refused);
      const { script } = outcome;
      const current = doc.story;
      if (!current) return;
      const patch: Parameters<typeof doc.updateMeta>[0] = {};
      const tags = mergeTags(current.tags, script.tags);
      if (tags.length !== current.tags.length) patch.tags = tags;
      if (!current.slug.trim() && script.body.length > 1) patch.slug = script.slug;
      if (!current.reporter.trim() && script.reporter) patch.reporter = script.reporter;
      if (!current.presenter.trim() && script.presenter) patch.presenter = script.presenter;
      if (current.format === 'READER' && script.format !== 'READER') patch.format = script.format;
      if (Object.keys(patch).length > 0) doc.updateMeta(patch);
      if (script.dropped.length > 0)
        notify(
          'info',
          `Left out as web-page residue: ${script.dropped.map((l) => `“${l}”`).join(', ')}.`,
        );
    },
    [doc, notify, showError],
  );
  return onPaste;
}
