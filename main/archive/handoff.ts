import type { Database } from 'better-sqlite3';
import {
  HANDOFF_FORMAT,
  HANDOFF_VERSION,
  type Handoff,
  type MergeResult,
} from '../../shared/exchange/handoff';
import type { TimingSettings } from '../../shared/story/timing';
import { getStory, putStory } from './stories';
import {
  exportRevisions,
  hasRevision,
  headRevisionId,
  insertForeignRevision,
  isAncestor,
} from './revisions';
import { insertComment, listComments } from './comments';
import { writeTransaction } from './writeTransaction';

/** Everything the archive knows about one story, as a hand-off package. */
export function buildHandoff(
  db: Database,
  storyId: string,
  generator: string,
  exportedAt: Date,
): Handoff | null {
  const story = getStory(db, storyId);
  if (!story) return null;
  return {
    format: HANDOFF_FORMAT,
    formatVersion: HANDOFF_VERSION,
    generator,
    exportedAt: exportedAt.toISOString(),
    story,
    head: headRevisionId(db, storyId),
    revisions: exportRevisions(db, storyId).map((r) => ({
      id: r.id,
      parentId: r.parent_id,
      at: r.at,
      author: r.author,
      kind: r.kind as Handoff['revisions'][number]['kind'],
      note: r.note,
      story: r.story,
    })),
    comments: listComments(db, storyId).map(({ storyId: _story, ...c }) => c),
  };
}

/**
 * Merges a package into the archive. Both sides' versions and comments are kept (by id). The
 * story's current text follows the newer side when one side's version descends from the other's;
 * when both changed it since they last shared a version, the archive keeps its own and records the
 * package's as a conflict for a person to settle.
 */
export function mergeHandoff(db: Database, handoff: Handoff, timing: TimingSettings): MergeResult {
  return writeTransaction(db, (): MergeResult => {
    const local = getStory(db, handoff.story.id);
    const localHead = local ? headRevisionId(db, handoff.story.id) : null;
    if (!local) putStory(db, handoff.story, timing);
    for (const r of handoff.revisions) {
      insertForeignRevision(db, {
        id: r.id,
        storyId: handoff.story.id,
        parentId: r.parentId,
        at: r.at,
        author: r.author,
        kind: r.kind,
        note: r.note,
        story: r.story,
      });
    }
    for (const c of handoff.comments) insertComment(db, { ...c, storyId: handoff.story.id });
    const setHead = (head: string | null, conflict: string | null) =>
      db
        .prepare('UPDATE stories SET head_revision = ?, conflict_revision = ? WHERE id = ?')
        .run(head, conflict, handoff.story.id);

    if (!local) {
      setHead(handoff.head, null);
      return 'added';
    }
    if (
      handoff.head === null ||
      handoff.head === localHead ||
      (localHead !== null && isAncestor(db, handoff.head, localHead))
    ) {
      return handoff.head === localHead ? 'unchanged' : 'kept-local';
    }
    if (localHead === null || isAncestor(db, localHead, handoff.head)) {
      putStory(db, handoff.story, timing);
      setHead(handoff.head, null);
      return 'updated';
    }
    setHead(localHead, hasRevision(db, handoff.head) ? handoff.head : null);
    return 'conflict';
  });
}
