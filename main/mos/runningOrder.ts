import type { Database } from 'better-sqlite3';
import { getRundown } from '../archive/rundowns';
import { getStories } from '../archive/stories';
import { getSettings } from '../archive/settings';
import { mosRoId, mosStoryText } from '../export/mos/mosXml';
import { blocksOf, pagesOf } from '../../shared/rundown/blocks';
import type { MosDevice } from '../../shared/mos/model';
import type { MosRunningOrder } from '../../shared/mos/runningOrder';
import { timingSettings } from '../../shared/settings';
import type { Story } from '../../shared/story/model';

/** The story text, written once per version of the story and of the read rates. */
export type TextCache = Map<string, string>;

/** A show has about a hundred stories; past this many texts the cache starts again. */
const MAX_CACHED_TEXTS = 4000;

/**
 * The rundown as a device is sent it: its story rows in air order, floated rows, breaks and
 * items left out (as the exports leave them out); each story's id on the link is its row's id (a
 * story may sit in a show twice), its number the row's page. Null when the rundown is gone.
 */
export function buildRunningOrder(
  db: Database,
  rundownId: string,
  cues: MosDevice['cues'],
  cache: TextCache = new Map(),
): MosRunningOrder | null {
  const rundown = getRundown(db, rundownId);
  if (!rundown) return null;
  const pages = pagesOf(rundown.rows, blocksOf(rundown.rows));
  const onAir = rundown.rows.flatMap((row, i) =>
    row.kind === 'story' && !row.floated && row.storyId !== null
      ? [{ row, storyId: row.storyId, page: pages[i]! }]
      : [],
  );
  const stories = new Map<string, Story>(
    getStories(db, [...new Set(onAir.map((r) => r.storyId))]).map((s) => [s.id, s]),
  );
  const settings = getSettings(db);
  const timing = timingSettings(settings);
  const ratesKey = JSON.stringify(settings.defaults) + JSON.stringify(settings.presenters);
  if (cache.size > MAX_CACHED_TEXTS) cache.clear();
  return {
    id: mosRoId(rundown.id),
    slug: `${rundown.title} ${rundown.airDate}`,
    stories: onAir.flatMap(({ row, storyId, page }) => {
      const story = stories.get(storyId);
      if (!story) return [];
      const key = `${story.id}|${story.updatedAt}|${cues}|${ratesKey}`;
      let text = cache.get(key);
      if (text === undefined) {
        text = mosStoryText(story, { mosCues: cues }, timing);
        cache.set(key, text);
      }
      return [{ id: row.id, storyId, slug: story.slug || 'UNTITLED', num: page, text }];
    }),
  };
}
