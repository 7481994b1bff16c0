import { useState } from 'react';
import { BUTTON_ACTIONS, type ButtonAction } from '../../shared/prompter/actions';
import {
  DEFAULT_GAMEPAD_MAPPING,
  DEFAULT_MIDI_MAPPING,
  type GamepadMapping,
  type MidiMapping,
} from '../../shared/prompter/controllers';
import type { PrompterPrefs } from '../../shared/prompter/prefs';
import { MAX_WPM, MIN_WPM } from '../../shared/prompter/motion';
import { Dialog } from '../common/Dialog';
import { NumberSetting, Switch } from './SettingFields';

/** How a stick or a pedal drives speed: its neutral zone and its range. */
function DriveFields({
  mapping,
  onChange,
}: {
  mapping: { neutral: number; minWpm: number; maxWpm: number };
  onChange: (change: Partial<{ neutral: number; minWpm: number; maxWpm: number }>) => void;
}) {
  return (
    <>
      <NumberSetting
        label="Neutral zone"
        value={mapping.neutral}
        min={0}
        max={0.9}
        step={0.01}
        onChange={(neutral) => onChange({ neutral })}
      />
      <NumberSetting
        label="Slowest (wpm)"
        value={mapping.minWpm}
        min={MIN_WPM}
        max={MAX_WPM}
        onChange={(minWpm) => onChange({ minWpm })}
      />
      <NumberSetting
        label="Fastest (wpm)"
        value={mapping.maxWpm}
        min={MIN_WPM}
        max={MAX_WPM}
        onChange={(maxWpm) => onChange({ maxWpm })}
      />
    </>
  );
}

/** Button (or note) numbers and what each does, with a row to add another. */
function ButtonMap({
  what,
  max,
  map,
  onChange,
}: {
  what: string;
  max: number;
  map: Record<string, ButtonAction>;
  onChange: (map: Record<string, ButtonAction>) => void;
}) {
  const [adding, setAdding] = useState('');
  const entries = Object.entries(map).sort((a, b) => Number(a[0]) - Number(b[0]));
  return (
    <table className="cd-pr-map">
      <tbody>
        {entries.map(([number, action]) => (
          <tr key={number}>
            <th scope="row">
              {what} {number}
            </th>
            <td>
              <select
                aria-label={`${what} ${number}`}
                value={action}
                onChange={(e) => onChange({ ...map, [number]: e.target.value as ButtonAction })}
              >
                {Object.entries(BUTTON_ACTIONS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </td>
            <td>
              <button
                type="button"
                className="cd-button cd-button-quiet"
                onClick={() => onChange(Object.fromEntries(entries.filter(([n]) => n !== number)))}
              >
                Remove
              </button>
            </td>
          </tr>
        ))}
        <tr>
          <th scope="row">
            <input
              aria-label={`New ${what.toLowerCase()} number`}
              type="number"
              min={0}
              max={max}
              value={adding}
              onChange={(e) => setAdding(e.target.value)}
            />
          </th>
          <td colSpan={2}>
            <button
              type="button"
              className="cd-button cd-button-quiet"
              disabled={adding === '' || Number(adding) > max || adding in map}
              onClick={() => {
                onChange({ ...map, [String(Number(adding))]: 'toggle' });
                setAdding('');
              }}
            >
              Add {what.toLowerCase()}
            </button>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/**
 * The gamepad's and the MIDI pedal's mappings, edited: which stick or controller drives speed,
 * its neutral zone and range, and what each button or note does. The last input a device sent is
 * shown, so its number can be typed in.
 */
export function ControllerMappingDialog({
  prefs,
  update,
  lastInput,
  onClose,
}: {
  prefs: PrompterPrefs;
  update: (change: Partial<PrompterPrefs>) => void;
  lastInput: string | null;
  onClose: () => void;
}) {
  const pad = prefs.gamepad;
  const midi = prefs.midi;
  const setPad = (change: Partial<GamepadMapping>) => update({ gamepad: { ...pad, ...change } });
  const setMidi = (change: Partial<MidiMapping>) => update({ midi: { ...midi, ...change } });
  return (
    <Dialog title="Controller mappings" onClose={onClose} wide testId="controller-mappings">
      <p className="cd-pr-hint" role="status">
        Last input: {lastInput ?? 'none yet — press a button or move a pedal'}
      </p>
      <div className="cd-pr-map-columns">
        <fieldset>
          <legend>Gamepad</legend>
          <Switch
            label="Use a gamepad"
            checked={pad.enabled}
            onChange={(enabled) => setPad({ enabled })}
          />
          <NumberSetting
            label="Speed stick axis"
            value={pad.axis}
            min={0}
            max={15}
            onChange={(axis) => setPad({ axis })}
          />
          <Switch
            label="Push forward to run forward"
            checked={pad.invert}
            onChange={(invert) => setPad({ invert })}
          />
          <DriveFields mapping={pad} onChange={setPad} />
          <ButtonMap
            what="Button"
            max={31}
            map={pad.buttons}
            onChange={(buttons) => setPad({ buttons })}
          />
          <button
            type="button"
            className="cd-button cd-button-quiet"
            onClick={() => update({ gamepad: DEFAULT_GAMEPAD_MAPPING })}
          >
            Restore the gamepad’s defaults
          </button>
        </fieldset>
        <fieldset>
          <legend>MIDI pedal</legend>
          <Switch
            label="Use MIDI"
            checked={midi.enabled}
            onChange={(enabled) => setMidi({ enabled })}
          />
          <NumberSetting
            label="Channel (0: any)"
            value={midi.channel}
            min={0}
            max={16}
            onChange={(channel) => setMidi({ channel })}
          />
          <NumberSetting
            label="Controller number"
            value={midi.controller}
            min={0}
            max={127}
            onChange={(controller) => setMidi({ controller })}
          />
          <label className="cd-pr-setting">
            <span>Pedal travel</span>
            <select
              value={midi.mode}
              onChange={(e) => setMidi({ mode: e.target.value as MidiMapping['mode'] })}
            >
              <option value="forward">Heel stopped, toe fastest</option>
              <option value="centered">Middle stopped, heel reverse</option>
            </select>
          </label>
          <DriveFields mapping={midi} onChange={setMidi} />
          <ButtonMap
            what="Note"
            max={127}
            map={midi.notes}
            onChange={(notes) => setMidi({ notes })}
          />
          <button
            type="button"
            className="cd-button cd-button-quiet"
            onClick={() => update({ midi: DEFAULT_MIDI_MAPPING })}
          >
            Restore the pedal’s defaults
          </button>
        </fieldset>
      </div>
    </Dialog>
  );
}
