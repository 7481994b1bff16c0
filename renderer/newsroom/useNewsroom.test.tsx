import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok, type Result } from '../../shared/ipc/result';
import type { NewsroomEvent, NewsroomStatus } from '../../shared/newsroom/channels';
import { fakeArchive } from '../testing/fakeApi';
import { render, settle, unmountAll } from '../testing/dom';
import { useNewsroom } from './useNewsroom';

vi.mock('../api/client', async () => (await import('../testing/fakeApi')).fakeClient);

afterEach(() => {
  unmountAll();
  fakeArchive.reset();
});

const ONLINE: NewsroomStatus = {
  state: 'online',
  url: 'https://newsroom.example:8443',
  identity: { userId: 'u1', name: 'cho', displayName: 'Cho Min-ho', role: 'producer' },
  pending: 0,
  conflicts: [],
  notices: [],
  lastSyncAt: null,
  keepDays: 90,
  problem: null,
};

function Desk(props: { onNotice: (label: string, message: string) => void }) {
  useNewsroom({
    storyId: null,
    onStory: () => {},
    onRundown: () => {},
    onPronouncers: () => {},
    onNotice: props.onNotice,
  });
  return null;
}

describe('the newsroom’s events in a window', () => {
  it('hands a notice about a show to the window at once, with the show’s title', async () => {
    const said =
      'Changed at another desk too, and yours was kept. ALPHA’s estimate: yours, 2:00, replaced Lee Seo-yeon’s 1:30.';
    const events: NewsroomEvent[][] = [
      [{ type: 'notice', kind: 'rundown', id: 'r1', label: '6 PM NEWS', message: said }],
    ];
    fakeArchive.answer({
      'newsroom.status': () => ok(ONLINE),
      'newsroom.leases': () => ok([]),
      // The first wait brings the notice; the next ones wait for good.
      'newsroom.events': () =>
        events.length > 0
          ? ok({ cursor: 1, events: events.shift()! })
          : new Promise<Result<{ cursor: number; events: NewsroomEvent[] }>>(() => {}),
    });
    const onNotice = vi.fn();
    render(<Desk onNotice={onNotice} />);
    await settle();
    await settle();
    expect(onNotice).toHaveBeenCalledExactlyOnceWith('6 PM NEWS', said);
  });
});
