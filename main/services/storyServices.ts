import { schemaVersion } from '../archive/migrate';
import { deleteStory, getStory } from '../archive/stories';
import { listStories } from '../archive/storySummaries';
import { searchStories } from '../archive/search';
import { getTemplate } from '../archive/templates';
import { rundownsHolding } from '../archive/rundowns';
import {
  STORY_SCHEMA_VERSION,
  StorySchema,
  type Story,
  type StoryFormat,
} from '../../shared/story/model';
import { sameApartFromComments, storyHasContent } from '../../shared/story/content';
import type { ServiceHandlers } from '../../shared/ipc/contract';
import { ServiceError } from '../common/errors';
import type { ServiceKit } from './serviceKit';

type StoryChannels =
  | 'app.info'
  | 'stories.list'
  | 'stories.search'
  | 'stories.get'
  | 'stories.create'
  | 'stories.draft'
  | 'stories.save'
  | 'stories.delete';

/** Writing and finding stories. */
export function storyServices({
  ctx,
  db,
  stamp,
  newId,
  requireStory,
  userName,
  store,
  write,
  refuseIfLocked,
  removeStoryFromRundown,
  refuseIfEditedElsewhere,
  notify,
}: ServiceKit): Pick<ServiceHandlers, StoryChannels> {
  /** A story of a format as its template starts it, not stored. */
  function newStory(format: StoryFormat = 'READER'): Story {
    const at = stamp();
    return {
      schemaVersion: STORY_SCHEMA_VERSION,
      id: newId(),
      slug: '',
      format,
      presenter: '',
      reporter: '',
      tags: [],
      status: 'draft',
      createdAt: at,
      updatedAt: at,
      body: getTemplate(db, format),
    };
  }

  return {
    'app.info': () => ({
      version: ctx.version,
      archivePath: ctx.archive.path,
      schemaVersion: schemaVersion(db),
      // Signed in: a newsroom (or the CLI's COPYDESK_USER) names the person, not Settings.
      user: {
        name: userName(),
        signedIn: ctx.newsroom?.actor() != null || ctx.signedInUser !== undefined,
      },
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
        commonTerms: [],
        newestFirst: false,
      };
    },

    'stories.get': ({ id }) => requireStory(id),

    'stories.create': ({ format, slug }) => {
      const story = { ...newStory(format), slug: slug?.trim() ?? '' };
      store(StorySchema.parse(story), 'create');
      return story;
    },

    'stories.draft': ({ format }) => {
      // Nothing written here could ever be stored: say so now, not after the reporter typed.
      if (ctx.archive.readOnly)
        throw new ServiceError(
          'ARCHIVE_READ_ONLY',
          'The archive is open read-only here (its file or its folder cannot be written): a new story could not be saved.',
        );
      return newStory(format);
    },

    'stories.save': ({ story, baseUpdatedAt, mode, isNew }) =>
      write(() => {
        const existing = getStory(db, story.id);
        if (!existing && isNew) {
          if (!storyHasContent(story, getTemplate(db, story.format)))
            throw new ServiceError(
              'INVALID_INPUT',
              'An empty story is not stored: give it a slug or some text first.',
            );
          const at = stamp();
          const first: Story = { ...story, status: 'draft', createdAt: at, updatedAt: at };
          store(first, 'create');
          return first;
        }
        // A save never brings back a story someone deleted while it was open.
        if (!existing) {
          throw new ServiceError(
            'NOT_FOUND',
            `“${story.slug || 'Untitled'}” is no longer in the archive (it was deleted elsewhere). Your text is still in the editor: copy it into a new story to keep it.`,
          );
        }
        refuseIfLocked(existing, 'editing it');
        refuseIfEditedElsewhere(existing);
        // In review the text holds still for the editor: only comment anchors may change.
        if (existing.status === 'ready' && !sameApartFromComments(existing, story))
          throw new ServiceError(
            'LOCKED',
            `“${existing.slug || 'Untitled'}” is with an editor for review: withdraw it (back to Draft) before changing it. Comments can still be added.`,
          );
        if (existing.updatedAt !== baseUpdatedAt) {
          throw new ServiceError(
            'CONFLICT',
            `“${existing.slug || 'Untitled'}” was changed elsewhere since you opened it. Your text is still in the editor; reload the story to see the other version.`,
          );
        }
        // The status only changes through the review workflow, never through a save.
        const saved: Story = {
          ...story,
          status: existing.status,
          createdAt: existing.createdAt,
          updatedAt: stamp(existing.updatedAt),
        };
        store(saved, mode === 'autosave' ? 'autosave' : 'save');
        return saved;
      }),

    'stories.delete': ({ id, fromRundowns }) => {
      const deleted = write(() => {
        const story = getStory(db, id);
        if (story) refuseIfLocked(story, 'deleting it');
        if (story) refuseIfEditedElsewhere(story);
        const holding = rundownsHolding(db, id);
        if (holding.length > 0 && !fromRundowns) {
          const names = holding.map((r) => `${r.title} (${r.airDate})`);
          throw new ServiceError(
            'IN_RUNDOWN',
            `“${story?.slug || 'Untitled'}” is in ${holding.length === 1 ? 'the rundown' : `${holding.length} rundowns:`} ${names.join(', ')}. Deleting it takes it out of ${holding.length === 1 ? 'that rundown' : 'them'} too.`,
          );
        }
        for (const rundown of holding) removeStoryFromRundown(rundown.id, id, story?.slug ?? '');
        if (!deleteStory(db, id))
          throw new ServiceError('NOT_FOUND', 'That story is not in the archive.');
        notify({ kind: 'story', id, action: 'deleted' });
        return { id };
      });
      return deleted;
    },
  };
}
