import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { ok, type Result } from '../../shared/ipc/result';
import type { PronouncerEntry } from '../../shared/settings';
import { fakeArchive } from '../testing/fakeApi';
import { render, settle, unmountAll } from '../testing/dom';
import { ConfirmHost } from '../common/confirm';
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

  it('asks before a pronouncer on file is replaced from the Add row', async () => {
    fakeArchive.answer({
      'pronouncers.save': (input) => ok({ ...input, updatedAt: '2026-11-30T09:00:00.000Z' }),
    });
    const vetted = { term: 'Raghunathan', phonetic: 'RAH-goo-NAH-tun' };
    const host = render(
      <>
        <PronouncerDictionary entries={[vetted]} onChanged={() => {}} onClose={() => {}} />
        <ConfirmHost />
      </>,
    );
    const term = host.querySelector<HTMLInputElement>('input[aria-label="Word or name"]')!;
    const phonetic = host.querySelector<HTMLInputElement>('input[aria-label="How to say it"]')!;
    const add = async () => {
      type(term, 'raghunathan');
      type(phonetic, 'rah-GOO-nah-tun');
      act(() => void term.closest('form')!.requestSubmit());
      await settle();
    };
    const answer = async (choice: string) => {
      const dialog = document.querySelector('[data-testid="confirm-dialog"]')!;
      expect(dialog.textContent).toContain(
        '“Raghunathan” is in the dictionary as RAH-goo-NAH-tun. Replace it with rah-GOO-nah-tun?',
      );
      const button = [...dialog.querySelectorAll('button')].find((b) => b.textContent === choice)!;
      act(() => button.click());
      await settle();
    };

    await add();
    await answer('Cancel');
    expect(fakeArchive.callsTo('pronouncers.save')).toHaveLength(0);
    expect(term.value).toBe('raghunathan');

    await add();
    await answer('Replace');
    expect(fakeArchive.callsTo('pronouncers.save')).toEqual([
      { term: 'raghunathan', phonetic: 'rah-GOO-nah-tun' },
    ]);
  });
});
