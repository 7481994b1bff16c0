import type { Database } from 'better-sqlite3';
import type {
  DocChange,
  HistoryChange,
  PushRundown,
  RundownChange,
  StoryChange,
  WireComment,
  WireHistoryEntry,
  WireRevision,
} from '../../shared/newsroom/protocol';
import { BlockSchema, STORY_FORMATS, type StoryFormat } from '../../shared/story/model';
import { ShowTemplateSchema } from '../../shared/rundown/template';
import { PronouncerEntrySchema } from '../../shared/settings';
import type { TimingSettings } from '../../shared/story/timing';
import { insertComment } from './comments';
import { deletePronouncer, upsertPronouncer } from './pronouncers';
import { deleteRundown, getRundown, putRundown } from './rundowns';
import {
  clearNotice,
  commentMark,
  dropMark,
  getMark,
  markRundownSent,
  outgoingRundown,
  putNotice,
  setMark,
  FROM_FEED,
  SENT_HERE,
} from './replica';
import {
  clashingValues,
  clashKey,
  describeClashes,
  describeReplaced,
  replacedValues,
  replayChanges,
  valueKey,
  type ValueClash,
} from '../../shared/rundown/replay';
import type { Rundown } from '../../shared/rundown/model';
import { statement } from './statements';
import { deleteStory, getStory, putStory } from './stories';
import { resetTemplate, saveTemplate } from './templates';
import { z } from 'zod';
import { sameDocument } from '../../shared/newsroom/sameDocument';
import { writeTransaction } from './writeTransaction';

/**
 * Changes from the newsroom, applied to the desk's archive. Nothing changed here and not yet sent
 * is ever overwritten: a story both sides changed becomes a conflict (the server's version kept as
 * a version of its own, to compare and settle), exactly as a hand-off package's would.
 */

/** What applying a story did: `conflict` asks a person to settle it. */
export type StoryApplied = 'applied' | 'unchanged' | 'conflict' | 'kept';

/** The server's version of a story as a version here (the one its head revision names). */
function keepServerVersion(
  db: Database,
  change: StoryChange & { story: NonNullable<StoryChange['story']> },
): string {
  const id = change.headRevision ?? `server-${change.id}-${change.version}`;
  statement(
    db,
    `INSERT OR IGNORE INTO revisions (id, story_id, parent_id, at, author, kind, note, story_json, origin)
     VALUES (?, ?, NULL, ?, '', 'merge', 'The newsroom’s version', ?, 'package')`,
  ).run(id, change.id, change.story.updatedAt, JSON.stringify(change.story));
  setMark(db, 'revision', id, change.story.updatedAt);
  return id;
}

export function applyStory(
  db: Database,
  change: StoryChange,
  timing: TimingSettings,
): StoryApplied {
  return writeTransaction(db, (): StoryApplied => {
    const mark = getMark(db, 'story', change.id);
    if (mark?.serverVersion != null && change.version <= mark.serverVersion) return 'unchanged';
    const local = getStory(db, change.id);
    if (local && change.story && sameDocument(local, change.story)) {
      // This desk's own change, back from the newsroom (its answer may have been lost).
      statement(
        db,
        'UPDATE stories SET head_revision = coalesce(?, head_revision) WHERE id = ?',
      ).run(change.headRevision, change.id);
      setMark(db, 'story', change.id, local.updatedAt, change.version);
      return 'unchanged';
    }
    const changedHere = local ? mark?.mark !== local.updatedAt : mark !== null;
    if (!changedHere) {
      if (change.story === null) {
        if (local) {
          // The newsroom deleted it: rows that still show it here go too.
          statement(db, 'DELETE FROM rundown_rows WHERE story_id = ?').run(change.id);
          deleteStory(db, change.id);
        }
        dropMark(db, 'story', change.id);
        return 'applied';
      }
      putStory(db, change.story, timing);
      statement(
        db,
        'UPDATE stories SET head_revision = ?, conflict_revision = NULL WHERE id = ?',
      ).run(change.headRevision, change.id);
      setMark(db, 'story', change.id, change.story.updatedAt, change.version);
      return 'applied';
    }
    if (change.story === null) {
      // Deleted in the newsroom while changed here: this desk's version stays, and goes up again.
      setMark(db, 'story', change.id, mark?.mark ?? '', change.version);
      putNotice(db, {
        kind: 'story',
        id: change.id,
        label: local?.slug ?? '',
        message:
          'Deleted in the newsroom while you changed it here: your version is kept and sent back.',
        at: new Date().toISOString(),
      });
      return 'kept';
    }
    if (!local) {
      // Deleted here, changed in the newsroom: the newsroom's version comes back.
      putStory(db, change.story, timing);
      statement(db, 'UPDATE stories SET head_revision = ? WHERE id = ?').run(
        change.headRevision,
        change.id,
      );
      setMark(db, 'story', change.id, change.story.updatedAt, change.version);
      return 'applied';
    }
    const theirs = keepServerVersion(
      db,
      change as StoryChange & { story: NonNullable<StoryChange['story']> },
    );
    statement(db, 'UPDATE stories SET conflict_revision = ? WHERE id = ?').run(theirs, change.id);
    setMark(db, 'story', change.id, mark?.mark ?? '', change.version);
    return 'conflict';
  });
}

