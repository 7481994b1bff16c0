import type { RendererError, RendererErrorSource } from '../../shared/ipc/contract';
import { api } from './client';

/** The contract's caps, kept here so a report is cut rather than refused. */
const CAP = { name: 120, message: 2000, stack: 16_000, componentStack: 8000 } as const;
/** Reports sent a minute at most: a render loop must not flood main (which limits again). */
const PER_MINUTE = 30;

let windowStart = Number.NEGATIVE_INFINITY;
let sent = 0;

/**
 * What may leave the renderer about an error: an Error's name, message and stack; of anything
 * else thrown or rejected (a string could be story text) only its type.
 */
export function describeError(
  source: RendererErrorSource,
  error: unknown,
  componentStack = '',
): RendererError {
  const base =
    error instanceof Error
      ? { name: error.name, message: error.message, stack: error.stack ?? '' }
      : { name: `non-error ${source}`, message: error === null ? 'null' : typeof error, stack: '' };
  return {
    source,
    name: base.name.slice(0, CAP.name),
    message: base.message.slice(0, CAP.message),
    stack: base.stack.slice(0, CAP.stack),
    componentStack: componentStack.slice(0, CAP.componentStack),
  };
}

/** Sends a report to main's log. Never throws, and never reports its own failure. */
export function sendToLog(report: RendererError): void {
  const now = Date.now();
  if (now - windowStart >= 60_000) {
    windowStart = now;
    sent = 0;
  }
  if (++sent > PER_MINUTE) return;
  try {
    void api['log.rendererError'](report).catch(() => {});
  } catch {
    // The bridge itself is gone; there is nowhere left to report to.
  }
}

/** An error the renderer caught or missed: to the developer console and to the log. */
export function reportError(
  source: RendererErrorSource,
  error: unknown,
  componentStack = '',
): void {
  console.error(`[copydesk] ${source}:`, error);
  sendToLog(describeError(source, error, componentStack));
}

/**
 * Errors no component caught — an event handler that threw, a promise nobody awaited — reach the
 * log too. Returns a function that stops listening.
 */
export function reportUncaughtErrors(target: Window = window): () => void {
  const onError = (event: ErrorEvent) => {
    // Chromium's note that a resize observer's work spilled into the next frame is no error.
    if (!event.error && /^ResizeObserver loop/.test(event.message)) return;
    reportError('error', event.error ?? new Error(event.message));
  };
  const onRejection = (event: PromiseRejectionEvent) => reportError('rejection', event.reason);
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
  };
}
