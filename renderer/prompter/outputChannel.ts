import type { PrompterDocument } from '../../shared/prompter/document';
import type { Motion } from '../../shared/prompter/motion';
import type { PrompterPrefs } from '../../shared/prompter/prefs';

/**
 * Between the operator's window and the talent output (a second window or tab of the same
 * browser, or the desktop app's output window): the operator sends the show and how it moves,
 * the output draws it at its own size. An output that opens asks for everything with `hello`.
 */
export type OutputMessage =
  | { type: 'hello' }
  | { type: 'show'; doc: PrompterDocument; prefs: PrompterPrefs }
  | { type: 'motion'; motion: Motion }
  | { type: 'closed' };

const NAME = 'copydesk-prompter';

export function openOutputChannel(onMessage: (message: OutputMessage) => void) {
  const channel = new BroadcastChannel(NAME);
  channel.onmessage = (e: MessageEvent<OutputMessage>) => onMessage(e.data);
  return {
    post: (message: OutputMessage) => channel.postMessage(message),
    close: () => channel.close(),
  };
}

/** Milliseconds on the clock every window of this machine shares. */
export function sharedNow(): number {
  return performance.timeOrigin + performance.now();
}
