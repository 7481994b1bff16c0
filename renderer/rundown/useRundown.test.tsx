import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, useState } from 'react';
import { ok, type Result } from '../../shared/ipc/result';
import type { RundownDetail } from '../../shared/rundown/channels';
import type { RowStory } from '../../shared/rundown/view';
import { makeRow, makeRundown } from '../../shared/rundown/testing/makeRundown';
import { moveRow, placeAfter, placeIndex } from '../../shared/rundown/rows';
import { fakeArchive } from '../testing/fakeApi';
import { mount, settle, unmountAll } from '../testing/dom';
import { publishArchiveEvent } from '../api/archiveEvents';
import { showFailuresWith } from '../api/calls';
import { PAINT_WAIT_MAX_MS } from '../common/afterPaint';
import {
  STORY_RELOAD_MAX_WAIT_MS,
  STORY_RELOAD_PAUSE_MS,
  useRundown,
  type RundownDoc,
} from './useRundown';

vi.mock('../api/client', async () => (await import('../testing/fakeApi')).fakeClient);

afterEach(() => {
  unmountAll();
  fakeArchive.reset();
  vi.unstubAllGlobals();
});

/**
 * Runs the tasks that are due now while timers are faked: a timer set for later (the bound on the
 * wait for a frame) stays set until the test moves the clock.
 */
async function settleNow(): Promise<void> {
  for (let i = 0; i < 5; i++)
    await act(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(0);
    });
}

/** Frames painted only when the test says so: `paint()` runs the frames asked for since. */
function holdFrames() {
  let asked: FrameRequestCallback[] = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => asked.push(callback));
  return {
    paint: async () => {
      const now = asked;
      asked = [];
      await act(async () => now.forEach((callback) => callback(performance.now())));
      await settleNow();
    },
  };
}

/** A story in a show, as the rundown reads it. */
const FIRE: RowStory = {
  id: 'story-1',
  slug: 'HARBOR FIRE',
  format: 'READER',
  presenter: '',
  reporter: '',
  status: 'draft',
  trtSec: 30,
  trtEstimated: false,
};
const FIRE_SHOW = makeRundown([makeRow('fire', { kind: 'story', storyId: FIRE.id, label: '' })]);

const SHOW = makeRundown(['headlines', 'bridge', 'weather', 'goodnight'].map((id) => makeRow(id)));

