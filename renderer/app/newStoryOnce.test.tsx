import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { ok, type Result } from '../../shared/ipc/result';
import type { Story } from '../../shared/story/model';
import { fakeArchive } from '../testing/fakeApi';
import { render, settle, unmountAll } from '../testing/dom';
import { testStory } from '../testing/stories';
import { App } from './App';

vi.mock('../api/client', async () => (await import('../testing/fakeApi')).fakeClient);

afterEach(() => {
  unmountAll();
  fakeArchive.reset();
});

describe('+ New story', () => {
  it('opens one draft for a second click while the first is opening', async () => {
    let answer: () => void = () => {};
    fakeArchive.answer({
      'stories.draft': () =>
        new Promise<Result<Story>>((resolve) => {
          answer = () => resolve(ok(testStory()));
        }),
    });
    const page = render(<App />);
    await settle();
    const newStory = page.querySelector<HTMLButtonElement>('[data-testid="new-story"]')!;
    act(() => newStory.click());
    await settle();
    act(() => newStory.click());
    await settle();
    expect(fakeArchive.callsTo('stories.draft')).toHaveLength(1);
    await act(async () => answer());
    await settle();
    act(() => newStory.click());
    await settle();
    expect(fakeArchive.callsTo('stories.draft')).toHaveLength(2);
  });
});
