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
