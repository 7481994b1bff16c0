import { randomUUID } from 'node:crypto';
import type { Archive } from '../archive/open';
import { getStories, getStory, putStory } from '../archive/stories';
import { upsertPronouncer } from '../archive/pronouncers';
import { pronouncersIn } from '../../shared/story/pronouncers';
import { getSettings } from '../archive/settings';
import { recordRevision } from '../archive/revisions';
import { addHistory, getRundown, putRundown } from '../archive/rundowns';
import { LOCKED_STATUSES, STATUS_LABELS } from '../../shared/story/workflow';
import type { ArchiveStatus, RevisionKind } from '../../shared/ipc/types';
import type { MosControl } from '../../shared/mos/control';
import { timingSettings } from '../../shared/settings';
import type { Story } from '../../shared/story/model';
import type { Actor } from '../../shared/newsroom/roles';
import { ServiceError } from '../common/errors';
import type { ArchiveChange as NewsroomChange, NewsroomPort } from './newsroomPort';
import { UNNAMED_USER } from '../../shared/story/approval';
import { createChangeFeed, type ArchiveChange, type ChangeFeed } from '../common/changes';
import { writeTransaction } from '../archive/writeTransaction';

export type ServiceContext = {
  archive: Archive;
  version: string;
  now?: () => Date;
  newId?: () => string;
  /** Progress of a long export, story by story (the CLI prints it on stderr). */
  onExportProgress?: (done: number, total: number, slug: string) => void;
  /** The session that opened the archive (browser mode, the desktop app), for the archive.* channels. */
  session?: ArchiveSessionControls;
  /** Where the renderer's errors are written, one scrubbed entry at a time (none: not kept). */
  log?: (entry: string) => void;
  /**
   * Told after each change the services commit (a story saved, a rundown changed …), so the
   * newsroom sync can send it up and windows can redraw. Listeners must not act synchronously:
   * it may be called inside the change's transaction.
   */
  onChange?: (change: NewsroomChange) => void;
  /** The desk's newsroom connection (main/sync); none when the desk works alone. */
  newsroom?: NewsroomPort;
  /**
   * The name this process works for when no newsroom signed anyone in (the CLI's COPYDESK_USER):
   * it is then the name on every version, comment and status change, whatever Settings say.
   */
  signedInUser?: () => string;
  /**
   * Hears every committed change the services make (rundowns, stories, settings, MOS devices),
   * whichever transport asked: the MOS links follow a sent rundown through it. None: a private
   * feed nobody listens to.
   */
  changes?: ChangeFeed;
  /** The MOS links of this process (see main/mos); none where nothing hosts them. */
  mos?: MosControl;
};

/** What the archive.status / openReadOnly / openBackup channels ask of the app's session. */
export type ArchiveSessionControls = {
  status(): ArchiveStatus;
  openReadOnly(): ArchiveStatus;
  openBackup(path: string): ArchiveStatus;
};

/** What every group of services works with: the archive, the clock, and the shared rules. */
export type ServiceKit = ReturnType<typeof serviceKit>;

