import { afterEach, describe, expect, it, vi } from 'vitest';
import { testStory } from '../testing/stories';
import { render, unmountAll } from '../testing/dom';
import { WorkflowBar } from './WorkflowBar';
import type { Story } from '../../shared/story/model';

afterEach(() => unmountAll());

function bar(story: Story, over: { heldBy?: string | null; approveRefusal?: string | null } = {}) {
  const onTransition = vi.fn();
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
});
