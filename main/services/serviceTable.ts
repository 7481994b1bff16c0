import { randomUUID } from 'node:crypto';
import type { Archive } from '../archive/open';
import { ArchiveError } from '../archive/errors';
import { schemaVersion } from '../archive/migrate';
import {
  deleteStory,
  getStories,
  getStory,
  listStories,
  listTags,
  putStory,
  renameTag,
  deleteTag,
  retimeStories,
  StoryExistsError,
  summariesByIds,
} from '../archive/stories';
import { importStories } from '../archive/importStories';
import { searchStories } from '../archive/search';
import { getTemplate, listTemplates, resetTemplate, saveTemplate } from '../archive/templates';
import {
  deletePronouncer,
  listPronouncers,
  pronouncersIn,
  upsertPronouncer,
} from '../archive/pronouncers';
import { getSettings, saveSettings } from '../archive/settings';
import { listBackups, restoreArchive, rotateBackup } from '../archive/backup';
import { resolve as resolvePath } from 'node:path';
import { getRevision, headRevisionId, listRevisions, recordRevision } from '../archive/revisions';
import { insertComment, listComments, setThreadResolved } from '../archive/comments';
import { LOCKED_STATUSES, STATUS_LABELS, transition } from '../../shared/story/workflow';
import type { RevisionKind } from '../../shared/ipc/types';
import { timingSettings } from '../../shared/settings';
import { renderExport } from '../export';
import { readImportFile } from '../import/readImportFile';
import { exportFileName } from '../export';
import { buildHandoff, mergeHandoff } from '../archive/handoff';
import { HANDOFF_EXTENSION, type MergeResult } from '../../shared/package/handoff';
import { STORY_SCHEMA_VERSION, StorySchema, type Story } from '../../shared/story/model';
import {
  contract,
  isChannel,
  type Channel,
  type ParsedInput,
  type ServiceHandlers,
} from '../../shared/ipc/contract';
import { fail, ok, type Result } from '../../shared/ipc/result';
import { ServiceError } from './errors';

export type ServiceContext = {
  archive: Archive;
  version: string;
  now?: () => Date;
  newId?: () => string;
  /** Progress of a long export, story by story (the CLI prints it on stderr). */
  onExportProgress?: (done: number, total: number, slug: string) => void;
};