/** A version of a story this desk holds; one still waiting to go up from here is left alone. */
export function applyRevision(db: Database, revision: WireRevision): boolean {
  if (statement(db, 'SELECT 1 FROM stories WHERE id = ?').get(revision.storyId) === undefined)
    return false;
  const mark = getMark(db, 'revision', revision.id);
  const localAt = statement(db, 'SELECT at FROM revisions WHERE id = ?')
    .pluck()
    .get(revision.id) as string | undefined;
  if (localAt !== undefined && mark?.mark !== localAt) return false;
  statement(
    db,
    `INSERT INTO revisions (id, story_id, parent_id, at, author, kind, note, story_json, origin)
     VALUES (@id, @storyId, @parentId, @at, @author, @kind, @note, @json, 'package')
     ON CONFLICT (id) DO UPDATE SET at = excluded.at, kind = excluded.kind, note = excluded.note,
       story_json = excluded.story_json, origin = 'package'
     WHERE revisions.story_id = excluded.story_id`,
  ).run({ ...revision, json: JSON.stringify(revision.story) });
  setMark(db, 'revision', revision.id, revision.at);
  return true;
}

export function applyComment(db: Database, comment: WireComment): boolean {
  if (statement(db, 'SELECT 1 FROM stories WHERE id = ?').get(comment.storyId) === undefined)
    return false;
  const local = statement(
    db,
    "SELECT coalesce(resolved_at, '') || '|' || coalesce(resolved_by, '') FROM comments WHERE id = ?",
  )
    .pluck()
    .get(comment.id) as string | undefined;
  const mark = getMark(db, 'comment', comment.id);
  if (local !== undefined && mark?.mark !== local) return false;
  insertComment(db, comment);
  statement(db, 'UPDATE comments SET resolved_at = ?, resolved_by = ? WHERE id = ?').run(
    comment.resolvedAt,
    comment.resolvedBy,
    comment.id,
  );
  setMark(db, 'comment', comment.id, commentMark(comment));
  return true;
}

export type RundownApplied =
  | { result: 'unchanged' }
  /** `clashes`: what the notice put says of values this desk's changes set over another desk's. */
  | { result: 'applied'; clashes?: string }
  /** Its rows show stories this desk does not have yet: fetch them, then apply again. */
  | { result: 'needs'; storyIds: string[] }
  /** Changed here too: the newsroom's version won, this desk's changes were dropped (said so). */
  | { result: 'replaced'; message: string };

