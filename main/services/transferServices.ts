import { getTemplate } from '../archive/templates';
import { storyHasContent } from '../../shared/story/content';
import { exportFormatSpec } from '../../shared/export/formats';
import { getStory, StoryExistsError } from '../archive/stories';
import { storyIdsInWritingOrder, summariesByIds } from '../archive/storySummaries';
import { importStories } from '../archive/importStories';
import { getSettings } from '../archive/settings';
import { mergeHandoff } from '../archive/handoff';
import { renderExport, type ShowContext } from '../export';
import { readImportFile } from '../import/readImportFile';
import { timingSettings } from '../../shared/settings';
import type { MergeResult } from '../../shared/exchange/handoff';
import { STORY_SCHEMA_VERSION, StorySchema, type Story } from '../../shared/story/model';
import type { ParsedInput, ServiceHandlers } from '../../shared/ipc/contract';
import { ServiceError } from '../common/errors';
import { asClause, describeInvalidInput, HUMAN_PARSE } from '../../shared/ipc/inputMessages';
import type { ServiceKit } from './serviceKit';
import { showStories } from './showStories';

type TransferChannels = 'import.stories' | 'import.files' | 'export.stories';

/** Stories in (files, packages, bulk) and out (every export format). */
export function transferServices(kit: ServiceKit): Pick<ServiceHandlers, TransferChannels> {
  const { ctx, db, now, stamp, newId, requireStories, author, notify, write, store, changed } = kit;
  /** A rundown's stories with the show, for the writers (MOS, NSML and the rundown formats). */
  function selectShow(rundownId: string): { stories: Story[]; show: ShowContext } {
    const { rundown, view, lines, stories } = showStories(kit, rundownId);
    return {
      stories,
      show: { id: rundown.id, title: rundown.title, airDate: rundown.airDate, view, lines },
    };
  }

  function selectStories(
    selection: Exclude<ParsedInput<'export.stories'>['selection'], { rundown: string }>,
  ): Story[] {
    if ('ids' in selection) return requireStories(selection.ids);
    // A show runs in the order the stories were written, not the order they were last touched.
    // Empty stories an older Copydesk stored at "New story" are left out of every-story exports.
    return requireStories(
      storyIdsInWritingOrder(db, 'tag' in selection ? selection.tag : undefined),
    ).filter((story) => storyHasContent(story, getTemplate(db, story.format)));
  }

  return {
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
      changed('import', '');
      return { imported: stories.length };
    },

    'import.files': ({ files, dryRun }) => {
      // Every file is read and checked before the archive is touched: one bad file, no import.
      const parsed = files.map((file) => readImportFile(file.name, file.dataBase64));
      const stories: Story[] = [];
      for (const p of parsed) {
        for (const draft of p.drafts) {
          const at = stamp();
          const checked = StorySchema.safeParse(
            {
              schemaVersion: STORY_SCHEMA_VERSION,
              id: newId(),
              status: 'draft',
              createdAt: at,
              updatedAt: at,
              ...draft,
              body: draft.body.length > 0 ? draft.body : [{ type: 'paragraph', runs: [] }],
            } satisfies Story,
            HUMAN_PARSE,
          );
          if (!checked.success) {
            throw new ServiceError(
              'BAD_FILE',
              `“${p.file}” cannot be imported: ${asClause(describeInvalidInput(checked.error))}. Nothing was imported.`,
            );
          }
          stories.push(checked.data);
        }
        if (p.handoff) continue;
        for (const story of p.fromStoryFile) {
          // A story-file story keeps its id; one already in the archive comes in as a copy.
          const taken = getStory(db, story.id) || stories.some((s) => s.id === story.id);
          stories.push(taken ? { ...story, id: newId() } : story);
        }
      }
      const dropped = parsed
        .filter((p) => p.dropped.length > 0)
        .map((p) => ({ file: p.file, lines: p.dropped }));
      // Checked as the import would, and nothing written.
      if (dryRun) return { merged: [], stories: [], dropped };
      const merged: { id: string; slug: string; result: MergeResult }[] = [];
      write(() => {
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
        for (const { id } of merged) notify({ kind: 'story', id, action: 'saved' });
      });
      return {
        merged,
        stories: summariesByIds(
          db,
          stories.map((s) => s.id),
        ),
        dropped,
      };
    },

    'export.stories': async ({ selection, format, options }) => {
      const { stories, show } =
        'rundown' in selection
          ? selectShow(selection.rundown)
          : { stories: selectStories(selection), show: undefined };
      if (exportFormatSpec(format).fileHolds === 'rundown' && !show)
        throw new ServiceError(
          'INVALID_INPUT',
          `${exportFormatSpec(format).label} is made from a rundown: open a rundown and export it.`,
        );
      if (stories.length === 0 && !show)
        throw new ServiceError('NOT_FOUND', 'No stories match; nothing was exported.');
      if (stories.length === 0 && exportFormatSpec(format).fileHolds !== 'rundown')
        throw new ServiceError(
          'NOT_FOUND',
          'The rundown has no stories to export (floated rows, breaks and items are left out).',
        );
      const files = await renderExport(stories, format, options, {
        show,
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
