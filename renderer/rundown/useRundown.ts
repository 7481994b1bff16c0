import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Input } from '../../shared/ipc/contract';
import type { RundownDetail } from '../../shared/rundown/channels';
import { viewRundown, type RowStory, type RundownView } from '../../shared/rundown/view';
import type { RundownRow } from '../../shared/rundown/model';
import { moveRow, placeAfter } from '../../shared/rundown/rows';
import { call, showFailure } from '../api/calls';
import type { Result } from '../../shared/ipc/result';
import { onArchiveEvent, publishArchiveEvent } from '../api/archiveEvents';
import { afterNextPaint } from '../common/afterPaint';
import { whenPaused } from '../common/whenPaused';

/**
 * How long a story's saves must pause before a rundown that holds it is read again. A story being
 * typed is saved every second (useStoryDocument) and its time already reaches its row live
 * (useLiveStoryTime): reading the whole rundown after each of those saves put a request and a
 * redraw of the grid among the frames of the keys being typed. Longer than the saves' interval,
 * so that steady typing reads it once, when the reporter stops.
 */
export const STORY_RELOAD_PAUSE_MS = 1200;

/** However busy the desks writing its stories are, the rundown reads them at least this often. */
export const STORY_RELOAD_MAX_WAIT_MS = 5000;

type RowChange = Omit<Input<'rundowns.setRow'>, 'id' | 'baseVersion' | 'rowId'>;
type NewRow = Input<'rundowns.addRow'>['row'];

function definedOnly<T extends object>(change: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(change).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

/** True when two flat records hold the same values (a row's or a story's fields are primitives). */
function sameFields<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
}

/** `next`, with each record that did not change replaced by the one already shown. */
function keepUnchanged<T extends { id: string }>(shown: readonly T[], next: T[]): T[] {
  const before = new Map(shown.map((x) => [x.id, x]));
  let kept = 0;
  const out = next.map((x) => {
    const old = before.get(x.id);
    if (old && sameFields(old, x)) {
      kept++;
      return old;
    }
    return x;
  });
  return kept === 0 ? next : out;
}

/**
 * The archive's answer, sharing every row and story that did not change with what is shown: the
 * grid redraws only the rows whose values moved, not all of them on every answer.
 */
export function shareUnchanged(shown: RundownDetail | null, next: RundownDetail): RundownDetail {
  if (!shown || shown.rundown.id !== next.rundown.id) return next;
  return {
    rundown: { ...next.rundown, rows: keepUnchanged(shown.rundown.rows, next.rundown.rows) },
    stories: keepUnchanged(shown.stories, next.stories),
  };
}

type Change = {
  /** Sends the change, made against `base`, the rundown as shown when its turn comes. */
  run: (base: RundownDetail) => Promise<Result<RundownDetail>>;
  /** The change as it will look, shown at once so a drag or a key paints in its own frame. */
  predict?: (rows: RundownRow[]) => RundownRow[];
  /**
   * The change means the same whatever the rows' order (a field of one row, or of the show): it
   * is not dropped when a change before it is refused.
   */
  orderFree?: boolean;
};

type Pending = {
  rundownId: string;
  predict: Change['predict'];
  orderFree: boolean;
  /** Refused with the change before it, unsent. */
  dropped: boolean;
};

function withRows(detail: RundownDetail, rows: RundownRow[]): RundownDetail {
  return { ...detail, rundown: { ...detail.rundown, rows } };
}

/** A story's live time while someone types in it: overrides what the archive last stored. */
export type LiveStoryTime = { storyId: string; trtSec: number; trtEstimated: boolean } | null;

export type RundownDoc = {
  detail: RundownDetail | null;
  view: RundownView | null;
  /** Why the rundown could not be loaded, in words. */
  problem: string | null;
  reload: () => Promise<void>;
  add: (row: NewRow, at?: number) => Promise<string | null>;
  move: (rowId: string, to: number) => Promise<boolean>;
  set: (rowId: string, change: RowChange) => Promise<boolean>;
  remove: (rowId: string) => Promise<{ row: RundownRow; index: number } | null>;
  update: (fields: Omit<Input<'rundowns.update'>, 'id' | 'baseVersion'>) => Promise<boolean>;
};

/**
 * One open rundown: loaded from the archive, changed through the service layer (each change made
 * on the show as the archive has it when it arrives; one refused reloads the rundown here), and
 * timed with the live time of the story being typed in. Other windows hear of every change.
 */
