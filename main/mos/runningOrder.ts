import type { Database } from 'better-sqlite3';
import { getRundown } from '../archive/rundowns';
import { getStories, storyVersions } from '../archive/stories';
import { getSettings } from '../archive/settings';
import { mosRoId, mosStoryText } from '../export/mos/mosXml';
import { blocksOf, pagesOf } from '../../shared/rundown/blocks';
import type { MosDevice } from '../../shared/mos/model';
import type { MosRunningOrder } from '../../shared/mos/runningOrder';
import { timingSettings } from '../../shared/settings';

/** The story text and slug, written once per version of the story and of the read rates. */
export type TextCache = Map<string, { slug: string; text: string }>;

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
  const settings = getSettings(db);
  const timing = timingSettings(settings);
  const ratesKey = JSON.stringify(settings.defaults) + JSON.stringify(settings.presenters);
  if (cache.size > MAX_CACHED_TEXTS) cache.clear();
  // Only stories changed since they were last written are read and written again.
  const versions = storyVersions(db, [...new Set(onAir.map((r) => r.storyId))]);
  const keyOf = (storyId: string) => `${storyId}|${versions.get(storyId)}|${cues}|${ratesKey}`;
  const stale = [...versions.keys()].filter((id) => !cache.has(keyOf(id)));
  for (const story of getStories(db, stale))
    cache.set(keyOf(story.id), {
      slug: story.slug || 'UNTITLED',
      text: mosStoryText(story, { mosCues: cues }, timing),
    });
  return {
    id: mosRoId(rundown.id),
    slug: `${rundown.title} ${rundown.airDate}`,
    stories: onAir.flatMap(({ row, storyId, page }) => {
      const written = versions.has(storyId) ? cache.get(keyOf(storyId)) : undefined;
      return written ? [{ id: row.id, storyId, num: page, ...written }] : [];
    }),
  };
}
