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
import { timingSettings } from '../../shared/settings';
import type { Story } from '../../shared/story/model';
import { ServiceError } from '../common/errors';
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

  /** Who is working: the display name from the settings. */
  function author(): string {
    return getSettings(db).displayName || 'Unnamed user';
  }

  /**
   * Stores a story and records it as a version, in one transaction. The stored times use the
   * archive's rates; the dictionary learns the story's pronouncers.
   */
  function store(story: Story, kind: RevisionKind, note = ''): void {
    writeTransaction(db, () => {
      putStory(db, story, timingSettings(getSettings(db)));
      for (const entry of pronouncersIn(story)) upsertPronouncer(db, entry, story.updatedAt);
      recordRevision(db, { id: newId(), story, kind, author: author(), note, at: story.updatedAt });
    });
  }

  /**
   * A service call that reads, decides and writes does it in one write transaction, so
   * another process cannot change the story between the check and the write.
   */
  function write<T>(fn: () => T): T {
    return writeTransaction(db, fn);
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
  }

  return {
    ctx,
    db,
    now,
    newId,
    stamp,
    requireStory,
    requireStories,
    author,
    store,
    write,
    refuseIfLocked,
    removeStoryFromRundown,
  };
}
