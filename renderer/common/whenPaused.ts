/**
 * Runs `work` once a run of `poke()` calls pauses for `pauseMs`, and, while they never pause, at
 * the latest `maxWaitMs` after the first one not yet answered. `stop()` drops what waits.
 */
export function whenPaused(
  pauseMs: number,
  maxWaitMs: number,
  work: () => void,
): { poke: () => void; stop: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waitingSince: number | null = null;
  return {
    poke() {
      const now = Date.now();
      waitingSince ??= now;
      clearTimeout(timer);
      timer = setTimeout(
        () => {
          waitingSince = null;
          work();
        },
        Math.min(pauseMs, waitingSince + maxWaitMs - now),
      );
    },
    stop: () => clearTimeout(timer),
  };
}
