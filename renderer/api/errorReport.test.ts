import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../shared/ipc/result';
import { fakeArchive } from '../testing/fakeApi';
import { describeError, reportUncaughtErrors } from './errorReport';

vi.mock('./client', async () => (await import('../testing/fakeApi')).fakeClient);

let stop: () => void = () => {};
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  fakeArchive.answer({ 'log.rendererError': () => ok({ logged: true }) });
  stop = reportUncaughtErrors(window);
});
afterEach(() => {
  stop();
  fakeArchive.reset();
  vi.restoreAllMocks();
});

function rejection(reason: unknown): Event {
  return Object.assign(new Event('unhandledrejection'), { reason, promise: Promise.resolve() });
}

describe('errors nobody caught', () => {
  it('reach the log: an error thrown in a handler, a promise nobody awaited', () => {
    window.dispatchEvent(new ErrorEvent('error', { error: new TypeError('x is null') }));
    window.dispatchEvent(rejection(new RangeError('too far')));
    expect(fakeArchive.callsTo('log.rendererError')).toEqual([
      expect.objectContaining({ source: 'error', name: 'TypeError', message: 'x is null' }),
      expect.objectContaining({ source: 'rejection', name: 'RangeError', message: 'too far' }),
    ]);
  });

  it('send only the type of a thrown value that is not an Error: it could be story text', () => {
    window.dispatchEvent(rejection('Park Ji-won reports from the harbor.'));
    expect(fakeArchive.callsTo('log.rendererError')).toEqual([
      {
        source: 'rejection',
        name: 'non-error rejection',
        message: 'string',
        stack: '',
        componentStack: '',
      },
    ]);
  });

  it('leave out Chromium’s note about a resize observer running late', () => {
    window.dispatchEvent(
      new ErrorEvent('error', {
        message: 'ResizeObserver loop completed with undelivered notifications.',
      }),
    );
    expect(fakeArchive.callsTo('log.rendererError')).toEqual([]);
  });

  it('stop at a number a minute, so a loop of them cannot flood main', () => {
    for (let i = 0; i < 200; i++)
      window.dispatchEvent(new ErrorEvent('error', { error: new Error('loop') }));
    expect(fakeArchive.callsTo('log.rendererError').length).toBeLessThanOrEqual(30);
  });
});

describe('a report', () => {
  it('is cut to the sizes the contract accepts, never refused for size', () => {
    const error = new Error('m'.repeat(5000));
    error.stack = 's'.repeat(40_000);
    const report = describeError('render', error, 'c'.repeat(20_000));
    expect([report.message.length, report.stack?.length, report.componentStack?.length]).toEqual([
      2000, 16_000, 8000,
    ]);
  });
});
