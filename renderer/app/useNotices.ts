import { useCallback, useRef, useState } from 'react';
import type { Notice } from './Notices';

/**
 * Messages for the user: information fades after seven seconds, errors stay until dismissed. A
 * message already on screen is not shown twice (a failing autosave would otherwise stack them).
 */
export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(0);
  const dismiss = useCallback((id: number) => setNotices((n) => n.filter((x) => x.id !== id)), []);
  const notify = useCallback(
    (kind: Notice['kind'], text: string) => {
      const id = ++nextId.current;
      setNotices((n) =>
        n.some((x) => x.kind === kind && x.text === text)
          ? n
          : [...n.slice(-3), { id, kind, text }],
      );
      if (kind === 'info') setTimeout(() => dismiss(id), 7000);
    },
    [dismiss],
  );
  const showError = useCallback((message: string) => notify('error', message), [notify]);
  return { notices, notify, showError, dismiss };
}
