/**
 * Runs work just after the next frame is painted, once however often it is asked for before
 * then: a message posted from requestAnimationFrame is delivered after that frame, so whatever
 * the typed key changed reaches the screen first and this work never delays it.
 */
export function afterPaintScheduler(work: () => void): { schedule(): void; dispose(): void } {
  let frame = 0;
  let disposed = false;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    frame = 0;
    if (!disposed) work();
  };
  return {
    schedule() {
      if (frame || disposed) return;
      frame = requestAnimationFrame(() => channel.port2.postMessage(null));
    },
    dispose() {
      disposed = true;
      if (frame) cancelAnimationFrame(frame);
      channel.port1.close();
    },
  };
}

/**
 * The longest `afterNextPaint` waits for a frame. A window that is shown but paints nothing (a
 * sleeping display, a window the system stopped drawing without calling it hidden) would
 * otherwise hold the work until it draws again, and lose it if the app is closed meanwhile.
 */
export const PAINT_WAIT_MAX_MS = 100;

/**
 * Resolves just after the next frame is painted (the same way), so that work started now waits
 * for what is already on screen. A hidden window paints no frames: there it resolves at once, or
 * as soon as the window is hidden while it waits; nor does it wait longer than
 * `PAINT_WAIT_MAX_MS` for a frame that does not come.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (document.visibilityState === 'hidden') return resolve();
    const done = () => {
      document.removeEventListener('visibilitychange', done);
      clearTimeout(timer);
      resolve();
    };
    document.addEventListener('visibilitychange', done);
    const timer = setTimeout(done, PAINT_WAIT_MAX_MS);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        done();
      };
      channel.port2.postMessage(null);
    });
  });
}
