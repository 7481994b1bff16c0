import type { Archive } from '../archive/open';
import { getSettings } from '../archive/settings';
import { getRundown } from '../archive/rundowns';
import {
  changedRundownIds,
  changedStoryIds,
  clearNotice,
  getMark,
  markDocSent,
  markOwnHistoryMade,
  markRundownSent,
  markStorySent,
  outgoingComments,
  outgoingDocs,
  outgoingRundown,
  outgoingStory,
  putNotice,
  replicaState,
  setCursor,
  setMark,
  commentMark,
} from '../archive/replica';
import {
  applyComment,
  applyDoc,
  applyHistory,
  applyRevision,
  applyRundown,
  applyMergedRundown,
  applyStory,
  dropUnsentHistory,
  missingStories,
  valuesSetHere,
  type FeedHistory,
} from '../archive/replicaApply';
import type { NewsroomEvent, SyncSummary } from '../../shared/newsroom/channels';
import type {
  Change,
  ChangesPage,
  Lease,
  PushOutcome,
  PushRequest,
  PushRundown,
  PushStory,
  RundownChange,
  StoryBundle,
  WireComment,
  WireDoc,
  WireHistoryEntry,
} from '../../shared/newsroom/protocol';
import { timingSettings } from '../../shared/settings';
import { valueKey, type ValueClash } from '../../shared/rundown/replay';
import type { NewsroomClient } from './client';
import { writeTransaction } from '../archive/writeTransaction';

/** Stories per push: a few hundred kilobytes, a short transaction on the server. */
const STORIES_PER_PUSH = 50;

export type ExchangeHooks = {
  emit(event: NewsroomEvent): void;
  /** A lease change from the feed. */
  lease(storyId: string, lease: Lease | null, serverTime: string): void;
};

export function emptySummary(): SyncSummary {
  return { sent: 0, received: 0, conflicts: 0, refused: 0, waiting: 0 };
}

/**
 * Both directions of the exchange with the server, one at a time (the caller serialises them):
 * what changed here goes up, what changed in the newsroom comes in. A push and the feed that
 * echoes it never interleave, so a desk's own change is never taken for someone else's.
 */
