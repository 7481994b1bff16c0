import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { DurationInput } from './DurationInput';
import { mount, unmountAll } from '../testing/dom';

afterEach(() => unmountAll());

/** Types into the field as React hears it (jsdom has no keyboard). */
function type(input: HTMLInputElement, text: string): void {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const leave = (input: HTMLInputElement) =>
  act(() => {
    input.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  });

function field(value: number | undefined, owner: string) {
  const onChange = vi.fn<(seconds: number | undefined) => void>();
  const node = (v: number | undefined, o: string) => (
    <DurationInput label="Target length" value={v} owner={o} onChange={onChange} />
  );
  const { host, update } = mount(node(value, owner));
  const input = host.querySelector('input')!;
  return { input, onChange, redraw: (v: number | undefined, o: string) => update(node(v, o)) };
}

describe('a duration field', () => {
  it('shows its value, and takes a typed time when it is left', () => {
    const { input, onChange } = field(90, 'a');
    expect(input.value).toBe('1:30');
    type(input, '2:05');
    leave(input);
    expect(onChange).toHaveBeenCalledWith(125);
  });

  it('sends nothing when it is left without typing', () => {
    const { input, onChange } = field(90, 'a');
    leave(input);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('keeps what is not a time, marked, until it is mended', () => {
    const { input, onChange } = field(90, 'a');
    type(input, '2:9x');
    leave(input);
    expect(onChange).not.toHaveBeenCalled();
    expect(input.value).toBe('2:9x');
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('refuses a length over six hours, which no story can be saved with', () => {
    const { input, onChange } = field(90, 'a');
    type(input, '7:00:00');
    leave(input);
    expect(onChange).not.toHaveBeenCalled();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    type(input, '6:00:00');
    leave(input);
    expect(onChange).toHaveBeenCalledWith(6 * 3600);
  });

  it('drops what was typed for one story when it shows another', () => {
    const { input, redraw } = field(90, 'a');
    type(input, '2:9x');
    leave(input);
    redraw(45, 'b');
    expect(input.value).toBe('0:45');
    expect(input.getAttribute('aria-invalid')).toBe('false');
  });
});
