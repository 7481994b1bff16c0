import { schemaVersion } from '../archive/migrate';
import { deleteStory, getStory } from '../archive/stories';
import { listStories } from '../archive/storySummaries';
import { searchStories } from '../archive/search';
import { getTemplate } from '../archive/templates';
import { rundownsHolding } from '../archive/rundowns';
import { STORY_SCHEMA_VERSION, StorySchema, type Story } from '../../shared/story/model';
import type { ServiceHandlers } from '../../shared/ipc/contract';
import { ServiceError } from '../common/errors';
import type { ServiceKit } from './serviceKit';

type StoryChannels =
  | 'app.info'
  | 'stories.list'
  | 'stories.search'
  | 'stories.get'
  | 'stories.create'
  | 'stories.save'
  | 'stories.delete';

/** Writing and finding stories. */
export function storyServices({
  ctx,
  db,
  stamp,
  newId,
  requireStory,
  store,
  write,
  refuseIfLocked,
  removeStoryFromRundown,
}: ServiceKit): Pick<ServiceHandlers, StoryChannels> {
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
        commonTerms: [],
        newestFirst: false,
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

    'stories.save': ({ story, baseUpdatedAt, mode }) =>
      write(() => {
        const existing = getStory(db, story.id);
        // A save never brings back a story someone deleted while it was open.
        if (!existing) {
          throw new ServiceError(
            'NOT_FOUND',
            `“${story.slug || 'Untitled'}” is no longer in the archive (it was deleted elsewhere). Your text is still in the editor: copy it into a new story to keep it.`,
          );
        }
        refuseIfLocked(existing, 'editing it');
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

    'stories.delete': ({ id, fromRundowns }) =>
      write(() => {
        const story = getStory(db, id);
        if (story) refuseIfLocked(story, 'deleting it');
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
        return { id };
      }),
  };
}
