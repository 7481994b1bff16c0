import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { render, unmountAll } from '../testing/dom';
import { NamePrompt } from './NamePrompt';

afterEach(() => {
  unmountAll();
  document.body.replaceChildren();
});

const prompt = () => (
  <NamePrompt settings={DEFAULT_SETTINGS} onSaved={() => {}} onClose={() => {}} />
);
const nameField = (host: HTMLElement) => host.querySelector('input')!;

describe('the name prompt', () => {
  it('takes the keyboard on a window nobody is typing in yet', () => {
    const host = render(prompt());
    expect(document.activeElement).toBe(nameField(host));
  });

  it('leaves the keyboard in a field someone is already typing in', () => {
    const search = document.createElement('input');
    document.body.append(search);
    search.focus();
    render(prompt());
    expect(document.activeElement).toBe(search);
  });
});
