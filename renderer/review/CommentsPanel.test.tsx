import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { render, settle, unmountAll } from '../testing/dom';
import { CommentsPanel } from './CommentsPanel';

afterEach(unmountAll);

/** The margin with a thread just opened on "harbor bridge", its comment box ready. */
function panelPosting(stored: boolean | (() => Promise<boolean>)) {
  const onPost = typeof stored === 'function' ? stored : vi.fn(async () => stored);
  const host = render(
    <CommentsPanel
      comments={[]}
      order={[]}
      pending={{ threadId: 't1', quote: 'harbor bridge' }}
      canComment
      onPost={onPost}
      onCancelPending={() => {}}
      onReturnToScript={() => {}}
      onResolve={() => {}}
      onReveal={() => {}}
      onClose={() => {}}
    />,
  );
  const box = host.querySelector<HTMLTextAreaElement>('textarea')!;
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(
      box,
      'Check the name of the bridge',
    );
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
  return { box, onPost };
}

async function send(box: HTMLTextAreaElement) {
  act(() => {
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
  });
  await settle();
}

describe('the comment box', () => {
  it('keeps a comment that could not be stored, to be sent again', async () => {
    const { box, onPost } = panelPosting(false);
    await send(box);
    expect(onPost).toHaveBeenCalledWith('t1', 'Check the name of the bridge', 'harbor bridge');
    expect(box.value).toBe('Check the name of the bridge');
  });

  it('sends a comment once, however often it is sent while on its way', async () => {
    let store: (stored: boolean) => void = () => {};
    const onPost = vi.fn(() => new Promise<boolean>((resolve) => (store = resolve)));
    const { box } = panelPosting(onPost);
    await send(box);
    await send(box);
    expect(onPost).toHaveBeenCalledTimes(1);
    await act(async () => store(true));
    expect(box.value).toBe('');
  });

  it('is emptied once the comment is stored', async () => {
    const { box } = panelPosting(true);
    await send(box);
    expect(box.value).toBe('');
  });
});

describe('a thread’s Resolve', () => {
  it('takes one click of a double click: the second lands on the next thread, moved up under it', () => {
    const comment = (threadId: string, body: string) => ({
      id: `c-${threadId}`,
      storyId: 's1',
      threadId,
      author: 'Editor',
      at: '2026-11-30T09:00:00.000Z',
      body,
      quote: 'harbor bridge',
      resolvedAt: null,
      resolvedBy: null,
    });
    const onResolve = vi.fn();
    const host = render(
      <CommentsPanel
        comments={[comment('t1', 'Check the name'), comment('t2', 'Tighten this')]}
        order={['t1', 't2']}
        pending={null}
        canComment
        onPost={async () => true}
        onCancelPending={() => {}}
        onReturnToScript={() => {}}
        onResolve={onResolve}
        onReveal={() => {}}
        onClose={() => {}}
      />,
    );
    const resolve = () =>
      [...host.querySelectorAll('button')].filter((b) => b.textContent === 'Resolve');
    act(() => {
      resolve()[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1 }));
      resolve()[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 2 }));
    });
    expect(onResolve.mock.calls).toEqual([['t1', true]]);
  });
});
