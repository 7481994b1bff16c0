import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { ok, type Result } from '../../shared/ipc/result';
import type { NewsroomStatus } from '../../shared/newsroom/channels';
import { fakeArchive } from '../testing/fakeApi';
import { render, settle, unmountAll } from '../testing/dom';
import { NewsroomDialog } from './NewsroomDialog';

vi.mock('../api/client', async () => (await import('../testing/fakeApi')).fakeClient);

afterEach(() => {
  unmountAll();
  fakeArchive.reset();
});

const OFFLINE: NewsroomStatus = {
  state: 'offline',
  url: 'https://newsroom.example:8443',
  identity: null,
  pending: 3,
  conflicts: [],
  notices: [],
  lastSyncAt: null,
  keepDays: 90,
  problem: 'The newsroom server does not answer.',
};

describe('the newsroom dialog', () => {
  it('disconnects once, saying so while an unreachable server keeps it waiting', async () => {
    let answer: () => void = () => {};
    fakeArchive.answer({
      'newsroom.disconnect': () =>
        new Promise<Result<NewsroomStatus>>((resolve) => {
          answer = () => resolve(ok({ ...OFFLINE, state: 'alone', url: null }));
        }),
    });
    const onClose = vi.fn();
    render(
      <NewsroomDialog
        status={OFFLINE}
        onClose={onClose}
        onChanged={() => {}}
        onOpenStory={() => {}}
      />,
    );
    const button = document.querySelector<HTMLButtonElement>(
      '[data-testid="newsroom-disconnect"]',
    )!;
    act(() => button.click());
    await settle();
    expect(button.textContent).toBe('Disconnecting…');
    act(() => button.click());
    await settle();
    expect(fakeArchive.callsTo('newsroom.disconnect')).toHaveLength(1);
    await act(async () => answer());
    await settle();
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('puts a notice away at once and asks the desk to forget it', async () => {
    fakeArchive.answer({ 'newsroom.dismissNotice': () => ok({ ...OFFLINE, notices: [] }) });
    const said = {
      kind: 'rundownClash',
      id: 'r1',
      label: '6 PM NEWS',
      message: 'Changed at another desk too, and yours was kept.',
      at: '2026-12-01T02:00:00.000Z',
    };
    const onChanged = vi.fn();
    render(
      <NewsroomDialog
        status={{ ...OFFLINE, notices: [said] }}
        onClose={() => {}}
        onChanged={onChanged}
        onOpenStory={() => {}}
      />,
    );
    const button = document.querySelector<HTMLButtonElement>(
      'button[aria-label="Put away the notice about 6 PM NEWS"]',
    )!;
    expect(document.body.textContent).toContain('Changed at another desk too');
    act(() => button.click());
    expect(document.body.textContent).not.toContain('Changed at another desk too');
    await settle();
    expect(fakeArchive.callsTo('newsroom.dismissNotice')).toEqual([
      { kind: 'rundownClash', id: 'r1' },
    ]);
    expect(onChanged).toHaveBeenCalledTimes(1);
  });
});