/** The stories a rundown holds that this desk does not have (yet). */
export function missingStories(db: Database, rundown: Rundown): string[] {
  const ids = rundown.rows.flatMap((r) => (r.storyId === null ? [] : [r.storyId]));
  const have = new Set(
    statement(db, 'SELECT id FROM stories WHERE id IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(JSON.stringify(ids)) as string[],
  );
  return [...new Set(ids.filter((id) => !have.has(id)))];
}

/**
 * The newsroom made this desk's rundown changes again on a newer version (another desk's came
 * first) and sent back the outcome: it is taken here, and whatever was changed here while the
 * push was on its way is made again on top of it, to go up next. The stories it holds must be
 * here (`missingStories`).
 */
export function applyMergedRundown(
  db: Database,
  sent: PushRundown,
  merged: RundownChange,
  clashes: readonly ValueClash[] = [],
): string | null {
  return writeTransaction(db, () => {
    markRundownSent(db, sent, merged.version);
    clearNotice(db, 'rundown', sent.id);
    const local = getRundown(db, sent.id);
    // Taken out here meanwhile: that goes up next, as it would have.
    if (!local || !merged.rundown)
      return noteClashes(db, sent.id, merged.rundown?.title ?? local?.title ?? '', clashes);
    // A story the other desk put in and the newsroom deleted before it reached this desk: its
    // row cannot be shown here (nor stored: a row holds a story the desk has).
    const gone = new Set(missingStories(db, merged.rundown));
    const theirs =
      gone.size === 0
        ? merged.rundown
        : {
            ...merged.rundown,
            rows: merged.rundown.rows.filter((r) => r.storyId === null || !gone.has(r.storyId)),
          };
    return takeNewsroomVersion(
      db,
      theirs,
      merged.version,
      local,
      outgoingRundown(db, sent.id).history,
      {
        found: clashes,
      },
    );
  });
}

/**
 * The notice of values set at two desks at once (this desk's kept over another's, or another's
 * over this desk's): one per show, the latest, kept apart from the show's other notices (a
 * change that goes up clears those, not this). Returns what to tell the producer now, or null:
 * nothing to say, or the same clash worked out again (a later feed page, before this desk's
 * push went up) is not said twice.
 */
function noteClashes(
  db: Database,
  rundownId: string,
  title: string,
  kept: readonly ValueClash[],
  replaced: readonly ValueClash[] = [],
): string | null {
  const said = [
    kept.length > 0 ? describeClashes(kept) : '',
    replaced.length > 0 ? describeReplaced(replaced) : '',
  ]
    .filter(Boolean)
    .join(' ');
  if (said === '') {
    // Nothing clashes now: the same clash coming back later is news again.
    dropMark(db, 'clash', rundownId);
    return null;
  }
  // The same clashes worked out again say nothing, whoever they name: a feed page may not say
  // who set a value.
  const nameless = ({ by: _, ...clash }: ValueClash) => clash;
  const same = JSON.stringify({ kept: kept.map(nameless), replaced: replaced.map(nameless) });
  if (getMark(db, 'clash', rundownId)?.mark === same) return null;
  putNotice(db, { kind: CLASH_NOTICE, id: rundownId, label: title, message: said, at: now() });
  setMark(db, 'clash', rundownId, same);
  return said;
}

const CLASH_NOTICE = 'rundownClash';

const now = () => new Date().toISOString();

/**
 * The newsroom's version of a rundown (numbered `version`) becomes this desk's copy, with the
 * changes made here and not sent yet (`own`) made again on top of it, under a version of its own
 * past the newsroom's so that they go up next.
 */
function takeNewsroomVersion(
  db: Database,
  theirs: Rundown,
  version: number,
  local: Rundown | null,
  own: readonly WireHistoryEntry[],
  {
    feed = NO_FEED,
    found = [],
  }: {
    /** Other desks' history entries for this show that came with it: who set what. */
    feed?: FeedHistory;
    /** Clashes the newsroom found making this desk's changes on its version. */
    found?: readonly ValueClash[];
  } = {},
): string | null {
  const keep = local !== null && own.length > 0;
  const stored = keep
    ? { ...replayChanges(theirs, local, own), version: Math.max(local.version, version + 1) }
    : { ...theirs, version };
  putRundown(db, stored);
  setMark(db, 'rundown', theirs.id, String(version), version);
  const authors = new Map<string, string>();
  for (const entry of feed.entries) {
    const key = valueKey(entry);
    if (key !== null) authors.set(key, entry.author);
  }
  const clashes = keep ? clashingValues(theirs, own, local) : [];
  const replaced = local ? replacedValues(local, stored, feed.entries, feed.setHere) : [];
  return noteClashes(
    db,
    theirs.id,
    theirs.title,
    [
      ...found,
      ...clashes.map((c) => {
        const by = authors.get(clashKey(c));
        return by ? { ...c, by } : c;
      }),
    ],
    replaced,
  );
}

/**
 * The other desks' history entries for a show that came from the newsroom with it (oldest
 * first, each later than this desk's own change to the same value), and the values whose last
 * change on this desk, before they came, was made here (`valuesSetHere`).
 */
export type FeedHistory = {
  entries: readonly WireHistoryEntry[];
  setHere: ReadonlySet<string>;
};

const NO_FEED: FeedHistory = { entries: [], setHere: new Set() };

/** The keys (`valueKey`) of a show's values whose last change on this desk was made here. */
export function valuesSetHere(db: Database, rundownId: string): Set<string> {
  const rows = statement(
    db,
    `SELECT h.action, h.row_id, h.detail_json, m.mark
       FROM rundown_history h LEFT JOIN replica_marks m ON m.kind = 'history' AND m.id = h.uid
      WHERE h.rundown_id = ? ORDER BY h.seq DESC`,
  ).all(rundownId) as {
    action: WireHistoryEntry['action'];
    row_id: string | null;
    detail_json: string;
    mark: string | null;
  }[];
  const seen = new Set<string>();
  const here = new Set<string>();
  for (const row of rows) {
    const key = valueKey({
      action: row.action,
      rowId: row.row_id,
      detail: JSON.parse(row.detail_json) as WireHistoryEntry['detail'],
    });
    if (key === null || seen.has(key)) continue;
    seen.add(key);
    // Written here and taken by the newsroom. (Not yet sent: made again on top of the newsroom's
    // version, it stands. Marked before entries were told apart: not known to be this desk's.)
    if (row.mark === SENT_HERE) here.add(key);
  }
  return here;
}

/**
 * A rundown from the newsroom. Where this desk changed it too and has not sent that yet, its
 * changes are made again on top of the newsroom's version (`replayChanges`), to go up next —
 * unless `keepOwn` is false: the newsroom has refused them, and its version stands. `feed`: the
 * other desks' history entries for it that came with it (who set what).
 */
export function applyRundown(
  db: Database,
  change: RundownChange,
  keepOwn = true,
  feed: FeedHistory = NO_FEED,
): RundownApplied {
  return writeTransaction(db, (): RundownApplied => {
    const mark = getMark(db, 'rundown', change.id);
    if (mark?.serverVersion != null && change.version <= mark.serverVersion)
      return { result: 'unchanged' };
    const local = getRundown(db, change.id);
    if (local && change.rundown && sameDocument(local, change.rundown, ['version'])) {
      if (local.version !== change.version)
        statement(db, 'UPDATE rundowns SET version = ? WHERE id = ?').run(
          change.version,
          change.id,
        );
      setMark(db, 'rundown', change.id, String(change.version), change.version);
      return { result: 'unchanged' };
    }
    const changedHere = local ? mark?.mark !== String(local.version) : mark !== null;
    if (change.rundown === null) {
      if (local) deleteRundown(db, change.id);
      dropMark(db, 'rundown', change.id);
      return { result: 'applied' };
    }
    const missing = missingStories(db, change.rundown);
    if (missing.length > 0) return { result: 'needs', storyIds: missing };
    const own = local && changedHere && keepOwn ? outgoingRundown(db, change.id).history : [];
    // Changes made here that are dropped (below) are said once, as dropped.
    const dropped = changedHere && own.length === 0;
    const clashes = takeNewsroomVersion(db, change.rundown, change.version, local, own, {
      feed: dropped ? NO_FEED : feed,
    });
    if (!dropped) return clashes ? { result: 'applied', clashes } : { result: 'applied' };
    dropUnsentHistory(db, change.id);
    const message =
      'Someone changed this rundown in the newsroom first: your changes to it made here were not applied. Look at it again and redo them.';
    putNotice(db, {
      kind: 'rundown',
      id: change.id,
      label: change.rundown.title,
      message,
      at: now(),
    });
    return { result: 'replaced', message };
  });
}

/** Takes out this desk's history entries for changes the newsroom did not take. */
export function dropUnsentHistory(db: Database, rundownId: string): void {
  statement(
    db,
    `DELETE FROM rundown_history WHERE rundown_id = ? AND NOT EXISTS (
       SELECT 1 FROM replica_marks m WHERE m.kind = 'history' AND m.id = rundown_history.uid)`,
  ).run(rundownId);
}

export function applyHistory(db: Database, change: HistoryChange): boolean {
  const { entry } = change;
  if (statement(db, 'SELECT 1 FROM rundowns WHERE id = ?').get(entry.rundownId) === undefined)
    return false;
  const inserted = statement(
    db,
    `INSERT OR IGNORE INTO rundown_history (rundown_id, at, author, action, row_id, detail_json, uid)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    entry.rundownId,
    entry.at,
    entry.author,
    entry.action,
    entry.rowId,
    JSON.stringify(entry.detail),
    entry.uid,
  ).changes;
  // Marked as come from another desk; this desk's own, echoed back, stays its own.
  if (inserted > 0) setMark(db, 'history', entry.uid, FROM_FEED);
  else if (!getMark(db, 'history', entry.uid)) setMark(db, 'history', entry.uid, SENT_HERE);
  return true;
}

const TemplateBodySchema = z.array(BlockSchema);

/** The newest version of a pronouncer, template or show template wins. */
export function applyDoc(db: Database, change: DocChange): boolean {
  const { doc } = change;
  const mark = getMark(db, doc.docKind, doc.key);
  const local = docUpdatedAt(db, doc.docKind, doc.key);
  if (local !== null && mark?.mark !== local && local >= doc.updatedAt) return false;
  writeTransaction(db, () => {
    switch (doc.docKind) {
      case 'pronouncer': {
        const entry = doc.body === null ? null : PronouncerEntrySchema.safeParse(doc.body);
        if (entry === null) deletePronouncer(db, doc.key);
        else if (entry.success) upsertPronouncer(db, entry.data, doc.updatedAt);
        break;
      }
      case 'template': {
        if (!(STORY_FORMATS as readonly string[]).includes(doc.key)) return;
        const body = doc.body === null ? null : TemplateBodySchema.safeParse(doc.body);
        if (body === null) resetTemplate(db, doc.key as StoryFormat);
        else if (body.success) saveTemplate(db, doc.key as StoryFormat, body.data, doc.updatedAt);
        break;
      }
      case 'showTemplate': {
        const template = doc.body === null ? null : ShowTemplateSchema.safeParse(doc.body);
        if (template === null)
          statement(db, 'DELETE FROM show_templates WHERE lower(name) = ?').run(doc.key);
        else if (template.success)
          statement(
            db,
            `INSERT INTO show_templates (name, template_json, updated_at) VALUES (?, ?, ?)
             ON CONFLICT (name) DO UPDATE SET name = excluded.name, template_json = excluded.template_json,
               updated_at = excluded.updated_at`,
          ).run(template.data.name, JSON.stringify(template.data), doc.updatedAt);
        break;
      }
    }
    if (doc.body === null) dropMark(db, doc.docKind, doc.key);
    else setMark(db, doc.docKind, doc.key, doc.updatedAt);
  });
  return true;
}

function docUpdatedAt(db: Database, kind: DocChange['doc']['docKind'], key: string): string | null {
  const sql = {
    pronouncer: 'SELECT updated_at FROM pronouncers WHERE lower(term) = ?',
    template: 'SELECT updated_at FROM templates WHERE format = ?',
    showTemplate: 'SELECT updated_at FROM show_templates WHERE lower(name) = ?',
  }[kind];
  return (statement(db, sql).pluck().get(key) as string | undefined) ?? null;
}