export function exchange(archive: Archive, hooks: ExchangeHooks) {
  /** Other desks' history entries for shows whose newer version has not come yet (`gatherFeed`). */
  const carried = new Map<string, { entries: WireHistoryEntry[]; setHere: Set<string> }>();
  const { db } = archive;
  const timing = () => timingSettings(getSettings(db));
  const now = () => new Date().toISOString();

  function storyBundles(bundles: readonly StoryBundle[], summary: SyncSummary): void {
    for (const bundle of bundles) {
      applied(bundle.story, summary, true);
      for (const r of bundle.revisions) applyRevision(db, r);
      for (const c of bundle.comments) applyComment(db, c);
    }
  }

  /** Applies one story from the server; says so to the windows. True when it is new here. */
  function applied(
    change: Change & { type: 'story' },
    summary: SyncSummary,
    force = false,
  ): boolean {
    const isNew =
      change.story !== null &&
      db.prepare('SELECT 1 FROM stories WHERE id = ?').get(change.id) === undefined;
    const result = applyStory(db, change, timing());
    if (result === 'unchanged' && !force) return false;
    summary.received++;
    if (result === 'conflict') {
      summary.conflicts++;
      hooks.emit({ type: 'status' });
    }
    hooks.emit({ type: 'story', id: change.id });
    return isNew && result === 'applied';
  }

  /** Applies a rundown from the server, bringing the stories its rows show first. */
  async function rundownIn(
    change: RundownChange,
    client: NewsroomClient,
    summary: SyncSummary,
    keepOwn = true,
    feed?: FeedHistory,
  ): Promise<void> {
    let result = applyRundown(db, change, keepOwn, feed);
    if (result.result === 'needs') {
      // Stories a rundown shows come to the desk with it, whatever their age.
      storyBundles((await client.stories(result.storyIds)).stories, summary);
      result = applyRundown(db, change, keepOwn, feed);
    }
    if (result.result === 'unchanged') return;
    summary.received++;
    hooks.emit({ type: 'rundown', id: change.id });
    const said =
      result.result === 'replaced'
        ? result.message
        : result.result === 'applied'
          ? result.clashes
          : undefined;
    if (said) say(change.id, change.rundown?.title ?? '', said);
  }

  /**
   * What became of this desk's rundown changes where another desk's came first (values it set over
   * theirs, or changes not applied): the windows say so at once; it is among the notices too.
   */
  function say(rundownId: string, title: string, message: string): void {
    hooks.emit({ type: 'notice', kind: 'rundown', id: rundownId, label: title, message });
    hooks.emit({ type: 'status' });
  }

  /** Applies one page of the change feed, then moves the cursor past it. */
  async function applyPage(
    page: ChangesPage,
    client: NewsroomClient,
    summary: SyncSummary,
  ): Promise<void> {
    // A story new to this desk brings its whole history and comments: in the feed, versions
    // written before its latest change come before it, when the desk did not have it yet.
    const arrived: string[] = [];
    let pronouncers = false;
    // A rundown's history entries follow it in the feed. Read before the rundown is taken: this
    // desk's own (a push whose answer was lost) are made already, and are not made again on
    // top; the others say who set a value this desk's unsent change replaces.
    const entries = page.changes.flatMap((c) => (c.type === 'rundownHistory' ? [c.entry] : []));
    const own = markOwnHistoryMade(
      db,
      entries.map((e) => e.uid),
    );
    gatherFeed(db, carried, entries, own);
    for (const change of page.changes) {
      switch (change.type) {
        case 'story':
          if (applied(change, summary)) arrived.push(change.id);
          break;
        case 'revision':
          if (applyRevision(db, change.revision))
            hooks.emit({ type: 'story', id: change.revision.storyId });
          break;
        case 'comment':
          if (applyComment(db, change.comment))
            hooks.emit({ type: 'story', id: change.comment.storyId });
          break;
        case 'rundown':
          await rundownIn(change, client, summary, true, carried.get(change.id));
          carried.delete(change.id);
          break;
        case 'rundownHistory':
          if (applyHistory(db, change)) hooks.emit({ type: 'rundown', id: change.entry.rundownId });
          break;
        case 'doc':
          if (applyDoc(db, change) && change.doc.docKind === 'pronouncer') pronouncers = true;
          break;
        case 'lease':
          hooks.lease(change.storyId, change.lease, page.serverTime);
          break;
      }
    }
    // Once a page: a newsroom's dictionary arrives a few hundred entries at a time.
    if (pronouncers) hooks.emit({ type: 'pronouncers' });
    for (let i = 0; i < arrived.length; i += 200)
      storyBundles((await client.stories(arrived.slice(i, i + 200))).stories, emptySummary());
    setCursor(db, page.cursor, now());
  }

  /** Everything changed here, in batches, until nothing is left (or the server holds it back). */
  async function pushAll(
    client: NewsroomClient,
    summary: SyncSummary,
    only?: string[],
  ): Promise<void> {
    const tried = new Set<string>();
    for (;;) {
      const storyIds = changedStoryIds(db, only)
        .filter((id) => !tried.has(`story:${id}`))
        .slice(0, STORIES_PER_PUSH);
      const rundownIds = changedRundownIds(db).filter((id) => !tried.has(`rundown:${id}`));
      const request = {
        stories: storyIds.map((id) => outgoingStory(db, id)),
        comments: tried.has('comments') ? [] : outgoingComments(db, 2000),
        rundowns: rundownIds.map((id) => outgoingRundown(db, id)),
        docs: tried.has('docs') ? [] : outgoingDocs(db),
      } satisfies PushRequest;
      if (
        request.stories.length +
          request.comments.length +
          request.rundowns.length +
          request.docs.length ===
        0
      )
        return;
      for (const id of storyIds) tried.add(`story:${id}`);
      for (const id of rundownIds) tried.add(`rundown:${id}`);
      tried.add('comments');
      tried.add('docs');
      const response = await client.push(request);
      const { stale, merged } = settle(request, response.outcomes, summary);
      // Rundowns change under optimistic versions: where the newsroom's moved on and could not
      // take this desk's changes, it stands.
      for (const current of stale) {
        summary.conflicts++;
        await rundownIn(current, client, summary, false);
        dropUnsentHistory(db, current.id);
      }
      // Where it took them on top of another desk's, the outcome comes here, with the stories
      // the other desk put in it.
      for (const { sent, current, clashes } of merged) {
        if (current.rundown) {
          const missing = missingStories(db, current.rundown);
          if (missing.length > 0) storyBundles((await client.stories(missing)).stories, summary);
        }
        const said = applyMergedRundown(db, sent, current, clashes);
        summary.sent++;
        hooks.emit({ type: 'rundown', id: sent.id });
        if (said) say(sent.id, current.rundown?.title ?? sent.rundown?.title ?? '', said);
      }
    }
  }

  /** What the server said of each thing sent: marks, conflicts, notices. */
  function settle(
    request: OutgoingRequest,
    outcomes: readonly PushOutcome[],
    summary: SyncSummary,
  ): { stale: RundownChange[]; merged: Merged[] } {
    const stale: RundownChange[] = [];
    const merged: Merged[] = [];
    const stories = new Map(request.stories.map((s) => [s.id, s]));
    const rundowns = new Map(request.rundowns.map((r) => [r.id, r]));
    const docs = new Map(request.docs.map((d) => [`${d.docKind}:${d.key}`, d]));
    const comments = new Map(request.comments.map((c) => [c.id, c]));
    writeTransaction(db, () => {
      for (const outcome of outcomes) {
        if (outcome.type === 'story') {
          const sent = stories.get(outcome.id)!;
          const label = sent.story?.slug ?? '';
          if (outcome.result === 'accepted') {
            markStorySent(db, sent, outcome.version);
            clearNotice(db, 'story', sent.id);
            summary.sent++;
          } else if (outcome.result === 'conflict') {
            const result = applyStory(db, outcome.current, timing());
            if (result === 'conflict') summary.conflicts++;
            hooks.emit({ type: 'story', id: sent.id });
            hooks.emit({ type: 'status' });
          } else if (outcome.result === 'leased') {
            summary.waiting++;
            putNotice(db, {
              kind: 'story',
              id: sent.id,
              label,
              message: outcome.message,
              at: now(),
            });
          } else {
            // Not sent again until it changes again; the newsroom's version stays as it was.
            summary.refused++;
            if (sent.story) setMark(db, 'story', sent.id, sent.story.updatedAt, sent.baseVersion);
            for (const r of sent.revisions) setMark(db, 'revision', r.id, r.at);
            putNotice(db, {
              kind: 'story',
              id: sent.id,
              label,
              message: outcome.message,
              at: now(),
            });
            hooks.emit({ type: 'status' });
          }
        } else if (outcome.type === 'rundown') {
          const sent = rundowns.get(outcome.id)!;
          const label = sent.rundown?.title ?? '';
          if (outcome.result === 'accepted') {
            markRundownSent(db, sent, outcome.version);
            clearNotice(db, 'rundown', sent.id);
            summary.sent++;
          } else if (outcome.result === 'conflict') {
            stale.push(outcome.current);
          } else if (outcome.result === 'merged') {
            merged.push({ sent, current: outcome.current, clashes: outcome.clashes ?? [] });
          } else if (outcome.result === 'refused') {
            summary.refused++;
            if (!outcome.waits && sent.rundown)
              setMark(db, 'rundown', sent.id, String(sent.rundown.version), sent.baseVersion);
            putNotice(db, {
              kind: 'rundown',
              id: sent.id,
              label,
              message: outcome.message,
              at: now(),
            });
            hooks.emit({ type: 'status' });
          }
        } else if (outcome.type === 'comment') {
          const sent = comments.get(outcome.id);
          if (sent) setMark(db, 'comment', sent.id, commentMark(sent));
          if (outcome.result === 'accepted') summary.sent++;
        } else if (outcome.type === 'doc') {
          const sent = docs.get(outcome.id);
          if (sent) markDocSent(db, sent);
          if (outcome.result === 'accepted') summary.sent++;
          else {
            summary.refused++;
            putNotice(db, {
              kind: 'doc',
              id: outcome.id,
              label: sent?.key ?? '',
              message: outcome.result === 'refused' ? outcome.message : '',
              at: now(),
            });
          }
        }
      }
    });
    return { stale, merged };
  }

  /** Takes in the feed over HTTP until it is read to the end (`copydesk sync --once`). */
  async function pullAll(client: NewsroomClient, summary: SyncSummary): Promise<void> {
    const { keepDays } = replicaState(db);
    for (;;) {
      const page = await client.changes(replicaState(db).cursor, keepDays);
      await applyPage(page, client, summary);
      if (!page.more) return;
    }
  }

  /** Brings stories from the newsroom (search results opened, a rundown's stories). */
  async function fetchStories(client: NewsroomClient, ids: string[]): Promise<number> {
    const summary = emptySummary();
    storyBundles((await client.stories(ids)).stories, summary);
    return summary.received;
  }

  /** How many things here wait to go up. */
  function pending(): number {
    const state = replicaState(db);
    if (!state.serverUrl) return 0;
    return (
      changedStoryIds(db).length +
      changedRundownIds(db).length +
      outgoingComments(db, 10_000).length +
      outgoingDocs(db).length
    );
  }

  return { applyPage, pushAll, pullAll, fetchStories, pending, hasMark: getMark };
}

