import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { ok } from '../../shared/ipc/result';
import type { RundownSummary } from '../../shared/rundown/history';
import { fakeArchive } from '../testing/fakeApi';
import { render, settle, unmountAll } from '../testing/dom';
import { publishArchiveEvent } from '../api/archiveEvents';
import { LIST_RELOAD_MAX_WAIT_MS, LIST_RELOAD_PAUSE_MS, RundownList } from './RundownList';

vi.mock('../api/client', async () => (await import('../testing/fakeApi')).fakeClient);

afterEach(() => {
  unmountAll();
  fakeArchive.reset();
});

const SIX: RundownSummary = {
  id: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
  title: '6 PM NEWS',
  airDate: '2026-11-30',
  onAirSec: 18 * 3600,
  lengthSec: 1800,
  updatedAt: '2026-11-30T09:00:00.000Z',
  rowCount: 20,
};

/** The list's own reads (not the look for a show before its first day). */
const reads = () => fakeArchive.callsTo('rundowns.list').filter((c) => c.from !== undefined);

describe('the rundown list', () => {
  it('reads the shows once a producer’s run of changes pauses, not after each one', async () => {
    let rowCount = 20;
    fakeArchive.answer({
      'rundowns.list': (input) => ok(input.to ? [] : [{ ...SIX, rowCount }]),
    });
    const host = render(
      <RundownList selectedId={null} version={0} onOpen={() => {}} onNew={() => {}} />,
    );
    await settle();
    expect(reads()).toHaveLength(1);
    expect(host.textContent).toContain('20 rows');

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      // Alt+Down held on a row: a change every 50 ms for a second, then a row added.
      for (let move = 0; move < 20; move++) {
        publishArchiveEvent({ type: 'rundown', id: SIX.id, version: move + 2 });
        vi.advanceTimersByTime(50);
      }
      rowCount = 21;
      publishArchiveEvent({ type: 'rundown', id: SIX.id, version: 22 });
      expect(reads()).toHaveLength(1);
      act(() => vi.advanceTimersByTime(LIST_RELOAD_PAUSE_MS));
    } finally {
      vi.useRealTimers();
    }
    await settle();
    expect(reads()).toHaveLength(2);
    expect(host.textContent).toContain('21 rows');
  });

  it('reads the shows at least every few seconds while changes never pause', async () => {
    fakeArchive.answer({ 'rundowns.list': (input) => ok(input.to ? [] : [SIX]) });
    render(<RundownList selectedId={null} version={0} onOpen={() => {}} onNew={() => {}} />);
    await settle();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      for (let t = 0; t < 3 * LIST_RELOAD_MAX_WAIT_MS; t += 100) {
        publishArchiveEvent({ type: 'rundown', id: SIX.id, version: t });
        act(() => vi.advanceTimersByTime(100));
      }
    } finally {
      vi.useRealTimers();
    }
    await settle();
    expect(reads().length).toBeGreaterThanOrEqual(3);
  });

  it('says an empty archive has no shows yet, and a full week that nothing came before it', async () => {
    let shows: RundownSummary[] = [];
    fakeArchive.answer({ 'rundowns.list': (input) => ok(input.to ? [] : shows) });
    const empty = render(
      <RundownList selectedId={null} version={0} onOpen={() => {}} onNew={() => {}} />,
    );
    await settle();
    expect(empty.textContent).toContain('No shows yet.');
    expect(empty.textContent).not.toContain('Earlier shows');
    unmountAll();

    shows = [SIX];
    const week = render(
      <RundownList selectedId={null} version={0} onOpen={() => {}} onNew={() => {}} />,
    );
    await settle();
    expect(week.textContent).toContain('No earlier shows.');
  });

  it('moves "Today" on at midnight, on a desk left open', async () => {
    vi.useFakeTimers({ now: new Date(2026, 10, 30, 23, 59, 50), toFake: ['Date', 'setTimeout'] });
    try {
      fakeArchive.answer({
        'rundowns.list': (input) =>
          ok(input.to ? [] : [{ ...SIX, id: 'tomorrow', airDate: '2026-12-01' }, SIX]),
      });
      const host = render(
        <RundownList selectedId={null} version={0} onOpen={() => {}} onNew={() => {}} />,
      );
      await act(async () => {
        await vi.advanceTimersByTimeAsync(0);
      });
      const headings = () => [...host.querySelectorAll('h3')].map((h) => h.textContent);
      expect(headings()).toEqual([
        'Tomorrow · Tuesday, December 1, 2026',
        'Today · Monday, November 30, 2026',
      ]);
      await act(async () => {
        await vi.advanceTimersByTimeAsync(15_000);
      });
      expect(headings()).toEqual([
        'Today · Tuesday, December 1, 2026',
        'Yesterday · Monday, November 30, 2026',
      ]);
    } finally {
      vi.useRealTimers();
    }
  });
});
