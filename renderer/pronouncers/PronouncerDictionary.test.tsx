import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { ok, type Result } from '../../shared/ipc/result';
import type { PronouncerEntry } from '../../shared/settings';
import { fakeArchive } from '../testing/fakeApi';
import { render, settle, unmountAll } from '../testing/dom';
import { PronouncerDictionary } from './PronouncerDictionary';

vi.mock('../api/client', async () => (await import('../testing/fakeApi')).fakeClient);

afterEach(() => {
  unmountAll();
  fakeArchive.reset();
});

/** Types into a field as the browser reports it to React. */
function type(field: HTMLInputElement, text: string) {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(field, text);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('the pronouncer dictionary', () => {
  it('adds an entry once for a second Enter, and keeps the next one being typed meanwhile', async () => {
    let stored: () => void = () => {};
    fakeArchive.answer({
      'pronouncers.save': (input) =>
        new Promise<Result<PronouncerEntry>>((resolve) => {
          stored = () => resolve(ok({ ...input, updatedAt: '2026-11-30T09:00:00.000Z' }));
        }),
    });
    const host = render(
      <PronouncerDictionary entries={[]} onChanged={() => {}} onClose={() => {}} />,
    );
    const term = host.querySelector<HTMLInputElement>('input[aria-label="Word or name"]')!;
    const phonetic = host.querySelector<HTMLInputElement>('input[aria-label="How to say it"]')!;
    const form = term.closest('form')!;
    const enter = () => act(() => void form.requestSubmit());

    type(term, 'Ragunathan');
    type(phonetic, 'RAH-goo-NAH-tun');
    enter();
    enter();
    await settle();
    expect(fakeArchive.callsTo('pronouncers.save')).toEqual([
      { term: 'Ragunathan', phonetic: 'RAH-goo-NAH-tun' },
    ]);
    // The desk editor starts the next name before the archive answers.
    type(term, 'Nguyen');
    await act(async () => stored());
    await settle();
    expect(term.value).toBe('Nguyen');
    expect(phonetic.value).toBe('');
  });
});
