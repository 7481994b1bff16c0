import { useCallback, useRef, useState } from 'react';
import type { Story } from '../../shared/story/model';

/** While typing, the archive list is brought up to date at most this often (its times change). */
const LIST_REFRESH_MS = 5000;

/**
 * A number bumped whenever the archive changed, so the lists showing it reload. Autosave runs
 * every second while someone types: a save bumps it only when the list would show something new,
 * or every few seconds for the times.
 */
export function useArchiveVersion() {
  const [archiveVersion, setArchiveVersion] = useState(0);
  const refresh = useCallback(() => setArchiveVersion((v) => v + 1), []);
  const lastListed = useRef({ key: '', at: 0 });
  const refreshAfterSave = useCallback(
    (saved: Story) => {
      const key = [
        saved.id,
        saved.slug,
        saved.format,
        saved.presenter,
        saved.reporter,
        saved.status,
        saved.tags.join(','),
      ].join('|');
      const now = Date.now();
      if (key !== lastListed.current.key || now - lastListed.current.at > LIST_REFRESH_MS) {
        lastListed.current = { key, at: now };
        refresh();
      }
    },
    [refresh],
  );
  return { archiveVersion, refresh, refreshAfterSave };
}
