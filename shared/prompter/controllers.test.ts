import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GAMEPAD_MAPPING,
  DEFAULT_MIDI_MAPPING,
  keyAction,
  MIDI_AT_REST,
  PAD_AT_REST,
  readGamepad,
  readMidi,
  type PadReading,
  type PadState,
} from './controllers';
import { commandAction, RemoteCommandSchema } from './remote';
import { DEFAULT_PROMPTER_PREFS, readPrefs } from './prefs';

const key = (code: string, shiftKey = false, extra: { ctrlKey?: boolean } = {}) =>
  keyAction({ key: '', code, shiftKey, ctrlKey: false, altKey: false, metaKey: false, ...extra });

describe('keys', () => {
  it('are the ones prompter operators use', () => {
    expect(key('Space')).toEqual({ type: 'toggle' });
    expect(key('ArrowUp')).toEqual({ type: 'adjust', by: 5 });
    expect(key('ArrowDown', true)).toEqual({ type: 'adjust', by: -1 });
    expect(key('Digit3')).toEqual({ type: 'preset', index: 2, reverse: false });
    // Shift+1 types "!" on a US keyboard and "1" on a French one: the key's place decides.
    expect(key('Digit1', true)).toEqual({ type: 'preset', index: 0, reverse: true });
    expect(key('PageDown')).toEqual({ type: 'nextStory' });
    expect(key('PageUp')).toEqual({ type: 'previousStory' });
    expect(key('Home')).toEqual({ type: 'top' });
    expect(key('End')).toEqual({ type: 'end' });
    expect(key('Digit0')).toBeNull();
    expect(key('Space', false, { ctrlKey: true })).toBeNull();
  });
});

/** A standard-mapping gamepad at rest, with the given stick value and buttons held. */
function pad(stick: number, held: number[] = []): PadReading {
  return {
    axes: [0, stick, 0, 0],
    buttons: Array.from({ length: 17 }, (_, i) => ({ pressed: held.includes(i) })),
  };
}

function frames(readings: PadReading[]) {
  let state: PadState = PAD_AT_REST;
  return readings.map((r) => {
    const out = readGamepad(state, r, DEFAULT_GAMEPAD_MAPPING);
    state = out.state;
    return out.actions;
  });
}

describe('a gamepad (fake Gamepad API readings)', () => {
  it('drives speed and direction with the stick, with a neutral zone that pauses', () => {
    const m = DEFAULT_GAMEPAD_MAPPING;
    expect(frames([pad(0), pad(0.1), pad(-1), pad(-1), pad(-0.575), pad(0.5), pad(0.05)])).toEqual([
      [], // at rest when first seen: nothing
      [], // inside the neutral zone
      [{ type: 'drive', wordsPerMinute: m.maxWpm, direction: 1 }], // pushed all the way forward
      [], // held: no change, no action
      [{ type: 'drive', wordsPerMinute: 190, direction: 1 }], // half the travel past neutral
      [{ type: 'drive', wordsPerMinute: expect.any(Number), direction: -1 }],
      [{ type: 'drive', wordsPerMinute: 0, direction: 1 }], // back to rest: pause
    ]);
  });

  it('acts on a button when it goes down, once', () => {
    expect(frames([pad(0), pad(0, [0]), pad(0, [0]), pad(0), pad(0, [5, 12])])).toEqual([
      [],
      [{ type: 'toggle' }],
      [],
      [],
      [{ type: 'nextStory' }, { type: 'adjust', by: 5 }],
    ]);
  });

  it('follows an edited mapping and stays quiet when turned off', () => {
    const mapping = {
      ...DEFAULT_GAMEPAD_MAPPING,
      axis: 3,
      invert: false,
      buttons: { '2': 'end' as const },
    };
    const first = readGamepad(
      PAD_AT_REST,
      { axes: [0, 0, 0, 1], buttons: [{ pressed: false }, { pressed: false }, { pressed: true }] },
      mapping,
    );
    expect(first.actions).toEqual([
      { type: 'end' },
      { type: 'drive', wordsPerMinute: mapping.maxWpm, direction: 1 },
    ]);
    expect(readGamepad(PAD_AT_REST, pad(1, [0]), { ...mapping, enabled: false }).actions).toEqual(
      [],
    );
  });
});

