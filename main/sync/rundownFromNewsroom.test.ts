import { afterEach, describe, expect, it } from 'vitest';
import { moveRow } from '../../shared/rundown/rows';
import {
  applyHistory,
  applyRundown,
  valuesSetHere,
  type FeedHistory,
} from '../archive/replicaApply';
import type { Rundown } from '../../shared/rundown/model';
import {
  changedRundownIds,
  getMark,
  listNotices,
  markOwnHistoryMade,
  outgoingRundown,
  setMark,
  SENT_HERE,
} from '../archive/replica';
import { closeArchives, serviceCaller } from '../services/testing/rundownShow';
import type { ChangesPage, WireHistoryEntry } from '../../shared/newsroom/protocol';
import { emptySummary, exchange } from './exchange';
import type { NewsroomClient } from './client';

afterEach(closeArchives);

/** The uids of a show's history entries on this desk. */
const listHistoryOf = (db: Parameters<typeof valuesSetHere>[0], id: string) =>
  db.prepare('SELECT uid FROM rundown_history WHERE rundown_id = ?').all(id) as { uid: string }[];

/** A show of three items on a desk, as the newsroom last had it (everything sent). */
async function syncedShow() {
  const { call, archive } = serviceCaller();
  const db = archive.db;
  let d = await call('rundowns.create', {
    title: '6 PM NEWS',
    airDate: '2026-11-30',
    onAirSec: 18 * 3600,
    lengthSec: 1800,
  });
  const id = d.rundown.id;
  for (const label of ['HEADLINES', 'WEATHER', 'GOODNIGHT'])
    d = await call('rundowns.addRow', { id, row: { kind: 'item', label, estSec: 30 } });
  const sent = outgoingRundown(db, id);
  setMark(db, 'rundown', id, String(d.rundown.version), d.rundown.version);
  for (const h of sent.history) setMark(db, 'history', h.uid, SENT_HERE);
  return { call, db, archive, synced: d.rundown };
}

let uid = 0;
/** Another desk's history entry, as the feed brings it with the show. */
const fromFeed = (
  author: string,
  action: WireHistoryEntry['action'],
  rowId: string | null,
  detail: WireHistoryEntry['detail'],
): WireHistoryEntry => ({
  uid: `feed-${++uid}`,
  rundownId: '',
  at: '2026-12-01T04:00:00.000Z',
  author,
  action,
  rowId,
  detail,
});

/** The feed's entries for a show, with what this desk last changed itself (before they came). */
const feed = (
  db: Parameters<typeof valuesSetHere>[0],
  id: string,
  entries: WireHistoryEntry[],
) => ({
  entries,
  setHere: valuesSetHere(db, id),
});

/** The newsroom's version of a show coming in the feed (at `seq`), with other desks' entries. */
const fromNewsroom = (
  db: Parameters<typeof valuesSetHere>[0],
  rundown: Rundown,
  { seq = 1, feed: others }: { seq?: number; feed?: FeedHistory } = {},
) =>
  applyRundown(
    db,
    { type: 'rundown', seq, id: rundown.id, version: rundown.version, rundown },
    true,
    others,
  );

