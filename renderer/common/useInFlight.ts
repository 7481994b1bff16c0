import { useCallback, useRef, useState } from 'react';

/**
 * Runs one action at a time: while one is on its way, asking again does nothing, so a double
 * click or a second Enter does not store the same thing twice. `busy` says one is on its way,
 * for the button to show it.
 */
export function useInFlight(): {
  busy: boolean;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
} {
  const [busy, setBusy] = useState(false);
  // A ref as well as state: two clicks in one task both see the state from before the first.
  const going = useRef(false);
  const run = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    if (going.current) return undefined;
    going.current = true;
    setBusy(true);
    try {
      return await action();
    } finally {
      going.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, run };
}
