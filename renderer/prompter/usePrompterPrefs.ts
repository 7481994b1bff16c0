import { useCallback, useState } from 'react';
import { readPrefs, type PrompterPrefs } from '../../shared/prompter/prefs';

const STORAGE_KEY = 'copydesk.prompter.prefs';

function stored(): PrompterPrefs {
  try {
    return readPrefs(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null'));
  } catch {
    return readPrefs(null);
  }
}

/** The prompter's look and controls, kept in this browser (or desktop app) for next time. */
export function usePrompterPrefs() {
  const [prefs, setPrefs] = useState(stored);
  const update = useCallback((change: Partial<PrompterPrefs>) => {
    setPrefs((current) => {
      const next = readPrefs({ ...current, ...change });
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // Storage full or refused: the settings hold for this session.
      }
      return next;
    });
  }, []);
  return { prefs, update };
}
