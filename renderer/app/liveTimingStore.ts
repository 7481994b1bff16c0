import type { LiveTiming } from '../editor/timing/TimingPlugin';

/**
 * The live timing, held outside React state: it changes on nearly every keystroke, and as App
 * state it re-rendered the whole window (archive list, metadata, editor) each time. Only the
 * status bar subscribes.
 */
export type LiveTimingStore = {
  get: () => LiveTiming | null;
  set: (timing: LiveTiming | null) => void;
  subscribe: (listener: () => void) => () => void;
};

export function createLiveTimingStore(): LiveTimingStore {
  let current: LiveTiming | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set: (timing) => {
      current = timing;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