describe('a rundown from the newsroom, on a desk that changed it too', () => {
  it('takes the newsroom’s version with this desk’s unsent changes made on top, to go up next', async () => {
    const { call, db, synced } = await syncedShow();
    const [headlines, , goodnight] = synced.rows;
    // Here: HEADLINES ran 0:41, not yet sent.
    await call('rundowns.setRow', { id: synced.id, rowId: headlines!.id, actualSec: 41 });
    // The newsroom: another desk moved GOODNIGHT to the top.
    const theirs = {
      ...synced,
      version: synced.version + 1,
      rows: moveRow(synced.rows, goodnight!.id, 0),
    };
    const applied = fromNewsroom(db, theirs);
    expect(applied.result).toBe('applied');
    const here = (await call('rundowns.get', { id: synced.id })).rundown;
    expect(here.rows.map((r) => [r.label, r.actualSec])).toEqual([
      ['GOODNIGHT', null],
      ['HEADLINES', 41],
      ['WEATHER', null],
    ]);
    // Nobody is told their work was thrown away; it waits to go up, on the newsroom's version.
    expect(listNotices(db)).toEqual([]);
    expect(getMark(db, 'rundown', synced.id)?.serverVersion).toBe(theirs.version);
    const next = outgoingRundown(db, synced.id);
    expect(next.baseVersion).toBe(theirs.version);
    expect(next.history.map((h) => h.action)).toEqual(['actual']);
  });

  it('says whose value this desk’s unsent one replaced, when both set the same row’s', async () => {
    const { call, db, synced } = await syncedShow();
    const [headlines, weather] = synced.rows;
    // Here: HEADLINES ran 0:41 and WEATHER is to be 0:45, not yet sent.
    await call('rundowns.setRow', { id: synced.id, rowId: headlines!.id, actualSec: 41 });
    await call('rundowns.setRow', { id: synced.id, rowId: weather!.id, estSec: 45 });
    // The newsroom: another desk made WEATHER 1:00 meanwhile, and typed HEADLINES' 0:41 too.
    const theirs = {
      ...synced,
      version: synced.version + 1,
      rows: synced.rows.map((r) =>
        r.id === weather!.id
          ? { ...r, estSec: 60 }
          : r.id === headlines!.id
            ? { ...r, actualSec: 41 }
            : r,
      ),
    };
    const applied = fromNewsroom(db, theirs, {
      // The feed's history entries: Cho made WEATHER 1:00.
      feed: feed(db, synced.id, [
        fromFeed('Cho Min-ho', 'estimate', weather!.id, { slug: 'WEATHER', from: 30, to: 60 }),
      ]),
    });
    const said =
      'Changed at another desk too, and yours was kept. WEATHER’s estimate: yours, 0:45, replaced Cho Min-ho’s 1:00.';
    expect(applied).toEqual({ result: 'applied', clashes: said });
    const here = (await call('rundowns.get', { id: synced.id })).rundown;
    expect(here.rows.map((r) => [r.label, r.estSec, r.actualSec])).toEqual([
      ['HEADLINES', 30, 41],
      ['WEATHER', 45, null],
      ['GOODNIGHT', 30, null],
    ]);
    expect(listNotices(db)).toMatchObject([
      { kind: 'rundownClash', label: '6 PM NEWS', message: said },
    ]);
    // The same version again (a later page, before this desk's push went up): not said twice.
    expect(fromNewsroom(db, { ...theirs, version: theirs.version + 1 }, { seq: 2 })).toEqual({
      result: 'applied',
    });
    // The show taken out in the newsroom: what was said about it goes with it.
    applyRundown(db, {
      type: 'rundown',
      seq: 3,
      id: synced.id,
      version: theirs.version + 2,
      rundown: null,
    });
    expect(listNotices(db)).toEqual([]);
  });

  it('says whose show detail this desk’s unsent one replaced: on-air time, title, block budgets', async () => {
    const { call, db, synced } = await syncedShow();
    // Here, not yet sent: on air at 18:30, the title and A's budget changed.
    await call('rundowns.update', {
      id: synced.id,
      onAirSec: 18 * 3600 + 1800,
      title: '6:30 NEWS',
      blockBudgets: { A: 600 },
    });
    // The newsroom: another desk put it on at 18:15 and gave A 8:00; nobody else renamed it.
    const theirs = {
      ...synced,
      version: synced.version + 1,
      onAirSec: 18 * 3600 + 900,
      blockBudgets: { A: 480 },
    };
    const applied = fromNewsroom(db, theirs, {
      feed: feed(db, synced.id, [
        fromFeed('Cho Min-ho', 'edited', null, { field: 'on-air time', from: 64_800, to: 65_700 }),
      ]),
    });
    expect(applied).toEqual({
      result: 'applied',
      clashes:
        'Changed at another desk too, and yours was kept. The show’s on-air time: yours, 18:30:00, replaced Cho Min-ho’s 18:15:00; The show’s block budgets: yours, A 10:00, replaced another desk’s A 8:00.',
    });
    const here = (await call('rundowns.get', { id: synced.id })).rundown;
    expect([here.title, here.onAirSec, here.blockBudgets]).toEqual([
      '6:30 NEWS',
      18 * 3600 + 1800,
      { A: 600 },
    ]);
    // The history says the values.
    const history = await call('rundowns.history', { id: synced.id });
    expect(history.map((h) => h.detail).filter((d) => d.field)).toEqual(
      expect.arrayContaining([
        { field: 'on-air time', from: 18 * 3600, to: 18 * 3600 + 1800 },
        { field: 'title', from: '6 PM NEWS', to: '6:30 NEWS' },
        { field: 'block budgets', from: '{}', to: '{"A":600}' },
      ]),
    );
  });

  it('finds no clash with its own value when the newsroom took a push whose answer was lost', async () => {
    const { call, db, synced } = await syncedShow();
    const weather = synced.rows[1]!;
    // WEATHER made 1:00 here; the newsroom took it, but its answer was lost. Then made 0:45.
    await call('rundowns.setRow', { id: synced.id, rowId: weather.id, estSec: 60 });
    const [taken] = outgoingRundown(db, synced.id).history;
    await call('rundowns.setRow', { id: synced.id, rowId: weather.id, estSec: 45 });
    const theirs = {
      ...synced,
      version: synced.version + 1,
      rows: synced.rows.map((r) => (r.id === weather.id ? { ...r, estSec: 60 } : r)),
    };
    // The feed brings that version, and this desk's own entry with it.
    expect(markOwnHistoryMade(db, [taken!.uid, 'another-desks-entry'])).toEqual(
      new Set([taken!.uid]),
    );
    const applied = fromNewsroom(db, theirs);
    expect(applied).toEqual({ result: 'applied' });
    expect(listNotices(db)).toEqual([]);
    const here = (await call('rundowns.get', { id: synced.id })).rundown;
    expect(here.rows[1]!.estSec).toBe(45);
    expect(outgoingRundown(db, synced.id).history.map((h) => h.detail)).toMatchObject([
      { from: 60, to: 45 },
    ]);
  });
});

