import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../shared/ipc/result';
import type { Channel } from '../../shared/ipc/contract';
import { fakeArchive, type FakeHandlers } from '../testing/fakeApi';
import { button, click, render, settle, unmountAll } from '../testing/dom';
import { summaryOf, testStory } from '../testing/stories';
import { App } from './App';

vi.mock('../api/client', async () => (await import('../testing/fakeApi')).fakeClient);

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  fakeArchive.answer({ 'log.rendererError': () => ok({ logged: true }) });
});
afterEach(() => {
  unmountAll();
  fakeArchive.reset();
  vi.restoreAllMocks();
});

/** The error notices on screen, their text without the dismiss button. */
const alerts = () =>
  [...document.querySelectorAll('.cd-notice[role="alert"] > span')].map((n) => n.textContent);
const broken = (channel: Channel): FakeHandlers => ({
  [channel]: () => fail('ARCHIVE_UNAVAILABLE', 'The archive cannot be read just now.'),
});

/** The tags answer once (the sidebar at start-up), then fail. */
function tagsFailingAfterStartUp(): FakeHandlers {
  let calls = 0;
  return {
    'tags.list': () =>
      ++calls === 1
        ? ok([{ name: 'transport', count: 1 }])
        : fail('ARCHIVE_UNAVAILABLE', 'The archive cannot be read just now.'),
  };
}

describe('a call that fails is never dropped without a word', () => {
  it.each([
    ['app.info', 'Could not open the archive.'],
    ['settings.get', 'Could not read the settings.'],
    ['pronouncers.list', 'Could not read the pronouncer dictionary.'],
    ['tags.list', 'Could not read the tags.'],
    ['stories.list', 'Could not list the stories.'],
  ] as const)('%s failing at start-up is shown', async (channel, words) => {
    fakeArchive.answer(broken(channel));
    render(<App />);
    await settle();
    expect(alerts()).toContain(`${words} The archive cannot be read just now.`);
    expect(fakeArchive.callsTo('log.rendererError')).toContainEqual(
      expect.objectContaining({ source: 'call', name: channel }),
    );
  });

  it('the backups list failing in Settings is shown', async () => {
    fakeArchive.answer(broken('archive.backups'));
    const page = render(<App />);
    await settle();
    click(button(page, 'Settings'));
    await settle();
    expect(alerts().join()).toContain('Could not list the backups.');
  });

  it('the tags failing in the export dialog are shown', async () => {
    fakeArchive.answer(tagsFailingAfterStartUp());
    const page = render(<App />);
    await settle();
    expect(alerts()).toEqual([]);
    click(button(page, 'Export…'));
    await settle();
    expect(alerts().join()).toContain('Could not read the tags.');
  });

  it('the story’s history failing is shown', async () => {
    const story = testStory();
    fakeArchive.answer({
      'stories.list': () => ok({ items: [summaryOf(story)], total: 1 }),
      'stories.get': () => ok(story),
      'comments.list': () => ok([]),
      ...broken('stories.history'),
    });
    render(<App />);
    await settle();
    expect(document.querySelector('[data-testid="script-editor"]')).not.toBeNull();
    expect(alerts().join()).toContain('Could not read the story’s history.');
  });
});
