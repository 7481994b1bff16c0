import { useCallback, useRef, useState } from 'react';
import type { Notice } from './Notices';

/** How many notices show at once: a new one pushes out the oldest. */
export const MOST_NOTICES = 3;
/** How long a notice stays: information briefly, an error long enough to read twice. */
export const NOTICE_MS: Record<Notice['kind'], number> = { info: 7000, warn: 20000, error: 20000 };

/**
 * Messages for the user, a few at a time, each gone after a while or when dismissed. A notice
 * about a story (`about`, its id) goes when that story closes or another opens. A message already
 * on screen is not shown twice (a failing autosave would otherwise stack them).
 */
export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(0);
  const dismiss = useCallback((id: number) => setNotices((n) => n.filter((x) => x.id !== id)), []);
  const notify = useCallback(
    (kind: Notice['kind'], text: string, about?: string) => {
      const id = ++nextId.current;
      setNotices((n) =>
        n.some((x) => x.kind === kind && x.text === text)
          ? n
          : [...n.slice(-(MOST_NOTICES - 1)), { id, kind, text, about }],
      );
      setTimeout(() => dismiss(id), NOTICE_MS[kind]);
    },
    [dismiss],
  );
  const showError = useCallback((message: string) => notify('error', message), [notify]);
  /** Drops the notices about any story but the one now open. */
  const keepAbout = useCallback(
    (storyId: string | null) =>
      setNotices((n) =>
        n.some((x) => x.about !== undefined && x.about !== storyId)
          ? n.filter((x) => x.about === undefined || x.about === storyId)
          : n,
      ),
    [],
  );
  return { notices, notify, showError, dismiss, keepAbout };
}
