/**
 * What changed in the archive, said after the change is committed. Listeners treat a change as a
 * hint and read the archive again: a change that was rolled back, or told twice, reads as nothing
 * new. `id` names the rundown, story or MOS device; settings have one id, `settings`.
 */
export type ArchiveChange = {
  kind: 'rundown' | 'story' | 'settings' | 'mosDevice';
  id: string;
  action: 'saved' | 'deleted';
};

export type ChangeListener = (change: ArchiveChange) => void;

/** Where the services tell what they changed, and where anyone in the process hears it. */
export type ChangeFeed = {
  /** Called by the services once per change; listeners hear it after the current task. */
  emit: (change: ArchiveChange) => void;
  /** Starts listening; the returned function stops. */
  onChange: (listener: ChangeListener) => () => void;
};

/**
 * A change feed for one process. Every service write is a synchronous SQLite transaction, so by
 * the time a queued microtask runs, the transaction that emitted the change has committed (or
 * rolled back). A listener that throws is reported and does not stop the others.
 */
export function createChangeFeed(report: (error: unknown) => void = console.error): ChangeFeed {
  const listeners = new Set<ChangeListener>();
  return {
    emit(change) {
      if (listeners.size === 0) return;
      queueMicrotask(() => {
        for (const listener of [...listeners]) {
          try {
            listener(change);
          } catch (error) {
            report(error);
          }
        }
      });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
