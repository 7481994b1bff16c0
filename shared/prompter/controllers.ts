import { z } from 'zod';
import {
  buttonAction,
  ButtonActionSchema,
  SPEED_STEP,
  travelToWpm,
  type PrompterAction,
} from './actions';

/**
 * The prompter's keys, as prompter operators expect them. Keys are read by their place on the
 * keyboard (`code`), so Shift+1 is reverse on every layout.
 */
export type KeyInput = {
  key: string;
  code: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
};

export function keyAction(e: KeyInput): PrompterAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  const digit = /^Digit([1-9])$/.exec(e.code);
  if (digit) return { type: 'preset', index: Number(digit[1]) - 1, reverse: e.shiftKey };
  switch (e.code) {
    case 'Space':
      return { type: 'toggle' };
    case 'ArrowUp':
      return { type: 'adjust', by: e.shiftKey ? 1 : SPEED_STEP };
    case 'ArrowDown':
      return { type: 'adjust', by: e.shiftKey ? -1 : -SPEED_STEP };
    case 'PageDown':
      return { type: 'nextStory' };
    case 'PageUp':
      return { type: 'previousStory' };
    case 'Home':
      return { type: 'top' };
    case 'End':
      return { type: 'end' };
    case 'KeyR':
      return { type: 'reverse' };
    default:
      return null;
  }
}

/** The keys, for the controls table on screen and in the README. */
export const KEYS: readonly [string, string][] = [
  ['Space', 'Play / pause'],
  ['↑ / ↓', `Faster / slower by ${SPEED_STEP} words a minute (with Shift: by 1)`],
  ['1 … 9', 'Speed presets'],
  ['Shift+1 … 9', 'Speed presets in reverse'],
  ['R', 'Reverse direction'],
  ['Page Down / Page Up', 'Next / previous story'],
  ['Home / End', 'Top / end of the show'],
  ['Mouse wheel', 'Move the text (also while it runs)'],
];

const wpm = z.int().min(20).max(600);

/**
 * A gamepad (Gamepad API, standard mapping): one stick axis drives speed and direction like a
 * shuttle, buttons do the rest. Button numbers are the standard mapping's (0 A, 1 B, 4 LB, 5 RB,
 * 12 D-pad up, 13 D-pad down).
 */
export const GamepadMappingSchema = z.strictObject({
  enabled: z.boolean(),
  axis: z.int().min(0).max(15),
  /** Most sticks read negative when pushed forward: inverted, forward runs the text forward. */
  invert: z.boolean(),
  neutral: z.number().min(0).max(0.9),
  minWpm: wpm,
  maxWpm: wpm,
  buttons: z.record(z.string().regex(/^\d{1,2}$/), ButtonActionSchema),
});
export type GamepadMapping = z.infer<typeof GamepadMappingSchema>;

export const DEFAULT_GAMEPAD_MAPPING: GamepadMapping = {
  enabled: true,
  axis: 1,
  invert: true,
  neutral: 0.15,
  minWpm: 60,
  maxWpm: 320,
  buttons: {
    '0': 'toggle',
    '1': 'reverse',
    '4': 'previousStory',
    '5': 'nextStory',
    '12': 'faster',
    '13': 'slower',
  },
};

/** What a gamepad reads in one frame (the Gamepad API's axes and buttons). */
export type PadReading = {
  axes: readonly number[];
  buttons: readonly { pressed: boolean }[];
};

/** What is remembered between frames: the speed the stick last asked for, buttons held. */
export type PadState = { drive: number | null; pressed: readonly boolean[] };
export const PAD_AT_REST: PadState = { drive: null, pressed: [] };

/** The signed speed a stick asks for: 0 in the neutral zone, negative in reverse. */
function stickDrive(value: number, mapping: GamepadMapping): number {
  const v = mapping.invert ? -value : value;
  return Math.sign(v) * travelToWpm(v, mapping.neutral, mapping.minWpm, mapping.maxWpm);
}

function drive(signed: number): PrompterAction {
  return { type: 'drive', wordsPerMinute: Math.abs(signed), direction: signed < 0 ? -1 : 1 };
}

