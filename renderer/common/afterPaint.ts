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
 * Resolves just after the next frame is painted (the same way), so that work started now waits
 * for what is already on screen. A hidden window paints no frames: there it resolves at once, or
 * as soon as the window is hidden while it waits.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (document.visibilityState === 'hidden') return resolve();
    const done = () => {
      document.removeEventListener('visibilitychange', done);
      resolve();
    };
    document.addEventListener('visibilitychange', done);
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