describe('changes to an open rundown', () => {
  it('made faster than the archive answers go one after another, each on what the one before left', async () => {
    // The archive as it is: a move is refused when made against an older version.
    let stored: RundownDetail = { rundown: SHOW, stories: [] };
    const answers: (() => void)[] = [];
    fakeArchive.answer({
      'rundowns.get': () => ok(stored),
      'rundowns.moveRow': (input) =>
        new Promise<Result<RundownDetail>>((resolve) =>
          answers.push(() => {
            if (input.baseVersion !== undefined && input.baseVersion !== stored.rundown.version)
              return resolve({
                ok: false,
                error: { code: 'CONFLICT', message: 'Someone changed it.' },
              } as Result<RundownDetail>);
            const rows = moveRow(stored.rundown.rows, input.rowId, input.to);
            stored = {
              ...stored,
              rundown: { ...stored.rundown, rows, version: stored.rundown.version + 1 },
            };
            resolve(ok(stored));
          }),
        ),
      'log.rendererError': () => ok({ logged: true }),
    });
    let doc: RundownDoc | null = null;
    function Probe() {
      doc = useRundown(SHOW.id, null);
      return null;
    }
    const frames = holdFrames();
    mount(<Probe />);
    await settle();
    const order = () => doc!.detail!.rundown.rows.map((r) => r.id);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      // Alt+Up twice on WEATHER, the second before the archive has answered the first.
      let first: Promise<boolean> = Promise.resolve(false);
      let second: Promise<boolean> = Promise.resolve(false);
      act(() => {
        first = doc!.move('weather', 1);
      });
      act(() => {
        second = doc!.move('weather', 0);
      });
      expect(order()).toEqual(['weather', 'headlines', 'bridge', 'goodnight']);
      await settleNow();
      // Shown at once, stored once the frame that shows it is painted.
      expect(fakeArchive.callsTo('rundowns.moveRow')).toHaveLength(0);
      await frames.paint();
      // Only the first has gone to the archive; the second waits for its answer.
      expect(fakeArchive.callsTo('rundowns.moveRow')).toHaveLength(1);
      await act(async () => answers.shift()!());
      await frames.paint();
      expect(fakeArchive.callsTo('rundowns.moveRow')).toHaveLength(2);
      expect(order()).toEqual(['weather', 'headlines', 'bridge', 'goodnight']);
      await act(async () => answers.shift()!());
      expect(await first).toBe(true);
      expect(await second).toBe(true);
      expect(stored.rundown.rows.map((r) => r.id)).toEqual([
        'weather',
        'headlines',
        'bridge',
        'goodnight',
      ]);
      expect(doc!.detail!.rundown.version).toBe(3);

      // A window that stops painting (a sleeping display) still stores the move, a moment later.
      let third: Promise<boolean> = Promise.resolve(false);
      act(() => {
        third = doc!.move('bridge', 0);
      });
      await settleNow();
      expect(fakeArchive.callsTo('rundowns.moveRow')).toHaveLength(2);
      await act(async () => {
        await vi.advanceTimersByTimeAsync(PAINT_WAIT_MAX_MS);
      });
      await settleNow();
      expect(fakeArchive.callsTo('rundowns.moveRow')).toHaveLength(3);
      await act(async () => answers.shift()!());
      expect(await third).toBe(true);
      expect(stored.rundown.rows.map((r) => r.id)).toEqual([
        'bridge',
        'weather',
        'headlines',
        'goodnight',
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads a story’s new time once its saves pause, not after every save while it is typed', async () => {
    let trtSec = 30;
    fakeArchive.answer({
      'rundowns.get': () => ok({ rundown: FIRE_SHOW, stories: [{ ...FIRE, trtSec }] }),
    });
    let doc: RundownDoc | null = null;
    function Probe() {
      doc = useRundown(FIRE_SHOW.id, null);
      return null;
    }
    mount(<Probe />);
    await settle();
    expect(fakeArchive.callsTo('rundowns.get')).toHaveLength(1);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      // Saved every second while the reporter types: the rundown waits.
      for (let save = 0; save < 4; save++) {
        trtSec += 5;
        publishArchiveEvent({ type: 'story', id: FIRE.id, updatedAt: `t${save}` });
        vi.advanceTimersByTime(1000);
      }
      expect(fakeArchive.callsTo('rundowns.get')).toHaveLength(1);
      // The typing stops: one read, with the last time.
      vi.advanceTimersByTime(STORY_RELOAD_PAUSE_MS);
    } finally {
      vi.useRealTimers();
    }
    await settle();
    expect(fakeArchive.callsTo('rundowns.get')).toHaveLength(2);
    expect(doc!.detail!.stories[0]!.trtSec).toBe(50);
  });

  it('reads the show at least every few seconds while its stories are saved without a pause', async () => {
    fakeArchive.answer({
      'rundowns.get': () => ok({ rundown: FIRE_SHOW, stories: [FIRE] }),
    });
    function Probe() {
      useRundown(FIRE_SHOW.id, null);
      return null;
    }
    mount(<Probe />);
    await settle();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      // Two reporters in the show: a save every 600 ms for 15 s, never a pause of 1.2 s.
      for (let t = 0; t < 3 * STORY_RELOAD_MAX_WAIT_MS; t += 600) {
        publishArchiveEvent({ type: 'story', id: FIRE.id, updatedAt: `t${t}` });
        vi.advanceTimersByTime(600);
      }
    } finally {
      vi.useRealTimers();
    }
    await settle();
    // Read on opening, then once in each five seconds of saves.
    expect(fakeArchive.callsTo('rundowns.get').length).toBeGreaterThanOrEqual(3);
  });

  /**
   * The archive as it is, for changes answered at once: a change made against an older version
   * is refused. `otherDesk` changes the show as another desk would, without this one hearing.
   */
  function versionedArchive(rundown: typeof SHOW) {
    let stored: RundownDetail = { rundown, stories: [] };
    const store = (rows: typeof SHOW.rows) => {
      stored = {
        ...stored,
        rundown: { ...stored.rundown, rows, version: stored.rundown.version + 1 },
      };
      return ok(stored);
    };
    // As the service: a change sent without a version is made on whatever version there is.
    const stale = (baseVersion: number | undefined) =>
      baseVersion !== undefined && baseVersion !== stored.rundown.version
        ? ({
            ok: false,
            error: {
              code: 'CONFLICT',
              message: 'Someone changed “6 PM NEWS” since you opened it.',
            },
          } as const)
        : null;
    const gone = (rowId: string) =>
      stored.rundown.rows.some((r) => r.id === rowId)
        ? null
        : ({
            ok: false,
            error: {
              code: 'NOT_FOUND',
              message: 'That row is no longer in the rundown (someone may have removed it).',
            },
          } as const);
    fakeArchive.answer({
      'rundowns.get': () => ok(stored),
      'rundowns.moveRow': (input) =>
        stale(input.baseVersion) ??
        gone(input.rowId) ??
        store(
          input.after === undefined
            ? moveRow(stored.rundown.rows, input.rowId, input.to)
            : placeAfter(stored.rundown.rows, input.rowId, input.after, input.to),
        ),
      'rundowns.addRow': ({ at, after, row }) => {
        const rows = [...stored.rundown.rows];
        const added = makeRow(`added-${rows.length}`, { kind: row.kind, label: row.label ?? '' });
        rows.splice(placeIndex(rows, after, at ?? rows.length), 0, added);
        store(rows);
        return ok({ ...stored, rowId: added.id });
      },
      'rundowns.setRow': ({ id: _, baseVersion, rowId, ...change }) =>
        stale(baseVersion) ??
        store(stored.rundown.rows.map((r) => (r.id === rowId ? { ...r, ...change } : r))),
      'log.rendererError': () => ok({ logged: true }),
    });
    return {
      stored: () => stored,
      otherDesk: (rows: (rows: typeof SHOW.rows) => typeof SHOW.rows) =>
        void store(rows(stored.rundown.rows)),
    };
  }

  async function openShow() {
    const notices: string[] = [];
    const stopNotices = showFailuresWith((text) => notices.push(text));
    let doc: RundownDoc | null = null;
    function Probe() {
      doc = useRundown(SHOW.id, null);
      return null;
    }
    const frames = holdFrames();
    mount(<Probe />);
    await settle();
    // The bound on the wait for a frame is left unfired: frames come when the test paints them.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const stop = () => {
      vi.useRealTimers();
      stopNotices();
    };
    return { doc: () => doc!, frames, notices, stop };
  }

  it('stores a row’s value typed while another desk changed the show, unrefused', async () => {
    const archive = versionedArchive(SHOW);
    const { doc, frames, notices, stop } = await openShow();
    try {
      // Another producer moves GOODNIGHT to the top; this desk has not heard yet, and a second
      // producer types WEATHER's actual length.
      archive.otherDesk((rows) => moveRow(rows, 'goodnight', 0));
      let typed: Promise<boolean> = Promise.resolve(false);
      act(() => {
        typed = doc().set('weather', { actualSec: 92 });
      });
      await settleNow();
      await frames.paint();
      expect(await typed).toBe(true);
      await settleNow();
      // Sent without the version it was made on: both desks' changes are stored.
      expect(fakeArchive.callsTo('rundowns.setRow').map((c) => c.baseVersion)).toEqual([undefined]);
      const stored = archive.stored().rundown;
      expect(stored.rows.map((r) => r.id)).toEqual(['goodnight', 'headlines', 'bridge', 'weather']);
      expect(stored.rows.find((r) => r.id === 'weather')!.actualSec).toBe(92);
      // What this desk shows is the archive's, typed value included, and nothing was refused.
      expect(doc().detail!.rundown.rows.map((r) => r.id)).toEqual(stored.rows.map((r) => r.id));
      expect(doc().detail!.rundown.rows.find((r) => r.id === 'weather')!.actualSec).toBe(92);
      expect(notices).toEqual([]);
    } finally {
      stop();
    }
  });

  it('names the moves dropped behind a refused one, and still makes a value typed among them', async () => {
    const archive = versionedArchive(SHOW);
    const { doc, frames, notices, stop } = await openShow();
    try {
      // Another desk takes WEATHER out, and changes BRIDGE's estimate.
      archive.otherDesk((rows) =>
        rows.flatMap((r) =>
          r.id === 'weather' ? [] : [r.id === 'bridge' ? { ...r, estSec: 10 } : r],
        ),
      );
      // Alt+Up on WEATHER, a value typed on HEADLINES and Alt+Up on GOODNIGHT, before this desk
      // heard of it: the first move is refused (its row is gone), the second goes with it.
      const made: Promise<boolean>[] = [];
      act(() => {
        made.push(doc().move('weather', 1));
      });
      act(() => {
        made.push(doc().set('headlines', { actualSec: 41 }));
      });
      act(() => {
        made.push(doc().move('goodnight', 2));
      });
      for (let i = 0; i < 3; i++) {
        await settleNow();
        await frames.paint();
      }
      expect(await Promise.all(made)).toEqual([false, true, false]);
      await settleNow();
      expect(fakeArchive.callsTo('rundowns.moveRow')).toHaveLength(1);
      const stored = archive.stored().rundown;
      expect(stored.rows.map((r) => r.id)).toEqual(['headlines', 'bridge', 'goodnight']);
      expect(stored.rows.find((r) => r.id === 'headlines')!.actualSec).toBe(41);
      expect(stored.rows.find((r) => r.id === 'bridge')!.estSec).toBe(10);
      // The screen shows what is stored, not the moves that were not made.
      expect(doc().detail!.rundown.rows).toEqual(stored.rows);
      expect(notices).toEqual([
        'Could not move the row. That row is no longer in the rundown (someone may have removed it).',
        'The change made after it in “6 PM NEWS” was not made either: it was made on top of the one refused. Look at the rundown and redo it.',
      ]);
    } finally {
      stop();
    }
  });

  it('makes the moves behind a value typed on the show as the value’s answer brought it', async () => {
    const archive = versionedArchive(SHOW);
    const { doc, frames, notices, stop } = await openShow();
    try {
      archive.otherDesk((rows) => moveRow(rows, 'goodnight', 0));
      // A value typed, then Alt+Up twice on WEATHER, before this desk heard of the other's move.
      const made: Promise<boolean>[] = [];
      act(() => {
        made.push(doc().set('headlines', { actualSec: 41 }));
      });
      act(() => {
        made.push(doc().move('weather', 1));
      });
      act(() => {
        made.push(doc().move('weather', 0));
      });
      for (let i = 0; i < 3; i++) {
        await settleNow();
        await frames.paint();
      }
      expect(await Promise.all(made)).toEqual([true, true, true]);
      await settleNow();
      // The value's answer was the show with the other desk's move: WEATHER went up from there,
      // as the screen showed it going.
      const stored = archive.stored().rundown;
      expect(stored.rows.map((r) => r.id)).toEqual(['weather', 'goodnight', 'headlines', 'bridge']);
      expect(stored.rows.find((r) => r.id === 'headlines')!.actualSec).toBe(41);
      expect(doc().detail!.rundown.rows).toEqual(stored.rows);
      expect(notices).toEqual([]);
    } finally {
      stop();
    }
  });

  it('shows another desk’s change with this desk’s change still on its way on top of it', async () => {
    const archive = versionedArchive(SHOW);
    const { doc, frames, stop } = await openShow();
    try {
      let moved: Promise<boolean> = Promise.resolve(false);
      act(() => {
        moved = doc().move('weather', 0);
      });
      // Before this desk's move is stored, another desk's change is heard of and read.
      archive.otherDesk((rows) => rows.map((r) => (r.id === 'bridge' ? { ...r, estSec: 10 } : r)));
      act(() => publishArchiveEvent({ type: 'rundown', id: SHOW.id, version: 2 }));
      await settleNow();
      const shown = () => doc().detail!.rundown.rows;
      expect(shown().map((r) => r.id)).toEqual(['weather', 'headlines', 'bridge', 'goodnight']);
      expect(shown().find((r) => r.id === 'bridge')!.estSec).toBe(10);
      await frames.paint();
      expect(await moved).toBe(true);
      expect(archive.stored().rundown.rows.map((r) => r.id)).toEqual(shown().map((r) => r.id));
    } finally {
      stop();
    }
  });

  it('does not show an answer about a show left while it was on its way', async () => {
    const LATE = {
      ...makeRundown([makeRow('late-open')]),
      id: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e',
      title: 'LATE NEWS',
    };
    let answerSet: () => void = () => {};
    fakeArchive.answer({
      'rundowns.get': (input) => ok({ rundown: input.id === LATE.id ? LATE : SHOW, stories: [] }),
      'rundowns.setRow': () =>
        new Promise<Result<RundownDetail>>((resolve) => {
          answerSet = () =>
            resolve(
              ok({ rundown: { ...SHOW, version: 2, rows: SHOW.rows.slice(1) }, stories: [] }),
            );
        }),
    });
    let doc: RundownDoc | null = null;
    let open: (id: string) => void = () => {};
    function Probe() {
      const [id, setId] = useState(SHOW.id);
      open = setId;
      doc = useRundown(id, null);
      return null;
    }
    const frames = holdFrames();
    mount(<Probe />);
    await settle();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let typed: Promise<boolean> = Promise.resolve(false);
      act(() => {
        typed = doc!.set('weather', { actualSec: 92 });
      });
      await settleNow();
      await frames.paint();
      expect(fakeArchive.callsTo('rundowns.setRow')).toHaveLength(1);
      // The producer opens the late show; the early show's answer comes after.
      act(() => open(LATE.id));
      await settleNow();
      expect(doc!.detail!.rundown.title).toBe('LATE NEWS');
      await act(async () => answerSet());
      expect(await typed).toBe(true);
      await settleNow();
      expect(doc!.detail!.rundown.title).toBe('LATE NEWS');
      expect(doc!.detail!.rundown.rows.map((r) => r.id)).toEqual(['late-open']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('puts a row in after the row shown above its place, when another desk moved rows meanwhile', async () => {
    const archive = versionedArchive(SHOW);
    const { doc, stop } = await openShow();
    try {
      // Another desk moves GOODNIGHT to the top; this window has not heard of it yet.
      archive.otherDesk((rows) => moveRow(rows, 'goodnight', 0));
      // The producer puts a break in below BRIDGE, the second row on screen.
      let added: Promise<string | null> = Promise.resolve(null);
      act(() => {
        added = doc().add({ kind: 'break', label: 'BREAK', estSec: 120 }, 2);
      });
      await settleNow();
      expect(await added).toBe('added-4');
      expect(archive.stored().rundown.rows.map((r) => r.id)).toEqual([
        'goodnight',
        'headlines',
        'bridge',
        'added-4',
        'weather',
      ]);
    } finally {
      stop();
    }
  });

  it('moves a row after the row it was put after, when another desk put one in above meanwhile', async () => {
    const archive = versionedArchive(SHOW);
    const { doc, frames, stop } = await openShow();
    try {
      // Alt+Up on GOODNIGHT: after BRIDGE.
      let moved: Promise<boolean> = Promise.resolve(false);
      act(() => {
        moved = doc().move('goodnight', 2);
      });
      // Before it is stored, another desk's row at the top is heard of and read.
      archive.otherDesk((rows) => [makeRow('extra'), ...rows]);
      act(() => publishArchiveEvent({ type: 'rundown', id: SHOW.id, version: 2 }));
      await settleNow();
      await frames.paint();
      expect(await moved).toBe(true);
      expect(archive.stored().rundown.rows.map((r) => r.id)).toEqual([
        'extra',
        'headlines',
        'bridge',
        'goodnight',
        'weather',
      ]);
      expect(doc().detail!.rundown.rows.map((r) => r.id)).toEqual(
        archive.stored().rundown.rows.map((r) => r.id),
      );
    } finally {
      stop();
    }
  });
});
