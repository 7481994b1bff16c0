import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { render, unmountAll } from '../testing/dom';
import { NumberSetting } from './SettingFields';

afterEach(unmountAll);

function typeInto(input: HTMLInputElement, text: string) {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('a prompter number setting', () => {
  it('passes on whole numbers in range only, where its step is whole', () => {
    const onChange = vi.fn();
    const host = render(
      <NumberSetting label="Type size" value={72} min={16} max={240} onChange={onChange} />,
    );
    const input = host.querySelector('input')!;
    typeInto(input, '120.5');
    typeInto(input, '300');
    typeInto(input, '');
    expect(onChange).not.toHaveBeenCalled();
    typeInto(input, '120');
    expect(onChange).toHaveBeenCalledWith(120);
  });

  it('passes on a fraction where its step is one', () => {
    const onChange = vi.fn();
    const host = render(
      <NumberSetting
        label="Line height"
        value={1.35}
        min={1}
        max={2.5}
        step={0.05}
        onChange={onChange}
      />,
    );
    typeInto(host.querySelector('input')!, '1.4');
    expect(onChange).toHaveBeenCalledWith(1.4);
  });
});