describe('a rundown from the newsroom whose values replaced this desk’s', () => {
  type Desk = Awaited<ReturnType<typeof syncedShow>>;
  /** This desk's changes to the show so far, as sent: the newsroom has them. */
  function markSent(db: Desk['db'], id: string, version: number) {
    setMark(db, 'rundown', id, String(version), version);
    for (const h of outgoingRundown(db, id).history) setMark(db, 'history', h.uid, SENT_HERE);
  }

  /** The show after this desk set WEATHER to 1:30 and put it on air at 18:30, all sent. */
  async function sentShow() {
    const { call, db, archive, synced } = await syncedShow();
    const weather = synced.rows[1]!;
    await call('rundowns.setRow', { id: synced.id, rowId: weather.id, estSec: 90 });
    const d = await call('rundowns.update', { id: synced.id, onAirSec: 18 * 3600 + 1800 });
    markSent(db, synced.id, d.rundown.version);
    const show = d.rundown;
    /**
     * The newsroom's next version (`ahead` of the one this desk has), WEATHER at `estSec` and
     * maybe another on-air time, brought with the other desks' history entries for it.
     */
    const bring = (
      change: { ahead?: number; estSec: number; onAirSec?: number },
      entries: WireHistoryEntry[],
    ) => {
      const version = show.version + (change.ahead ?? 1);
      const rundown = {
        ...show,
        version,
        ...(change.onAirSec !== undefined && { onAirSec: change.onAirSec }),
        rows: show.rows.map((r) => (r.id === weather.id ? { ...r, estSec: change.estSec } : r)),
      };
      return fromNewsroom(db, rundown, { seq: version, feed: feed(db, show.id, entries) });
    };
    return { call, db, archive, show, weather, bring };
  }

  it('tells this desk whose values replaced the ones it had set, and which', async () => {
    const { call, db, show, weather, bring } = await sentShow();
    // Lee, on the version before, made WEATHER 2:00 and the show 18:15; the newsroom kept both.
    const applied = bring({ estSec: 120, onAirSec: 18 * 3600 + 900 }, [
      fromFeed('Lee Seo-yeon', 'estimate', weather.id, { slug: 'WEATHER', from: 30, to: 120 }),
      fromFeed('Lee Seo-yeon', 'edited', null, { field: 'on-air time', from: 64_800, to: 65_700 }),
    ]);
    const said =
      'Changed at another desk too, and theirs was kept. The show’s on-air time: Lee Seo-yeon’s 18:15:00 replaced 18:30:00 here; WEATHER’s estimate: Lee Seo-yeon’s 2:00 replaced 1:30 here.';
    expect(applied).toEqual({ result: 'applied', clashes: said });
    // The newsroom's values are taken; nothing goes up again.
    const here = (await call('rundowns.get', { id: show.id })).rundown;
    expect([here.onAirSec, here.rows[1]!.estSec]).toEqual([18 * 3600 + 900, 120]);
    expect(outgoingRundown(db, show.id).history).toEqual([]);
    expect(listNotices(db)).toMatchObject([{ kind: 'rundownClash', message: said }]);
  });

  it('is not told its value was replaced when its undone removal put it back on top', async () => {
    const { call, show, weather, bring } = await sentShow();
    // Lee made WEATHER 2:00 (from 0:30) and the newsroom kept it; here, meanwhile, WEATHER was
    // taken out and put back (undo) with this desk's 1:30, not yet sent.
    await call('rundowns.removeRow', { id: show.id, rowId: weather.id });
    await call('rundowns.addRow', {
      id: show.id,
      after: show.rows[0]!.id,
      row: { id: weather.id, kind: 'item', label: 'WEATHER', estSec: 90 },
    });
    const applied = bring({ estSec: 120 }, [
      fromFeed('Lee Seo-yeon', 'estimate', weather.id, { slug: 'WEATHER', from: 30, to: 120 }),
    ]);
    // One sentence, the true one: this desk's 1:30 stands over Lee's 2:00.
    expect(applied).toEqual({
      result: 'applied',
      clashes:
        'Changed at another desk too, and yours was kept. WEATHER’s estimate: yours, 1:30, replaced Lee Seo-yeon’s 2:00.',
    });
    expect((await call('rundowns.get', { id: show.id })).rundown.rows[1]!.estSec).toBe(90);
  });

  it('is not told of a value whose last change here came from another desk', async () => {
    const { db, show, weather, bring } = await sentShow();
    // Bo's change to WEATHER, made knowing this desk's 1:30, came in an earlier page: it is the
    // last change to it here. Cho's, made over Bo's, comes with the show: not this desk's matter.
    applyHistory(db, {
      type: 'rundownHistory',
      seq: 1,
      entry: {
        ...fromFeed('Bo Kim', 'estimate', weather.id, { slug: 'WEATHER', from: 90, to: 100 }),
        rundownId: show.id,
      },
    });
    const applied = bring({ ahead: 2, estSec: 120 }, [
      fromFeed('Cho Min-ho', 'estimate', weather.id, { slug: 'WEATHER', from: 60, to: 120 }),
    ]);
    expect(applied).toEqual({ result: 'applied' });
  });

  it('says a clash again when a value in it changed', async () => {
    const { call, db, show, weather, bring } = await sentShow();
    // Lee, not having seen this desk's values, put the show on at 18:15 and made WEATHER 2:00.
    const lee = [
      fromFeed('Lee Seo-yeon', 'edited', null, { field: 'on-air time', from: 64_800, to: 65_700 }),
      fromFeed('Lee Seo-yeon', 'estimate', weather.id, { slug: 'WEATHER', from: 30, to: 120 }),
    ];
    expect(bring({ estSec: 120, onAirSec: 65_700 }, lee)).toMatchObject({ result: 'applied' });
    // Here, both set again and sent, the show now at 18:40; Lee's same change replaces them again.
    await call('rundowns.setRow', { id: show.id, rowId: weather.id, estSec: 90 });
    const d = await call('rundowns.update', { id: show.id, onAirSec: 18 * 3600 + 2400 });
    markSent(db, show.id, d.rundown.version);
    const said =
      'Changed at another desk too, and theirs was kept. The show’s on-air time: Lee Seo-yeon’s 18:15:00 replaced 18:40:00 here; WEATHER’s estimate: Lee Seo-yeon’s 2:00 replaced 1:30 here.';
    const again = bring(
      { ahead: d.rundown.version - show.version + 1, estSec: 120, onAirSec: 65_700 },
      lee,
    );
    expect(again).toEqual({ result: 'applied', clashes: said });
    expect(listNotices(db)[0]!.message).toBe(said);
  });

  it('is told when the other desk’s entry came in the feed page before the show', async () => {
    const { archive, show, weather } = await sentShow();
    const notices: string[] = [];
    const ex = exchange(archive, {
      emit: (event) => {
        if (event.type === 'notice') notices.push(event.message);
      },
      lease: () => {},
    });
    // The feed holds a show once, at its latest change: Lee's entry, from an earlier push, ends
    // one page; the show (Lee's 2:00 kept) opens the next.
    const page = (seq: number, changes: ChangesPage['changes'], more: boolean): ChangesPage => ({
      changes,
      cursor: seq,
      more,
      serverTime: '2026-12-01T04:00:00.000Z',
    });
    const lee = fromFeed('Lee Seo-yeon', 'estimate', weather.id, {
      slug: 'WEATHER',
      from: 30,
      to: 120,
    });
    const nobody = {} as NewsroomClient;
    await ex.applyPage(
      page(1, [{ type: 'rundownHistory', seq: 1, entry: { ...lee, rundownId: show.id } }], true),
      nobody,
      emptySummary(),
    );
    const rows = show.rows.map((r) => (r.id === weather.id ? { ...r, estSec: 120 } : r));
    const version = show.version + 1;
    await ex.applyPage(
      page(
        2,
        [{ type: 'rundown', seq: 2, id: show.id, version, rundown: { ...show, version, rows } }],
        false,
      ),
      nobody,
      emptySummary(),
    );
    expect(notices).toEqual([
      'Changed at another desk too, and theirs was kept. WEATHER’s estimate: Lee Seo-yeon’s 2:00 replaced 1:30 here.',
    ]);
  });

  it('is not told of a value last set here before this desk told its own entries apart', async () => {
    const { db, show, weather, bring } = await sentShow();
    // Entries stored before: the feed's and this desk's both marked '1'. A missed notice, rather
    // than one about a value that may have been another desk's.
    for (const h of listHistoryOf(db, show.id)) setMark(db, 'history', h.uid, '1');
    const applied = bring({ estSec: 120 }, [
      fromFeed('Lee Seo-yeon', 'estimate', weather.id, { slug: 'WEATHER', from: 30, to: 120 }),
    ]);
    expect(applied).toEqual({ result: 'applied' });
  });

  it('says nothing when the other desk changed values from what this desk had', async () => {
    const { db, weather, bring } = await sentShow();
    const applied = bring({ estSec: 120 }, [
      fromFeed('Lee Seo-yeon', 'estimate', weather.id, { slug: 'WEATHER', from: 90, to: 120 }),
    ]);
    expect(applied).toEqual({ result: 'applied' });
    expect(listNotices(db)).toEqual([]);
  });
});

