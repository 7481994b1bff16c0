import { z } from 'zod';

/**
 * Everything an operator can make the prompter do, from any control: the keyboard, the mouse
 * wheel, a gamepad, a MIDI pedal, the remote-control API. Each control only maps its input to
 * these; the prompter applies them in one place.
 */
export type PrompterAction =
  | { type: 'toggle' }
  | { type: 'play' }
  | { type: 'pause' }
  /** Fine steps up or down, in words a minute. */
  | { type: 'adjust'; by: number }
  | { type: 'speed'; wordsPerMinute: number }
  /** A preset speed (0–8: keys 1–9), forwards or in reverse. */
  | { type: 'preset'; index: number; reverse: boolean }
  | { type: 'reverse' }
  /**
   * A continuous control (a pedal, a stick) sets speed and direction together; 0 words a minute
   * (its neutral zone) pauses.
   */
  | { type: 'drive'; wordsPerMinute: number; direction: 1 | -1 }
  | { type: 'nextStory' }
  | { type: 'previousStory' }
  | { type: 'top' }
  | { type: 'end' }
  | { type: 'goto'; page: string }
  /** A story by its place in the prompted order, from 0 (the operator's list of stories). */
  | { type: 'story'; index: number }
  /** Moves the text by a number of pixels of the screen it happened on (a wheel, a drag). */
  | { type: 'scroll'; pixels: number };

/** The actions a button (gamepad, MIDI note) can be given, with the words the mapping shows. */
export const BUTTON_ACTIONS = {
  toggle: 'Play / pause',
  reverse: 'Reverse',
  faster: 'Faster',
  slower: 'Slower',
  nextStory: 'Next story',
  previousStory: 'Previous story',
  top: 'Top of the show',
  end: 'End of the show',
} as const;
export type ButtonAction = keyof typeof BUTTON_ACTIONS;
export const ButtonActionSchema = z.enum(
  Object.keys(BUTTON_ACTIONS) as [ButtonAction, ...ButtonAction[]],
);

/** The fine step of the arrow keys and of the Faster/Slower buttons, in words a minute. */
export const SPEED_STEP = 5;

export function buttonAction(name: ButtonAction): PrompterAction {
  switch (name) {
    case 'faster':
      return { type: 'adjust', by: SPEED_STEP };
    case 'slower':
      return { type: 'adjust', by: -SPEED_STEP };
    default:
      return { type: name };
  }
}

/**
 * A continuous control's value, 0 at rest to 1 at full travel, as speed: nothing inside the
 * neutral zone, then from the slowest to the fastest speed over the rest of the travel.
 */
export function travelToWpm(
  travel: number,
  neutral: number,
  minWpm: number,
  maxWpm: number,
): number {
  const t = Math.min(1, Math.abs(travel));
  if (t <= neutral) return 0;
  return Math.round(minWpm + ((t - neutral) / (1 - neutral)) * (maxWpm - minWpm));
}
