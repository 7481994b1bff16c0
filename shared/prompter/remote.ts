import { z } from 'zod';
import { MAX_WPM, MIN_WPM } from './motion';
import type { PrompterAction } from './actions';

/**
 * The remote-control API: what a Stream Deck, a second operator or a script may ask the
 * prompter (over HTTP or a WebSocket, on 127.0.0.1 with a token), and the state it answers with.
 * Main only relays: the prompter itself lives in the operator's window, which applies each
 * command and says what it did.
 */
export const RemoteCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('play') }),
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({ type: z.literal('toggle') }),
  z.strictObject({ type: z.literal('reverse') }),
  z.strictObject({ type: z.literal('next') }),
  z.strictObject({ type: z.literal('previous') }),
  z.strictObject({ type: z.literal('top') }),
  z.strictObject({ type: z.literal('end') }),
  z
    .strictObject({
      type: z.literal('speed'),
      /** Words a minute to set. */
      wpm: z.number().min(MIN_WPM).max(MAX_WPM).optional(),
      /** Or a change of speed, in words a minute (negative: slower). */
      by: z.number().min(-MAX_WPM).max(MAX_WPM).optional(),
    })
    .refine((c) => (c.wpm === undefined) !== (c.by === undefined), {
      message: 'give either wpm or by',
    }),
  z.strictObject({
    type: z.literal('goto'),
    /** The page number the rundown gives the story (`A3`), in any case. */
    page: z.string().trim().min(1).max(12),
  }),
  z.strictObject({ type: z.literal('state') }),
]);
export type RemoteCommand = z.infer<typeof RemoteCommandSchema>;
export const REMOTE_COMMANDS = RemoteCommandSchema.options.map((o) => o.shape.type.value);

export function commandAction(command: RemoteCommand): PrompterAction | null {
  switch (command.type) {
    case 'next':
      return { type: 'nextStory' };
    case 'previous':
      return { type: 'previousStory' };
    case 'speed':
      return command.wpm !== undefined
        ? { type: 'speed', wordsPerMinute: command.wpm }
        : { type: 'adjust', by: command.by! };
    case 'goto':
      return { type: 'goto', page: command.page };
    case 'state':
      return null;
    default:
      return { type: command.type };
  }
}

/** What the prompter reports after every change, and what `GET …/state` answers. */
export const PrompterStateSchema = z.strictObject({
  title: z.string().max(200),
  playing: z.boolean(),
  direction: z.enum(['forward', 'reverse']),
  wpm: z.number(),
  /** The story at the reading line, counted from 1 in the prompted order. */
  story: z
    .strictObject({ number: z.int(), page: z.string().max(12), slug: z.string().max(200) })
    .nullable(),
  stories: z.int().min(0),
  /** How far through the show the reading line is, 0 to 1. */
  progress: z.number().min(0).max(1),
  elapsedSec: z.number(),
  storyLeftSec: z.number(),
  showLeftSec: z.number(),
  overUnderSec: z.number().nullable(),
});
export type PrompterState = z.infer<typeof PrompterStateSchema>;

/** Where the remote control answers, and the token it wants (shown to the operator). */
export type RemoteAccess = { url: string; token: string };

/**
 * The operator's window to main: hello (with the remote-control port it wants; 0 for any), its
 * state after every change, and the outcome of each command main passed on.
 */
export const OperatorMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('hello'), remotePort: z.int().min(0).max(65535) }),
  z.strictObject({ type: z.literal('state'), state: PrompterStateSchema }),
  z.strictObject({
    type: z.literal('done'),
    id: z.string().max(64),
    ok: z.boolean(),
    /** Why a command could not be done, in words (`No story has page Z9.`). */
    message: z.string().max(300).optional(),
    state: PrompterStateSchema,
  }),
]);
export type OperatorMessage = z.infer<typeof OperatorMessageSchema>;

/** Where browser mode's operator window opens its WebSocket to main (the page's own origin). */
export const OPERATOR_LINK_PATH = '/prompter/link';

/** Main to the operator's window: a command to apply, or where the remote control answers. */
export type HubMessage =
  | { type: 'command'; id: string; command: RemoteCommand }
  | { type: 'access'; access: RemoteAccess }
  /** The remote control could not listen (the port is taken): why, in words. */
  | { type: 'unavailable'; message: string };
