/**
 * Where the show is and how it moves: a position in words at a moment, and the speed from
 * there. Every screen computes the position for its own frame from the same motion, so the
 * operator's view and the talent output stay together without sending a message a frame.
 * Times are milliseconds on the shared wall clock (performance.timeOrigin + performance.now()).
 */
export type Motion = {
  /** Position in words at `at`. */
  w: number;
  at: number;
  playing: boolean;
  direction: 1 | -1;
  wordsPerMinute: number;
};

export const MIN_WPM = 20;
export const MAX_WPM = 600;

export function clampWpm(wpm: number): number {
  return Math.round(Math.min(MAX_WPM, Math.max(MIN_WPM, wpm)));
}

export function positionAt(motion: Motion, now: number, total: number): number {
  const w = motion.playing
    ? motion.w + (motion.direction * motion.wordsPerMinute * (now - motion.at)) / 60_000
    : motion.w;
  return Math.min(total, Math.max(0, w));
}

/** The same movement, re-based at `now` (before changing any part of it). */
export function rebase(motion: Motion, now: number, total: number): Motion {
  return { ...motion, w: positionAt(motion, now, total), at: now };
}

/** True once a playing show has reached the end it is moving towards. */
export function atEnd(motion: Motion, now: number, total: number): boolean {
  if (!motion.playing) return false;
  const w = positionAt(motion, now, total);
  return motion.direction > 0 ? w >= total : w <= 0;
}