export function serviceKit(ctx: ServiceContext) {
  const { db } = ctx.archive;
  const now = ctx.now ?? (() => new Date());
  const newId = ctx.newId ?? randomUUID;
  const changes = ctx.changes ?? createChangeFeed();

  /** What the write transaction under way has changed; told only once it commits. */
  let pending: ArchiveChange[] | null = null;

  /**
   * Tells the process what changed: the change feed (MOS links), and the newsroom sync for the
   * stories and rundowns it sends up.
   */
  function tell(change: ArchiveChange): void {
    changes.emit(change);
    if (change.kind === 'story' || change.kind === 'rundown')
      ctx.onChange?.({ kind: change.kind, id: change.id });
  }

  /** Tells what changed. Inside write() it waits for the commit, and a rollback drops it. */
  function notify(change: ArchiveChange): void {
    if (pending) pending.push(change);
    else tell(change);
  }

  /** A timestamp later than `after`, so saves always move updatedAt forward. */
  function stamp(after?: string): string {
    const t = now().getTime();
    const floor = after ? Date.parse(after) + 1 : 0;
    return new Date(Math.max(t, floor)).toISOString();
  }

  function requireStory(id: string): Story {
    const story = getStory(db, id);
    if (!story)
      throw new ServiceError(
        'NOT_FOUND',
        'That story is not in the archive (it may have been deleted).',
      );
    return story;
  }

  /** The stories, in the order given; any id not in the archive is an error. */
  function requireStories(ids: readonly string[]): Story[] {
    const stories = getStories(db, ids);
    const found = new Set(stories.map((s) => s.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing !== undefined) requireStory(missing);
    return stories;
  }

  /**
   * Who is working: the name the newsroom signed them in as, else the name this process was
   * started for (the CLI's COPYDESK_USER), else the display name from the settings ('' if none).
   */
  function userName(): string {
    return (
      ctx.newsroom?.actor()?.displayName || ctx.signedInUser?.() || getSettings(db).displayName
    );
  }

  /** The name recorded on what this person does. */
  function author(): string {
    return userName() || UNNAMED_USER;
  }

  function changed(kind: NewsroomChange['kind'], id: string): void {
    ctx.onChange?.({ kind, id });
  }

  /** Refuses, with the newsroom's reason, what the signed-in person's role does not allow. */
  function refuseUnlessAllowed(refusal: (actor: Actor) => string | null): void {
    const actor = ctx.newsroom?.actor();
    const reason = actor ? refusal(actor) : null;
    if (reason) throw new ServiceError('FORBIDDEN', reason);
  }

  /** Refuses changing a story someone is editing on another desk (never two writers). */
  function refuseIfEditedElsewhere(story: Story): void {
    const lease = ctx.newsroom?.heldElsewhere(story.id);
    if (!lease) return;
    const where = lease.sameUser ? `on another desk (${lease.deskLabel || 'another desk'})` : '';
    throw new ServiceError(
      'LEASED',
      `${lease.sameUser ? 'You are' : `${lease.holder} is`} editing “${story.slug || 'Untitled'}”${where ? ` ${where}` : ''}: it is read-only here until ${lease.sameUser ? 'you close it there' : 'they close it'}.`,
    );
  }

  /**
   * Stores a story and records it as a version, in one transaction. The stored times use the
   * archive's rates; the dictionary learns the story's pronouncers.
   */
  function store(story: Story, kind: RevisionKind, note = ''): void {
    write(() => {
      putStory(db, story, timingSettings(getSettings(db)));
      for (const entry of pronouncersIn(story)) upsertPronouncer(db, entry, story.updatedAt);
      recordRevision(db, { id: newId(), story, kind, author: author(), note, at: story.updatedAt });
      notify({ kind: 'story', id: story.id, action: 'saved' });
    });
  }

  /**
   * A service call that reads, decides and writes does it in one write transaction, so
   * another process cannot change the story between the check and the write. The changes it
   * notifies are told once it has committed.
   */
  function write<T>(fn: () => T): T {
    if (pending) return writeTransaction(db, fn);
    const told: ArchiveChange[] = [];
    pending = told;
    let result: T;
    try {
      result = writeTransaction(db, fn);
    } finally {
      pending = null;
    }
    for (const change of told) tell(change);
    return result;
  }

  function refuseIfLocked(story: Story, doing: string): void {
    if (LOCKED_STATUSES.has(story.status)) {
      throw new ServiceError(
        'LOCKED',
        `“${story.slug || 'Untitled'}” is ${STATUS_LABELS[story.status].toLowerCase()} and locked: reopen it, with a reason, before ${doing}.`,
      );
    }
  }

  /**
   * Takes a story's rows out of a rundown (its deletion was confirmed), recorded in the
   * rundown's history. Runs inside the caller's transaction.
   */
  function removeStoryFromRundown(rundownId: string, storyId: string, slug: string): void {
    const rundown = getRundown(db, rundownId);
    if (!rundown) return;
    const at = stamp(rundown.updatedAt);
    const rows = rundown.rows.filter((row, i) => {
      if (row.storyId !== storyId) return true;
      addHistory(db, rundownId, {
        at,
        author: author(),
        action: 'removed',
        rowId: row.id,
        detail: { slug: slug || 'Untitled', from: i + 1 },
      });
      return false;
    });
    putRundown(db, { ...rundown, rows, updatedAt: at, version: rundown.version + 1 });
    notify({ kind: 'rundown', id: rundownId, action: 'saved' });
  }

  return {
    ctx,
    db,
    now,
    newId,
    notify,
    stamp,
    requireStory,
    requireStories,
    userName,
    author,
    store,
    write,
    refuseIfLocked,
    removeStoryFromRundown,
    changed,
    refuseUnlessAllowed,
    refuseIfEditedElsewhere,
  };
}
