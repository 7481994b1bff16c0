import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint, PAINT_WAIT_MAX_MS } from './afterPaint';

/** Frames painted only when the test says so. */
let frames: FrameRequestCallback[] = [];

beforeEach(() => {
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Whether the promise has settled once the tasks now due have run. */
async function isDone(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  // The message posted after a frame is a task: let it, and anything it settles, run.
  await new Promise((resolve) => setImmediate(resolve));
  await Promise.resolve();
  return done;
}

function hidden(value: boolean) {
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => (value ? 'hidden' : 'visible'),
  });
}

describe('afterNextPaint', () => {
  afterEach(() => hidden(false));

  it('waits for the next frame and resolves just after it', async () => {
    const painted = afterNextPaint();
    expect(await isDone(painted)).toBe(false);
    frames.forEach((frame) => frame(0));
    expect(await isDone(painted)).toBe(true);
  });

  it('does not wait longer than PAINT_WAIT_MAX_MS for a frame that does not come', async () => {
    const painted = afterNextPaint();
    vi.advanceTimersByTime(PAINT_WAIT_MAX_MS - 1);
    expect(await isDone(painted)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await isDone(painted)).toBe(true);
  });

  it('resolves at once in a hidden window, and when the window is hidden while it waits', async () => {
    hidden(true);
    expect(await isDone(afterNextPaint())).toBe(true);
    hidden(false);
    const painted = afterNextPaint();
    expect(await isDone(painted)).toBe(false);
    hidden(true);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(await isDone(painted)).toBe(true);
  });
});
