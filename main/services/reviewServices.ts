import { getRevision, headRevisionId, listRevisions } from '../archive/revisions';
import { insertComment, listComments, setThreadResolved } from '../archive/comments';
import { buildHandoff } from '../archive/handoff';
import { exportFileName } from '../export';
import { STATUS_LABELS, transition } from '../../shared/story/workflow';
import { HANDOFF_EXTENSION } from '../../shared/exchange/handoff';
import type { Story } from '../../shared/story/model';
import type { ServiceHandlers } from '../../shared/ipc/contract';
import { ServiceError } from '../common/errors';
import type { ServiceKit } from './serviceKit';

type ReviewChannels =
  | 'stories.setStatus'
  | 'stories.history'
  | 'stories.revision'
  | 'stories.restore'
  | 'stories.handoff'
  | 'stories.resolveConflict'
  | 'comments.list'
  | 'comments.add'
  | 'comments.resolve';

/** The review desk: the workflow, versions, comments, and hand-off between machines. */
export function reviewServices({
  ctx,
  db,
  now,
  stamp,
  newId,
  requireStory,
  author,
  store,
  write,
  refuseIfLocked,
}: ServiceKit): Pick<ServiceHandlers, ReviewChannels> {
  return {
    'stories.setStatus': ({ id, status, note }) =>
      write(() => {
        const story = requireStory(id);
        const step = transition(story.status, status);
        if (!step) {
          throw new ServiceError(
            'INVALID_INPUT',
            `A story that is ${STATUS_LABELS[story.status].toLowerCase()} cannot become ${STATUS_LABELS[status].toLowerCase()}.`,
          );
        }
        if (step.needsNote && note === '') {
          throw new ServiceError(
            'INVALID_INPUT',
            `${step.action} needs a reason; it stays in the story's history.`,
          );
        }
        const changed: Story = { ...story, status, updatedAt: stamp(story.updatedAt) };
        store(changed, 'status', note);
        return changed;
      }),

    'stories.history': ({ id }) => {
      requireStory(id);
      const row = db
        .prepare('SELECT conflict_revision AS conflict FROM stories WHERE id = ?')
        .get(id) as { conflict: string | null };
      return {
        revisions: listRevisions(db, id),
        head: headRevisionId(db, id),
        conflict: row.conflict,
      };
    },

    'stories.revision': ({ id, revisionId }) => {
      const story = getRevision(db, id, revisionId);
      if (!story)
        throw new ServiceError('NOT_FOUND', 'That version is not in the story’s history.');
      return story;
    },

    'stories.restore': ({ id, revisionId }) =>
      write(() => {
        const current = requireStory(id);
        refuseIfLocked(current, 'restoring an older version');
        const old = getRevision(db, id, revisionId);
        if (!old)
          throw new ServiceError('NOT_FOUND', 'That version is not in the story’s history.');
        const number = listRevisions(db, id).find((r) => r.id === revisionId)?.number;
        // The old text and details come back; the workflow state stays where it is.
        const restored: Story = {
          ...old,
          status: current.status,
          createdAt: current.createdAt,
          updatedAt: stamp(current.updatedAt),
        };
        store(restored, 'restore', `Restored version ${number ?? ''}`.trim());
        db.prepare('UPDATE stories SET conflict_revision = NULL WHERE id = ?').run(id);
        return restored;
      }),

    'stories.handoff': ({ id }) => {
      const handoff = buildHandoff(db, id, `Copydesk ${ctx.version}`, now());
      if (!handoff) throw new ServiceError('NOT_FOUND', 'That story is not in the archive.');
      const base = exportFileName([handoff.story], 'x').replace(/\.x$/, '');
      return {
        fileName: `${base}${HANDOFF_EXTENSION}`,
        mimeType: 'application/x-copydesk',
        encoding: 'utf8' as const,
        data: `${JSON.stringify(handoff, null, 2)}\n`,
      };
    },

    'stories.resolveConflict': ({ id, keep }) =>
      write(() => {
        const current = requireStory(id);
        const row = db
          .prepare('SELECT conflict_revision AS conflict FROM stories WHERE id = ?')
          .get(id) as { conflict: string | null };
        if (!row.conflict)
          throw new ServiceError('NOT_FOUND', 'This story has no conflicting version to settle.');
        const theirs = getRevision(db, id, row.conflict);
        const chosen: Story =
          keep === 'theirs' && theirs
            ? { ...theirs, createdAt: current.createdAt, updatedAt: stamp(current.updatedAt) }
            : { ...current, updatedAt: stamp(current.updatedAt) };
        store(
          chosen,
          'merge',
          keep === 'theirs'
            ? 'Took the version from the package'
            : 'Kept this archive’s version over the package’s',
        );
        db.prepare('UPDATE stories SET conflict_revision = NULL WHERE id = ?').run(id);
        return chosen;
      }),

    'comments.list': ({ storyId }) => {
      requireStory(storyId);
      return listComments(db, storyId);
    },

    'comments.add': ({ storyId, threadId, body, quote }) => {
      requireStory(storyId);
      const comment = {
        id: newId(),
        storyId,
        threadId,
        author: author(),
        at: stamp(),
        body,
        quote,
        resolvedAt: null,
        resolvedBy: null,
      };
      insertComment(db, comment);
      return comment;
    },

    'comments.resolve': ({ storyId, threadId, resolved }) => {
      const changed = setThreadResolved(
        db,
        storyId,
        threadId,
        resolved ? stamp() : null,
        resolved ? author() : null,
      );
      if (changed === 0)
        throw new ServiceError('NOT_FOUND', 'That comment thread is not on this story.');
      return { threadId, resolved };
    },
  };
}
