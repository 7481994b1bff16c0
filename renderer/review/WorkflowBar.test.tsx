import { afterEach, describe, expect, it, vi } from 'vitest';
import { testStory } from '../testing/stories';
import { act } from 'react';
import { render, settle, unmountAll } from '../testing/dom';
import { WorkflowBar } from './WorkflowBar';
import type { Story } from '../../shared/story/model';

afterEach(() => unmountAll());

function bar(
  story: Story,
  over: {
    heldBy?: string | null;
    approveRefusal?: string | null;
    done?: boolean;
    onTransition?: () => Promise<boolean>;
  } = {},
) {
  const onTransition = vi.fn(over.onTransition ?? (async () => over.done ?? true));
  const host = render(
    <WorkflowBar
      story={story}
      lastStatusChange={null}
      onTransition={onTransition}
      historyOpen={false}
      onToggleHistory={() => {}}
      onSendPackage={() => {}}
      conflict={null}
      onCompareConflict={() => {}}
      onSettleConflict={() => {}}
      approveRefusal={over.approveRefusal ?? null}
      heldBy={over.heldBy ?? null}
    />,
  );
  const buttons = (name: RegExp) =>
    [...host.querySelectorAll('button')].filter((b) => name.test(b.textContent ?? ''));
  return { host, buttons, onTransition };
}

describe('the workflow bar', () => {
  it('offers the story’s next steps when nobody else is editing it', () => {
    const { buttons, onTransition } = bar(testStory({ status: 'draft' }));
    const submit = buttons(/^Submit/)[0]!;
    expect(submit.disabled).toBe(false);
    submit.click();
    expect(onTransition).toHaveBeenCalledWith(expect.objectContaining({ to: 'ready' }), '');
  });

  it('greys out every status change while another desk edits the story, and says who and why', () => {
    const { buttons, onTransition } = bar(testStory({ status: 'draft' }), { heldBy: 'Kim Min-ji' });
    const steps = [...buttons(/^Submit/), ...buttons(/^Kill/)];
    expect(steps).toHaveLength(2);
    for (const step of steps) {
      expect(step.disabled).toBe(true);
      expect(step.title).toBe(
        'Kim Min-ji is editing this story at another desk: its status changes there, or once they are done.',
      );
      step.click();
    }
    expect(onTransition).not.toHaveBeenCalled();
    // Handing it on as a package is not a change to it.
    expect(buttons(/^Send package/)[0]!.disabled).toBe(false);
  });

  it('keeps the reason in its dialog when the step fails, and closes it once the step is taken', async () => {
    for (const done of [false, true]) {
      const { buttons, onTransition } = bar(testStory({ status: 'ready' }), { done });
      act(() => buttons(/^Return to reporter/)[0]!.click());
      const dialog = () => document.querySelector<HTMLElement>('[data-testid="note-dialog"]');
      const note = dialog()!.querySelector('textarea')!;
      act(() => {
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(
          note,
          'The mayor’s name is spelled wrong.',
        );
        note.dispatchEvent(new Event('input', { bubbles: true }));
      });
      act(() => dialog()!.querySelector('form')!.requestSubmit());
      await settle();
      expect(onTransition).toHaveBeenCalledTimes(1);
      expect(onTransition).toHaveBeenCalledWith(
        expect.objectContaining({ to: 'returned' }),
        'The mayor’s name is spelled wrong.',
      );
      if (done) expect(dialog()).toBeNull();
      else
        expect(dialog()!.querySelector('textarea')!.value).toBe(
          'The mayor’s name is spelled wrong.',
        );
      unmountAll();
    }
  });
});

describe('a status step', () => {
  it('is taken once for a double click or a second click while it is on its way', async () => {
    let done: (taken: boolean) => void = () => {};
    const { host, onTransition } = bar(testStory({ status: 'draft' }), {
      onTransition: () =>
        new Promise<boolean>((resolve) => {
          done = resolve;
        }),
    });
    const submit = [...host.querySelectorAll('button')].find((b) =>
      b.textContent?.startsWith('Submit'),
    )!;
    const click = (detail: number) =>
      act(() => {
        submit.dispatchEvent(new MouseEvent('click', { bubbles: true, detail }));
      });
    click(1);
    // The second click of the double click (by then, on a fast desk, on Approve in its place).
    click(2);
    // Enter on the button while the step is on its way.
    click(0);
    expect(onTransition).toHaveBeenCalledTimes(1);
    expect(submit.getAttribute('aria-disabled')).toBe('true');
    await act(async () => done(true));
    await settle();
    click(1);
    expect(onTransition).toHaveBeenCalledTimes(2);
  });
});