describe('a rundown the newsroom refuses', () => {
  /** A show changed here since it was sent, and a newsroom that refuses it as `outcome` says. */
  async function refusedShow(outcome: { message: string; waits?: true }) {
    const { call, db, archive, synced } = await syncedShow();
    await call('rundowns.addRow', {
      id: synced.id,
      row: { kind: 'item', label: 'SPORTS', estSec: 60 },
    });
    const newsroom = {
      push: async () => ({
        outcomes: [{ type: 'rundown', id: synced.id, result: 'refused', ...outcome }],
        cursor: 1,
      }),
    } as unknown as NewsroomClient;
    const summary = emptySummary();
    await exchange(archive, { emit: () => {}, lease: () => {} }).pushAll(newsroom, summary);
    return { db, id: synced.id, summary };
  }

  it('is sent again later when it waits for a story the newsroom does not have yet', async () => {
    const { db, id, summary } = await refusedShow({
      message:
        '“6 PM NEWS” holds a story the newsroom does not have: it goes up after the story does.',
      waits: true,
    });
    expect(summary.refused).toBe(1);
    expect(changedRundownIds(db)).toEqual([id]);
    expect(listNotices(db).map((n) => n.message)).toEqual([
      '“6 PM NEWS” holds a story the newsroom does not have: it goes up after the story does.',
    ]);
  });

  it('is not sent again until it changes again when refused for good', async () => {
    const { db, summary } = await refusedShow({
      message:
        'Only a producer can change a rundown: you are signed in to the newsroom as Park Ji-won, a reporter.',
    });
    expect(summary.refused).toBe(1);
    expect(changedRundownIds(db)).toEqual([]);
  });
});
