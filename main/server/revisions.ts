import type { PoolClient } from 'pg';
import type { WireRevision } from '../../shared/newsroom/protocol';

/**
 * Stores a version of a story with a new change number. The same version sent again (autosaves
 * of one person coalescing into one version) replaces it — only from the person who sent it
 * first, and only for the same story.
 */
export async function insertRevision(
  tx: PoolClient,
  revision: WireRevision,
  userId: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO revisions (id, story_id, parent_id, at, author, kind, note, story, user_id, seq)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, nextval('change_seq'))
     ON CONFLICT (id) DO UPDATE SET at = excluded.at, kind = excluded.kind, note = excluded.note,
       story = excluded.story, seq = excluded.seq
     WHERE revisions.user_id = excluded.user_id AND revisions.story_id = excluded.story_id`,
    [
      revision.id,
      revision.storyId,
      revision.parentId,
      revision.at,
      revision.author,
      revision.kind,
      revision.note,
      JSON.stringify(revision.story),
      userId,
    ],
  );
}