describe('a MIDI foot pedal (fake Web MIDI messages)', () => {
  const cc = (value: number, controller = 4, channel = 1) => [
    0xb0 | (channel - 1),
    controller,
    value,
  ];
  function messages(list: number[][], mapping = DEFAULT_MIDI_MAPPING) {
    let state = MIDI_AT_REST;
    return list.map((m) => {
      const out = readMidi(state, m, mapping);
      state = out.state;
      return out.actions;
    });
  }

  it('maps the controller to speed with a neutral zone at the heel', () => {
    const m = DEFAULT_MIDI_MAPPING;
    expect(messages([cc(0), cc(5), cc(127), cc(127), cc(64), cc(3)])).toEqual([
      [{ type: 'drive', wordsPerMinute: 0, direction: 1 }],
      [],
      [{ type: 'drive', wordsPerMinute: m.maxWpm, direction: 1 }],
      [],
      [{ type: 'drive', wordsPerMinute: 180, direction: 1 }],
      [{ type: 'drive', wordsPerMinute: 0, direction: 1 }],
    ]);
  });

  it('centred: the middle is stopped, toe forward, heel reverse', () => {
    const mapping = { ...DEFAULT_MIDI_MAPPING, mode: 'centered' as const, neutral: 0.1 };
    const out = messages([cc(64), cc(127), cc(0)], mapping);
    expect(out[0]).toEqual([{ type: 'drive', wordsPerMinute: 0, direction: 1 }]);
    expect(out[1]).toEqual([{ type: 'drive', wordsPerMinute: mapping.maxWpm, direction: 1 }]);
    expect(out[2]).toEqual([{ type: 'drive', wordsPerMinute: mapping.maxWpm, direction: -1 }]);
  });

  it('takes notes as buttons, and ignores other controllers and other channels', () => {
    const mapping = { ...DEFAULT_MIDI_MAPPING, channel: 2 };
    expect(
      messages(
        [[0x91, 62, 100], [0x91, 62, 0], [0x90, 62, 100], cc(127, 7, 2), cc(127, 4, 3)],
        mapping,
      ),
    ).toEqual([[{ type: 'nextStory' }], [], [], [], []]);
  });
});

describe('remote commands and stored preferences', () => {
  it('turns remote commands into prompter actions and refuses malformed ones', () => {
    expect(commandAction(RemoteCommandSchema.parse({ type: 'speed', wpm: 180 }))).toEqual({
      type: 'speed',
      wordsPerMinute: 180,
    });
    expect(commandAction(RemoteCommandSchema.parse({ type: 'speed', by: -10 }))).toEqual({
      type: 'adjust',
      by: -10,
    });
    expect(commandAction(RemoteCommandSchema.parse({ type: 'goto', page: ' b2 ' }))).toEqual({
      type: 'goto',
      page: 'b2',
    });
    expect(commandAction({ type: 'next' })).toEqual({ type: 'nextStory' });
    expect(RemoteCommandSchema.safeParse({ type: 'speed' }).success).toBe(false);
    expect(RemoteCommandSchema.safeParse({ type: 'speed', wpm: 5000 }).success).toBe(false);
    expect(RemoteCommandSchema.safeParse({ type: 'eval', code: '1' }).success).toBe(false);
  });

  it('keeps the good fields of damaged preferences and defaults the rest', () => {
    expect(readPrefs('nonsense')).toEqual(DEFAULT_PROMPTER_PREFS);
    const prefs = readPrefs({ fontSize: 96, margin: -4, theme: 'neon', mirrorH: true, extra: 1 });
    expect(prefs).toEqual({ ...DEFAULT_PROMPTER_PREFS, fontSize: 96, mirrorH: true });
  });
});
