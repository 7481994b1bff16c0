import type { Channel, Input, Output } from '../../shared/ipc/contract';
import { fail, type Result, type ServiceErrorValue } from '../../shared/ipc/result';
import { failureText } from './callFailures';
import { api } from './client';
import { sendToLog } from './errorReport';

export type CallOptions = {
  /**
   * The caller shows the failure where it happened (a form's error line, the save banner), so
   * no notice is raised for it. It is logged all the same.
   */
  showsFailure?: boolean;
};

type NoticeSink = (text: string) => void;

let sink: NoticeSink | null = null;
/** Failures that came before anyone could show them (at start-up), shown once someone can. */
const waiting: string[] = [];
const MAX_WAITING = 10;

/** Where failures are shown: the app's notices. Returns a function that stops showing them. */
export function showFailuresWith(shows: NoticeSink): () => void {
  sink = shows;
  for (const text of waiting.splice(0)) shows(text);
  return () => {
    if (sink === shows) sink = null;
  };
}

/** Puts a failure the caller worked out itself in front of the user, as a failed call's is. */
export function showFailure(text: string): void {
  if (sink) sink(text);
  else if (waiting.length < MAX_WAITING) waiting.push(text);
}

function reportFailure(channel: Channel, error: ServiceErrorValue, options: CallOptions): void {
  console.warn(`[copydesk] ${channel} failed: ${error.code}`);
  sendToLog({ source: 'call', name: channel, message: `${error.code}: ${error.message}` });
  if (options.showsFailure) return;
  showFailure(failureText(channel, error));
}

/**
 * Every call to main goes through here. The answer comes back as it is, ok or not; a failure is
 * also logged and, unless the caller shows it itself, put in front of the user in words — so no
 * failed call is ever dropped without a word.
 */
export async function call<K extends Channel>(
  channel: K,
  input: Input<K>,
  options: CallOptions = {},
): Promise<Result<Output<K>>> {
  const send = api[channel] as (input: Input<K>) => Promise<Result<Output<K>>>;
  let result: Result<Output<K>>;
  try {
    result = await send(input);
  } catch {
    // Electron rejects an invoke whose handler is gone (main is shutting down or restarting).
    result = fail(
      'ARCHIVE_UNAVAILABLE',
      'Copydesk lost touch with its archive. Your text is still on screen; try again in a moment.',
    );
  }
  if (!result.ok) reportFailure(channel, result.error, options);
  return result;
}
