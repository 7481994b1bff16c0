/**
 * A running order as a MOS device holds it, and the messages that take a device from one to the
 * next. Pure: the MOS link in main renders the stories, the connector carries the messages.
 */

/** One story of a running order. `id` is the MOS storyID (the rundown row's id). */
export type MosStoryRef = {
  id: string;
  /** The archive story it shows. */
  storyId: string;
  slug: string;
  /** The page number, as storyNum. */
  num: string;
  /**
   * The story's text as roStorySend carries it (storyBody and metadata), already written. Two
   * equal texts are the same text: a change resends the story.
   */
  text: string;
};

export type MosRunningOrder = { id: string; slug: string; stories: MosStoryRef[] };

/** A message of MOS profiles 2 and 4, as the link sends it (the wire forms are in main/mos). */
export type RoMessage =
  | { type: 'roCreate'; ro: MosRunningOrder }
  | { type: 'roReplace'; ro: MosRunningOrder }
  | { type: 'roMetadataReplace'; roId: string; slug: string }
  | { type: 'roDelete'; roId: string }
  /** Stories inserted before `before` (null: at the end). */
  | { type: 'roStoryInsert'; roId: string; before: string | null; stories: MosStoryRef[] }
  /** Stories moved, in this order, before `before` (null: to the end). */
  | { type: 'roStoryMove'; roId: string; before: string | null; storyIds: string[] }
  | { type: 'roStoryDelete'; roId: string; storyIds: string[] }
  /** A story's slug or number changed. */
  | { type: 'roStoryReplace'; roId: string; story: MosStoryRef }
  | { type: 'roStorySend'; roId: string; story: MosStoryRef }
  | { type: 'roReadyToAir'; roId: string; ready: boolean };

export type RoMessageType = RoMessage['type'];

/**
 * Above this many messages that change the order (inserts, moves, deletions) for one change, a
 * device gets the whole running order again (`roReplace`) instead: one message is quicker to
 * apply than a long list, and leaves no room for a device to drift. New slugs and page numbers
 * (`roStoryReplace`) do not count: a move across a break renumbers a block, and a replace per
 * story is still cheaper than a whole running order and every story's text again.
 */
export const MAX_INCREMENTAL_MESSAGES = 10;

/** The whole running order, then every story's text: what a device needs from nothing. */
export function fullRunningOrder(ro: MosRunningOrder, verb: 'roCreate' | 'roReplace'): RoMessage[] {
  return [
    { type: verb, ro },
    ...ro.stories.map((story): RoMessage => ({ type: 'roStorySend', roId: ro.id, story })),
  ];
}

/**
 * The longest run of ids that keeps its order from `prev` to `next`: those stay put, every other
 * story moves. (Patience sorting on positions; O(n log n).)
 */
function stayingIds(prevOrder: readonly string[], nextOrder: readonly string[]): Set<string> {
  const prevIndex = new Map(prevOrder.map((id, i) => [id, i]));
  const common = nextOrder.filter((id) => prevIndex.has(id));
  const tails: number[] = [];
  const tailAt: number[] = [];
  const parent: number[] = [];
  common.forEach((id, i) => {
    const p = prevIndex.get(id)!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = p;
    tailAt[lo] = i;
    parent[i] = lo > 0 ? tailAt[lo - 1]! : -1;
  });
  const staying = new Set<string>();
  for (let i = tails.length > 0 ? tailAt[tails.length - 1]! : -1; i >= 0; i = parent[i]!)
    staying.add(common[i]!);
  return staying;
}

/**
 * The messages that turn a device's running order `prev` into `next` (same roID), in the order
 * they must be sent: deletions, then insertions and moves from the bottom up (each story lands
 * right before the one that follows it in `next`, so every placement is final), then changed
 * slugs and numbers, then the text of every new or changed story. Too many running-order
 * messages for one change become one `roReplace` with every story's text.
 */
export function diffRunningOrders(
  prev: MosRunningOrder,
  next: MosRunningOrder,
  maxIncremental = MAX_INCREMENTAL_MESSAGES,
): RoMessage[] {
  const roId = next.id;
  const prevById = new Map(prev.stories.map((s) => [s.id, s]));
  const nextIds = new Set(next.stories.map((s) => s.id));
  const order: RoMessage[] = [];

  if (prev.slug !== next.slug) order.push({ type: 'roMetadataReplace', roId, slug: next.slug });

  const gone = prev.stories.filter((s) => !nextIds.has(s.id)).map((s) => s.id);
  if (gone.length > 0) order.push({ type: 'roStoryDelete', roId, storyIds: gone });

  const staying = stayingIds(
    prev.stories.filter((s) => nextIds.has(s.id)).map((s) => s.id),
    next.stories.map((s) => s.id),
  );
  // Bottom up: a run of new stories is one insert, a run of moved ones one move.
  const stories = next.stories;
  let i = stories.length - 1;
  while (i >= 0) {
    const story = stories[i]!;
    if (staying.has(story.id)) {
      i--;
      continue;
    }
    const isNew = !prevById.has(story.id);
    let start = i;
    while (
      start > 0 &&
      !staying.has(stories[start - 1]!.id) &&
      prevById.has(stories[start - 1]!.id) === !isNew
    )
      start--;
    const run = stories.slice(start, i + 1);
    const before = stories[i + 1]?.id ?? null;
    order.push(
      isNew
        ? { type: 'roStoryInsert', roId, before, stories: run }
        : { type: 'roStoryMove', roId, before, storyIds: run.map((s) => s.id) },
    );
    i = start - 1;
  }

  if (order.length > maxIncremental) return fullRunningOrder(next, 'roReplace');

  const texts: RoMessage[] = [];
  for (const story of stories) {
    const was = prevById.get(story.id);
    if (was && (was.slug !== story.slug || was.num !== story.num))
      order.push({ type: 'roStoryReplace', roId, story });
    if (!was || was.text !== story.text || was.slug !== story.slug)
      texts.push({ type: 'roStorySend', roId, story });
  }
  return [...order, ...texts];
}