export function useRundown(id: string | null, live: LiveStoryTime): RundownDoc {
  const [detail, setDetail] = useState<RundownDetail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const current = useRef<RundownDetail | null>(null);
  current.current = detail;
  /** The changes shown but not yet answered, in the order they were made. */
  const pending = useRef<Pending[]>([]);
  /** The rundown open now: an answer about another (one left while it was on its way) is not shown. */
  const openId = useRef(id);
  openId.current = id;

  /** Shows the archive's rundown with the changes still on their way to it on top. */
  const show = useCallback((answer: RundownDetail) => {
    if (answer.rundown.id !== openId.current) return;
    const before = current.current;
    // Answers can pass each other (a reload asked before a change's answer, delivered after it).
    if (before?.rundown.id === answer.rundown.id && answer.rundown.version < before.rundown.version)
      return;
    let rows = answer.rundown.rows;
    for (const change of pending.current)
      if (change.rundownId === answer.rundown.id && change.predict) rows = change.predict(rows);
    const shown = rows === answer.rundown.rows ? answer : withRows(answer, rows);
    current.current = shareUnchanged(before, shown);
    setDetail(current.current);
  }, []);

  const reload = useCallback(async () => {
    if (id === null) return;
    // The screen says why it cannot show the rundown: no notice on top of that.
    const result = await call('rundowns.get', { id }, { showsFailure: true });
    if (id !== openId.current) return;
    if (result.ok) {
      show(result.value);
      setProblem(null);
    } else {
      current.current = null;
      setDetail(null);
      setProblem(result.error.message);
    }
  }, [id, show]);

  useEffect(() => {
    setDetail(null);
    void reload();
  }, [reload]);

  // A story saved or a rundown changed anywhere in the app (this window or another) reloads it;
  // a story's saves once they pause (STORY_RELOAD_PAUSE_MS), or at the longest wait.
  useEffect(() => {
    // Several reporters typing in the show's stories save more often than the pause: the wait
    // is held to STORY_RELOAD_MAX_WAIT_MS from the first save not yet read.
    const storyReload = whenPaused(
      STORY_RELOAD_PAUSE_MS,
      STORY_RELOAD_MAX_WAIT_MS,
      () => void reload(),
    );
    const stop = onArchiveEvent((event) => {
      const shown = current.current;
      if (!shown) return;
      if (event.type === 'rundown' && event.id === shown.rundown.id) {
        if (event.version !== shown.rundown.version) void reload();
      } else if (event.type === 'story' && shown.stories.some((s) => s.id === event.id)) {
        storyReload.poke();
      }
    });
    return () => {
      stop();
      storyReload.stop();
    };
  }, [reload]);

  /**
   * Changes go to the archive one after another, each made on the show as the archive has it
   * when it arrives — not refused because another window or desk changed the show meanwhile
   * (under a second producer's moves, every value typed and every move was refused and taken
   * back). Each is shown at once, and stays shown on top of whatever the archive answers until
   * its own answer comes, so the producer sees where it landed.
   */
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  /**
   * The changes queued behind a refused one that depend on the rows' order are dropped: they were
   * made on an order the archive does not have. The person is told how many. A change of one
   * row's field or of the show's stays, and is made all the same.
   */
  const dropAfter = useCallback((entry: Pending) => {
    const after = pending.current.slice(pending.current.indexOf(entry) + 1);
    // (Everything pending is after it: changes are answered in the order they were made.)
    const dropped = after.filter((c) => !c.orderFree);
    if (dropped.length === 0) return false;
    for (const c of dropped) c.dropped = true;
    pending.current = pending.current.filter((c) => !c.dropped);
    const title = current.current?.rundown.title ?? 'the rundown';
    const n = dropped.length;
    const changes = n === 1 ? 'The change' : `The ${n} changes`;
    const were = n === 1 ? 'was' : 'were';
    const them = n === 1 ? 'it' : 'them';
    showFailure(
      `${changes} made after it in “${title}” ${were} not made either: ${n === 1 ? 'it was' : 'they were'} made on top of the one refused. Look at the rundown and redo ${them}.`,
    );
    return true;
  }, []);

  const apply = useCallback(
    (change: Change): Promise<RundownDetail | null> => {
      const shownBefore = current.current;
      if (!shownBefore) return Promise.resolve(null);
      const entry: Pending = {
        rundownId: shownBefore.rundown.id,
        predict: change.predict,
        orderFree: change.orderFree ?? false,
        dropped: false,
      };
      pending.current = [...pending.current, entry];
      if (change.predict) {
        current.current = withRows(shownBefore, change.predict(shownBefore.rundown.rows));
        setDetail(current.current);
      }
      const settle = () => {
        pending.current = pending.current.filter((c) => c !== entry);
      };
      const done = queue.current.then(async (): Promise<RundownDetail | null> => {
        // A change already on screen is stored once its frame is painted: sent at once, the
        // request (and an answer quicker than the frame) took time from the frame that shows it.
        if (change.predict) await afterNextPaint();
        const base = current.current;
        // Dropped behind a refusal, or made on a rundown that is no longer the one open.
        if (entry.dropped || base?.rundown.id !== entry.rundownId) {
          settle();
          return null;
        }
        const result = await change.run(base);
        if (!result.ok) {
          // What is shown was predicted on top of a change the archive refused, or holds
          // changes made on top of it that are now dropped: read it again.
          const dropped = !entry.orderFree && dropAfter(entry);
          settle();
          if (
            dropped ||
            change.predict ||
            result.error.code === 'CONFLICT' ||
            result.error.code === 'NOT_FOUND'
          )
            await reload();
          return null;
        }
        settle();
        show(result.value);
        publishArchiveEvent({
          type: 'rundown',
          id: result.value.rundown.id,
          version: result.value.rundown.version,
        });
        return result.value;
      });
      queue.current = done.catch(() => null);
      return done;
    },
    [reload, show, dropAfter],
  );

  /**
   * A row put in at a place on screen goes after the row shown above that place (or first),
   * wherever the archive has that row when the change arrives; at the end without a place.
   */
  const add = useCallback(
    async (row: NewRow, at?: number) => {
      let rowId: string | null = null;
      const shown = current.current?.rundown.rows ?? [];
      const after = at === undefined ? undefined : at > 0 ? (shown[at - 1]?.id ?? null) : null;
      await apply({
        run: async (base) => {
          const r = await call('rundowns.addRow', {
            id: base.rundown.id,
            row,
            ...(at !== undefined && { at, after }),
          });
          if (r.ok) rowId = r.value.rowId;
          return r;
        },
      });
      return rowId;
    },
    [apply],
  );

  /**
   * A move is made as the producer saw it: the row goes after the row that was above it on screen
   * (or first), wherever the archive has that row when the move arrives — a row another desk put
   * in above meanwhile does not shift it by one.
   */
  const move = useCallback(
    async (rowId: string, to: number) => {
      const moved = moveRow(current.current?.rundown.rows ?? [], rowId, to);
      const at = moved.findIndex((r) => r.id === rowId);
      const afterId = at > 0 ? moved[at - 1]!.id : null;
      const place = (rows: RundownRow[]) => placeAfter(rows, rowId, afterId, to);
      return (
        (await apply({
          // The archive puts it after that row wherever it then is (at `to`, should it be gone).
          run: (base) =>
            call('rundowns.moveRow', { id: base.rundown.id, rowId, to, after: afterId }),
          predict: place,
        })) !== null
      );
    },
    [apply],
  );

  const set = useCallback(
    async (rowId: string, change: RowChange) =>
      (await apply({
        run: (base) => call('rundowns.setRow', { id: base.rundown.id, rowId, ...change }),
        predict: (rows) => rows.map((r) => (r.id === rowId ? { ...r, ...definedOnly(change) } : r)),
        orderFree: true,
      })) !== null,
    [apply],
  );

  const remove = useCallback(
    async (rowId: string) => {
      const base = current.current;
      const index = base?.rundown.rows.findIndex((r) => r.id === rowId) ?? -1;
      if (!base || index < 0) return null;
      const row = base.rundown.rows[index]!;
      const done = await apply({
        run: (b) => call('rundowns.removeRow', { id: b.rundown.id, rowId }),
      });
      return done ? { row, index } : null;
    },
    [apply],
  );

  const update = useCallback(
    async (fields: Omit<Input<'rundowns.update'>, 'id' | 'baseVersion'>) =>
      (await apply({
        run: (base) => call('rundowns.update', { id: base.rundown.id, ...fields }),
        orderFree: true,
      })) !== null,
    [apply],
  );

  const view = useMemo(() => {
    if (!detail) return null;
    const stories = new Map<string, RowStory>(detail.stories.map((s) => [s.id, s]));
    const typed = live && stories.get(live.storyId);
    if (live && typed)
      stories.set(live.storyId, { ...typed, trtSec: live.trtSec, trtEstimated: live.trtEstimated });
    return viewRundown(detail.rundown, stories);
  }, [detail, live]);

  return { detail, view, problem, reload, add, move, set, remove, update };
}
