import { useEffect, useRef, useState, type RefObject } from 'react';
import type { PrompterAction } from '../../shared/prompter/actions';
import {
  describeMidi,
  keyAction,
  MIDI_AT_REST,
  PAD_AT_REST,
  readGamepad,
  readMidi,
  type GamepadMapping,
  type MidiMapping,
  type PadState,
} from '../../shared/prompter/controllers';

export type ControllerStatus = {
  gamepad: string | null;
  midi: string;
  /** The last button or controller a device sent, so a mapping can be typed in. */
  lastInput: string | null;
};

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el?.closest?.('input, select, textarea, [contenteditable="true"], dialog');
}

/** Lines of a wheel that scrolls by lines (Firefox, some mice), in pixels. */
const WHEEL_LINE = 40;

/**
 * The operator's hands and feet: the keyboard (on the operator's window), the mouse wheel (on the
 * preview), a gamepad (polled every frame, Gamepad API) and MIDI pedals (Web MIDI). Each maps its
 * input through the shared mappings to prompter actions.
 */
export function useControllers(options: {
  apply: (action: PrompterAction) => void;
  gamepad: GamepadMapping;
  midi: MidiMapping;
  wheelTarget: RefObject<HTMLElement | null>;
}): ControllerStatus {
  const apply = useRef(options.apply);
  apply.current = options.apply;
  const gamepadMapping = useRef(options.gamepad);
  gamepadMapping.current = options.gamepad;
  const midiMapping = useRef(options.midi);
  midiMapping.current = options.midi;
  const [status, setStatus] = useState<ControllerStatus>({
    gamepad: null,
    midi: 'No MIDI device yet',
    lastInput: null,
  });
  const { wheelTarget } = options;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || typing(e.target)) return;
      const action = keyAction(e);
      if (!action) return;
      e.preventDefault();
      apply.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const el = wheelTarget.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const pixels = e.deltaMode === 1 ? e.deltaY * WHEEL_LINE : e.deltaY;
      apply.current({ type: 'scroll', pixels });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [wheelTarget]);

  useEffect(() => {
    if (typeof navigator.getGamepads !== 'function') return;
    let frame = 0;
    let state: PadState = PAD_AT_REST;
    let seen: string | null = null;
    const poll = () => {
      frame = requestAnimationFrame(poll);
      const pad = [...navigator.getGamepads()].find((p) => p?.connected) ?? null;
      const id = pad?.id ?? null;
      if (id !== seen) {
        seen = id;
        state = PAD_AT_REST;
        setStatus((s) => ({ ...s, gamepad: id }));
      }
      if (!pad) return;
      const out = readGamepad(state, pad, gamepadMapping.current);
      const newlyDown = out.state.pressed.findIndex((down, i) => down && !state.pressed[i]);
      state = out.state;
      if (newlyDown >= 0) setStatus((s) => ({ ...s, lastInput: `Gamepad button ${newlyDown}` }));
      out.actions.forEach((a) => apply.current(a));
    };
    frame = requestAnimationFrame(poll);
    return () => cancelAnimationFrame(frame);
  }, []);

  useEffect(() => {
    if (typeof navigator.requestMIDIAccess !== 'function') {
      setStatus((s) => ({ ...s, midi: 'This browser has no Web MIDI' }));
      return;
    }
    let access: MIDIAccess | null = null;
    let cancelled = false;
    let state = MIDI_AT_REST;
    const listen = () => {
      if (!access) return;
      const inputs = [...access.inputs.values()];
      for (const input of inputs) {
        input.onmidimessage = (e: MIDIMessageEvent) => {
          if (!e.data) return;
          const data = [...e.data];
          const seen = describeMidi(data);
          if (seen) setStatus((s) => ({ ...s, lastInput: `MIDI ${seen}` }));
          const out = readMidi(state, data, midiMapping.current);
          state = out.state;
          out.actions.forEach((a) => apply.current(a));
        };
      }
      setStatus((s) => ({
        ...s,
        midi:
          inputs.length === 0
            ? 'No MIDI device connected'
            : inputs.map((i) => i.name || 'MIDI input').join(', '),
      }));
    };
    navigator.requestMIDIAccess().then(
      (granted) => {
        if (cancelled) return;
        access = granted;
        granted.onstatechange = listen;
        listen();
      },
      () => setStatus((s) => ({ ...s, midi: 'MIDI access was refused' })),
    );
    return () => {
      cancelled = true;
      if (access) for (const input of access.inputs.values()) input.onmidimessage = null;
    };
  }, []);

  return status;
}