/**
 * One frame of a gamepad: the actions it asks for since the last frame. A button acts when it
 * goes down; the stick acts only when the speed it asks for changes, so a stick left at rest
 * never fights the keyboard, and going back to rest pauses.
 */
export function readGamepad(
  previous: PadState,
  pad: PadReading,
  mapping: GamepadMapping,
): { state: PadState; actions: PrompterAction[] } {
  const actions: PrompterAction[] = [];
  const pressed = pad.buttons.map((b) => b.pressed);
  if (!mapping.enabled) return { state: { drive: previous.drive, pressed }, actions };
  pressed.forEach((down, i) => {
    const name = mapping.buttons[String(i)];
    if (down && !previous.pressed[i] && name) actions.push(buttonAction(name));
  });
  const value = pad.axes[mapping.axis];
  let current = previous.drive;
  if (value !== undefined) {
    current = stickDrive(value, mapping);
    // The first reading only says where the stick rests; it moves nothing unless pushed.
    const moved = previous.drive === null ? current !== 0 : current !== previous.drive;
    if (moved) actions.push(drive(current));
  }
  return { state: { drive: current, pressed }, actions };
}

/**
 * A MIDI foot pedal (Web MIDI): a continuous controller drives the speed with a neutral zone,
 * and notes (a footswitch, a pad) do the rest. Channel 0 listens to all sixteen.
 */
export const MidiMappingSchema = z.strictObject({
  enabled: z.boolean(),
  channel: z.int().min(0).max(16),
  /** CC 4 is MIDI's "foot controller"; expression pedals often send CC 11. */
  controller: z.int().min(0).max(127),
  /**
   * `forward`: heel down is stopped, toe down the fastest. `centered`: the middle of the travel is
   * stopped, toe forward, heel reverse.
   */
  mode: z.enum(['forward', 'centered']),
  neutral: z.number().min(0).max(0.9),
  minWpm: wpm,
  maxWpm: wpm,
  notes: z.record(z.string().regex(/^\d{1,3}$/), ButtonActionSchema),
});
export type MidiMapping = z.infer<typeof MidiMappingSchema>;

export const DEFAULT_MIDI_MAPPING: MidiMapping = {
  enabled: true,
  channel: 0,
  controller: 4,
  mode: 'forward',
  neutral: 0.08,
  minWpm: 60,
  maxWpm: 320,
  notes: { '60': 'toggle', '62': 'nextStory', '59': 'previousStory' },
};

export type MidiState = { drive: number | null };
export const MIDI_AT_REST: MidiState = { drive: null };

/** A short description of a MIDI message, for the mapping dialog's "last input". */
export function describeMidi(data: readonly number[]): string | null {
  const [status = 0, a = 0, b = 0] = data;
  const channel = (status & 0x0f) + 1;
  if ((status & 0xf0) === 0xb0) return `Controller ${a} = ${b} (channel ${channel})`;
  if ((status & 0xf0) === 0x90 && b > 0) return `Note ${a} (channel ${channel})`;
  return null;
}

/** One MIDI message: the actions it asks for. */
export function readMidi(
  previous: MidiState,
  data: readonly number[],
  mapping: MidiMapping,
): { state: MidiState; actions: PrompterAction[] } {
  const [status = 0, a = 0, b = 0] = data;
  const kind = status & 0xf0;
  const channel = (status & 0x0f) + 1;
  if (!mapping.enabled || (mapping.channel !== 0 && mapping.channel !== channel))
    return { state: previous, actions: [] };
  if (kind === 0x90 && b > 0) {
    const name = mapping.notes[String(a)];
    return { state: previous, actions: name ? [buttonAction(name)] : [] };
  }
  if (kind !== 0xb0 || a !== mapping.controller) return { state: previous, actions: [] };
  const value = Math.min(127, b) / 127;
  const travel = mapping.mode === 'forward' ? value : value * 2 - 1;
  const signed =
    Math.sign(travel) * travelToWpm(travel, mapping.neutral, mapping.minWpm, mapping.maxWpm);
  if (signed === previous.drive) return { state: previous, actions: [] };
  return { state: { drive: signed }, actions: [drive(signed)] };
}