type OutgoingRequest = {
  stories: PushStory[];
  comments: WireComment[];
  rundowns: PushRundown[];
  docs: WireDoc[];
};

/** A rundown the newsroom took on top of another desk's changes, and the values that clashed. */
type Merged = { sent: PushRundown; current: RundownChange; clashes: ValueClash[] };

/** Other desks' history entries kept for a show whose newer version has not come yet. */
const MAX_CARRIED = 2000;

/**
 * Adds a feed page's history entries from other desks to what is kept for each show (`carried`)
 * until the show's newer version comes — in the same page, or a later one: the feed holds a show
 * once, at its latest change, so entries of an earlier push can come a page before it. For each
 * show, also which of its values were last changed here, read when its first entry is met,
 * before any of the page's entries is stored. An entry that came before this desk's own change
 * to the same value is left out: this desk's value was set over it, knowing it. Only shows this
 * desk has are kept.
 */
function gatherFeed(
  db: Archive['db'],
  carried: Map<string, { entries: WireHistoryEntry[]; setHere: Set<string> }>,
  entries: readonly WireHistoryEntry[],
  own: ReadonlySet<string>,
): void {
  for (const entry of entries) {
    let feed = carried.get(entry.rundownId);
    if (own.has(entry.uid)) {
      const key = valueKey(entry);
      if (feed && key !== null) feed.entries = feed.entries.filter((e) => valueKey(e) !== key);
      continue;
    }
    if (!feed) {
      if (!getRundown(db, entry.rundownId)) continue;
      feed = { entries: [], setHere: valuesSetHere(db, entry.rundownId) };
      carried.set(entry.rundownId, feed);
    }
    feed.entries.push(entry);
    if (feed.entries.length > MAX_CARRIED) feed.entries.shift();
  }
}