/** The operations of Copydesk, implemented once and served by IPC, HTTP and the CLI. */
export function createServices(ctx: ServiceContext): ServiceHandlers {
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

  /** Who is working: the display name from the settings. */
  function author(): string {
    return getSettings(db).displayName || 'Unnamed user';
  }

  /**
   * Stores a story and records it as a version, in one transaction. The stored times use the
   * archive's rates; the dictionary learns the story's pronouncers.
   */
  function store(story: Story, kind: RevisionKind, note = ''): void {
    db.transaction(() => {
      putStory(db, story, timingSettings(getSettings(db)));
      for (const entry of pronouncersIn(story)) upsertPronouncer(db, entry, story.updatedAt);
      recordRevision(db, { id: newId(), story, kind, author: author(), note, at: story.updatedAt });
    })();
  }

  function refuseIfLocked(story: Story, doing: string): void {
    if (LOCKED_STATUSES.has(story.status)) {
      throw new ServiceError(
        'LOCKED',
        `“${story.slug || 'Untitled'}” is ${STATUS_LABELS[story.status].toLowerCase()} and locked: reopen it, with a reason, before ${doing}.`,
      );
    }
  }

  /** The stories, in the order given; any id not in the archive is an error. */
  function requireStories(ids: readonly string[]): Story[] {
    const stories = getStories(db, ids);
    const found = new Set(stories.map((s) => s.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing !== undefined) requireStory(missing);
    return stories;
  }

  function selectStories(selection: ParsedInput<'export.stories'>['selection']): Story[] {
    if ('ids' in selection) return requireStories(selection.ids);
    const page = listStories(db, {
      tag: 'tag' in selection ? selection.tag : undefined,
      limit: 100_000,
      offset: 0,
    });
    // A show runs in the order the stories were written, not the order they were last touched.
    const ordered = [...page.items].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return requireStories(ordered.map((s) => s.id));
  }

  return {
    'app.info': () => ({
      version: ctx.version,
      archivePath: ctx.archive.path,
      schemaVersion: schemaVersion(db),
    }),

    'stories.list': (filters) => listStories(db, filters),

    'stories.search': ({ query, sort, ...filters }) => {
      if (query.trim() !== '') return searchStories(db, query, { ...filters, sort });
      const page = listStories(db, { ...filters, offset: 0 });
      return {
        total: page.total,
        items: page.items.map((s) => ({ ...s, snippet: '' })),
        totalEstimated: false,
        rankedNewest: null,
      };
    },

    'stories.get': ({ id }) => requireStory(id),

    'stories.create': ({ format, slug }) => {
      const at = stamp();
      const story: Story = {
        schemaVersion: STORY_SCHEMA_VERSION,
        id: newId(),
        slug: slug?.trim() ?? '',
        format: format ?? 'READER',
        presenter: '',
        reporter: '',
        tags: [],
        status: 'draft',
        createdAt: at,
        updatedAt: at,
        body: getTemplate(db, format ?? 'READER'),
      };
      store(StorySchema.parse(story), 'create');
      return story;
    },

    'stories.save': ({ story, baseUpdatedAt, mode }) => {
      const existing = getStory(db, story.id);
      if (existing) refuseIfLocked(existing, 'editing it');
      if (existing && baseUpdatedAt !== undefined && existing.updatedAt !== baseUpdatedAt) {
        throw new ServiceError(
          'CONFLICT',
          `“${existing.slug || 'Untitled'}” was changed elsewhere since you opened it. Your text is still in the editor; reload the story to see the other version.`,
        );
      }
      // The status only changes through the review workflow, never through a save.
      const saved: Story = {
        ...story,
        status: existing?.status ?? 'draft',
        createdAt: existing?.createdAt ?? story.createdAt,
        updatedAt: stamp(existing?.updatedAt),
      };
      store(saved, mode === 'autosave' ? 'autosave' : 'save');
      return saved;
    },

    'stories.setStatus': ({ id, status, note }) => {
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
    },

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

    'stories.restore': ({ id, revisionId }) => {
      const current = requireStory(id);
      refuseIfLocked(current, 'restoring an older version');
      const old = getRevision(db, id, revisionId);
      if (!old) throw new ServiceError('NOT_FOUND', 'That version is not in the story’s history.');
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
    },

    'stories.handoff': ({ id }) => {
      const pkg = buildHandoff(db, id, `Copydesk ${ctx.version}`, now());
      if (!pkg) throw new ServiceError('NOT_FOUND', 'That story is not in the archive.');
      const base = exportFileName([pkg.story], 'x').replace(/\.x$/, '');
      return {
        fileName: `${base}${HANDOFF_EXTENSION}`,
        mimeType: 'application/x-copydesk',
        encoding: 'utf8' as const,
        data: `${JSON.stringify(pkg, null, 2)}\n`,
      };
    },

    'stories.resolveConflict': ({ id, keep }) => {
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
      db.transaction(() => {
        store(
          chosen,
          'merge',
          keep === 'theirs'
            ? 'Took the version from the package'
            : 'Kept this archive’s version over the package’s',
        );
        db.prepare('UPDATE stories SET conflict_revision = NULL WHERE id = ?').run(id);
      })();
      return chosen;
    },

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

    'stories.delete': ({ id }) => {
      const story = getStory(db, id);
      if (story) refuseIfLocked(story, 'deleting it');
      if (!deleteStory(db, id))
        throw new ServiceError('NOT_FOUND', 'That story is not in the archive.');
      return { id };
    },

    'tags.list': () => listTags(db),

    'tags.rename': ({ from, to }) => {
      const existing = listTags(db);
      if (!existing.some((t) => t.name.toLocaleLowerCase() === from.toLocaleLowerCase())) {
        throw new ServiceError('NOT_FOUND', `No story is tagged “${from}”.`);
      }
      const merged = existing.some(
        (t) =>
          t.name.toLocaleLowerCase() === to.toLocaleLowerCase() &&
          t.name.toLocaleLowerCase() !== from.toLocaleLowerCase(),
      );
      return { stories: renameTag(db, from, to), merged };
    },

    'tags.delete': ({ name }) => {
      const stories = deleteTag(db, name);
      if (stories === 0) throw new ServiceError('NOT_FOUND', `No story is tagged “${name}”.`);
      return { stories };
    },

    'import.stories': ({ stories }) => {
      try {
        importStories(db, stories, {
          timing: timingSettings(getSettings(db)),
          author: author(),
          newId,
        });
      } catch (error) {
        if (error instanceof StoryExistsError) {
          throw new ServiceError(
            'CONFLICT',
            `“${error.slug || 'UNTITLED'}” (${error.id}) is already in the archive; nothing from this batch was imported.`,
          );
        }
        throw error;
      }
      return { imported: stories.length };
    },

    'import.files': ({ files }) => {
      // Every file is read and checked before the archive is touched: one bad file, no import.
      const parsed = files.map((file) => readImportFile(file.name, file.dataBase64));
      const stories: Story[] = [];
      for (const p of parsed) {
        for (const draft of p.drafts) {
          const at = stamp();
          stories.push(
            StorySchema.parse({
              schemaVersion: STORY_SCHEMA_VERSION,
              id: newId(),
              status: 'draft',
              createdAt: at,
              updatedAt: at,
              ...draft,
              body: draft.body.length > 0 ? draft.body : [{ type: 'paragraph', runs: [] }],
            } satisfies Story),
          );
        }
        if (p.handoff) continue;
        for (const story of p.packaged) {
          // A package story keeps its id; one already in the archive comes in as a copy.
          const taken = getStory(db, story.id) || stories.some((s) => s.id === story.id);
          stories.push(taken ? { ...story, id: newId() } : story);
        }
      }
      const merged: { id: string; slug: string; result: MergeResult }[] = [];
      db.transaction(() => {
        stories.forEach((s) => store(s, 'import'));
        const timing = timingSettings(getSettings(db));
        for (const { handoff } of parsed) {
          if (handoff)
            merged.push({
              id: handoff.story.id,
              slug: handoff.story.slug,
              result: mergeHandoff(db, handoff, timing),
            });
        }
      })();
      return {
        merged,
        stories: summariesByIds(
          db,
          stories.map((s) => s.id),
        ),
        dropped: parsed
          .filter((p) => p.dropped.length > 0)
          .map((p) => ({ file: p.file, lines: p.dropped })),
      };
    },

    'templates.list': () => listTemplates(db),

    'templates.save': ({ format, body }) => {
      saveTemplate(db, format, body, stamp());
      return { format };
    },

    'templates.reset': ({ format }) => {
      resetTemplate(db, format);
      return { format };
    },

    'pronouncers.list': () => listPronouncers(db),

    'pronouncers.save': (entry) => {
      const updatedAt = stamp();
      upsertPronouncer(db, entry, updatedAt);
      return { ...entry, updatedAt };
    },

    'pronouncers.delete': ({ term }) => {
      if (!deletePronouncer(db, term))
        throw new ServiceError('NOT_FOUND', `“${term}” is not in the pronouncer dictionary.`);
      return { term };
    },

    'settings.get': () => getSettings(db),

    'settings.save': (settings) => {
      saveSettings(db, settings);
      // Stored read times depend on the rates: bring every story's up to date.
      retimeStories(db, timingSettings(settings));
      return settings;
    },

    'archive.backup': async () =>
      rotateBackup(db, ctx.archive.path, getSettings(db).backups.keep, now()),

    'archive.backups': () => listBackups(ctx.archive.path),

    'archive.restore': async ({ path }) => {
      // Only this archive's own backups can be restored from here; the CLI takes any file.
      const wanted = resolvePath(path);
      if (!listBackups(ctx.archive.path).some((b) => resolvePath(b.path) === wanted)) {
        throw new ServiceError('NOT_FOUND', 'That file is not one of this archive’s backups.');
      }
      return restoreArchive(db, ctx.archive.path, wanted, now());
    },

    'export.stories': async ({ selection, format, options }) => {
      const stories = selectStories(selection);
      if (stories.length === 0)
        throw new ServiceError('NOT_FOUND', 'No stories match; nothing was exported.');
      const files = await renderExport(stories, format, options, {
        generator: `Copydesk ${ctx.version}`,
        now,
        timing: timingSettings(getSettings(db)),
        onProgress: ctx.onExportProgress
          ? (done, total, story) => ctx.onExportProgress!(done, total, story.slug)
          : undefined,
      });
      return { files };
    },
  };
}

/**
 * The single entry every transport goes through: the channel must exist, the input must pass
 * its schema, and any failure comes back as an error value with a code and a readable message.
 */
export async function invokeService(
  handlers: ServiceHandlers,
  channel: unknown,
  rawInput: unknown,
): Promise<Result<unknown>> {
  if (!isChannel(channel))
    return fail(
      'UNKNOWN_CHANNEL',
      typeof channel === 'string'
        ? `There is no channel named ${JSON.stringify(channel).slice(0, 80)}.`
        : `A channel name must be a string, not ${channel === null ? 'null' : typeof channel}.`,
    );
  const parsed = contract[channel].input.safeParse(rawInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (at ${issue.path.join('.')})` : '';
    return fail(
      'INVALID_INPUT',
      `Invalid input for ${channel}: ${issue?.message ?? 'rejected'}${where}.`,
    );
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    return ok(await handler(parsed.data));
  } catch (error) {
    return toErrorResult(channel, error);
  }
}

export function toErrorResult(channel: Channel, error: unknown): Result<never> {
  if (error instanceof ServiceError || error instanceof ArchiveError)
    return fail(error.code, error.message);
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_FULL') {
    return fail(
      'ARCHIVE_UNAVAILABLE',
      'The disk is full: the change was not saved. Free some space and save again.',
    );
  }
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_IOERR') {
    return fail(
      'ARCHIVE_UNAVAILABLE',
      'The archive cannot be written (read-only or unreachable): the change was not saved.',
    );
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return fail('ARCHIVE_CORRUPT', 'The archive file is damaged; nothing was written to it.');
  }
  console.error(`[copydesk] ${channel} failed:`, error);
  return fail('INTERNAL', `Something went wrong in ${channel}; the details are in the log.`);
}
