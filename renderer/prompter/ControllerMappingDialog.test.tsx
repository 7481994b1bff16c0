import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { DEFAULT_PROMPTER_PREFS, type PrompterPrefs } from '../../shared/prompter/prefs';
import { button, click, render, unmountAll } from '../testing/dom';
import { ControllerMappingDialog } from './ControllerMappingDialog';

afterEach(unmountAll);

/** The dialog over the default mappings, and every change it asked for, in order. */
function openMappings() {
  const changes: Partial<PrompterPrefs>[] = [];
  const page = render(
    <ControllerMappingDialog
      prefs={DEFAULT_PROMPTER_PREFS}
      update={(change) => changes.push(change)}
      lastInput="Controller 11 = 64 (channel 1)"
      onClose={() => {}}
    />,
  );
  return { page, changes };
}

/** The field labelled `label` inside the fieldset whose legend is `legend`. */
function field(page: HTMLElement, legend: string, label: string): HTMLInputElement {
  const set = [...page.querySelectorAll('fieldset')].find(
    (f) => f.querySelector('legend')?.textContent === legend,
  )!;
  const found = [...set.querySelectorAll('label')].find(
    (l) => l.querySelector('span')?.textContent === label,
  );
  return found!.querySelector('input')!;
}

function type(input: HTMLInputElement, value: string): void {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setValue.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('the controller mappings', () => {
  it('shows the last input heard, so a pedal’s controller number can be read off', () => {
    const { page } = openMappings();
    expect(page.textContent).toContain('Last input: Controller 11 = 64 (channel 1)');
  });

  it('changes one mapping’s field and keeps the rest of it', () => {
    const { page, changes } = openMappings();
    type(field(page, 'MIDI pedal', 'Controller number'), '11');
    type(field(page, 'Gamepad', 'Neutral zone'), '0.2');
    expect(changes).toEqual([
      { midi: { ...DEFAULT_PROMPTER_PREFS.midi, controller: 11 } },
      { gamepad: { ...DEFAULT_PROMPTER_PREFS.gamepad, neutral: 0.2 } },
    ]);
  });

  it('passes on no speed outside the prompter’s range, and no half-typed number', () => {
    const { page, changes } = openMappings();
    type(field(page, 'Gamepad', 'Fastest (wpm)'), '900');
    type(field(page, 'MIDI pedal', 'Slowest (wpm)'), '');
    expect(changes).toEqual([]);
  });

  it('turns a device off with its switch, and restores its defaults', () => {
    const { page, changes } = openMappings();
    const useMidi = field(page, 'MIDI pedal', 'Use MIDI');
    expect(useMidi.getAttribute('role')).toBe('switch');
    click(useMidi);
    click(button(page, 'Restore the gamepad’s defaults'));
    expect(changes).toEqual([
      { midi: { ...DEFAULT_PROMPTER_PREFS.midi, enabled: false } },
      { gamepad: DEFAULT_PROMPTER_PREFS.gamepad },
    ]);
  });
});
