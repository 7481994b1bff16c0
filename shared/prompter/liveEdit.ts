import { storyBounds, type DocLine, type DocStory, type PrompterDocument } from './document';

/**
 * Keeping the presenter's place through a live edit. The place is held as the story, the block
 * of its body and how far into that block the reading line is; after the edit the block is found
 * again by matching the story's unchanged blocks from the top and from the bottom, so a word
 * changed, a paragraph added above or a row moved in the rundown leaves the reading line on the
 * same words.
 */
export type ReadingPoint = { storyId: string; storyIndex: number; block: number; offset: number };

type BlockSpan = { block: number; start: number; end: number };

/** Each block's span of words inside its story (the marker and meta lines are block -1). */
function blockSpans(story: DocStory): BlockSpan[] {
  const spans: BlockSpan[] = [];
  let at = 0;
  for (const line of story.lines) {
    const last = spans[spans.length - 1];
    if (last && last.block === line.block) last.end += line.words;
    else spans.push({ block: line.block, start: at, end: at + line.words });
    at += line.words;
  }
  return spans;
}

export function pointAt(doc: PrompterDocument, w: number): ReadingPoint | null {
  const bounds = storyBounds(doc);
  let i = bounds.findIndex((b) => w < b.end);
  if (i < 0) i = doc.stories.length - 1;
  const story = doc.stories[i];
  if (!story) return null;
  const inStory = w - bounds[i]!.start;
  const spans = blockSpans(story);
  const span = spans.find((s) => inStory < s.end) ?? spans[spans.length - 1];
  if (!span) return { storyId: story.id, storyIndex: i, block: -1, offset: 0 };
  return { storyId: story.id, storyIndex: i, block: span.block, offset: inStory - span.start };
}

function lineKey(line: DocLine): string {
  return line.kind === 'read'
    ? `r${line.pieces.map((p) => p.text).join('')}`
    : `${line.kind}${line.text}`;
}

/** The text of each block (by body index) of a story, to match blocks before and after an edit. */
function blockKeys(story: DocStory): Map<number, string> {
  const keys = new Map<number, string>();
  for (const line of story.lines) {
    if (line.block < 0) continue;
    keys.set(line.block, (keys.get(line.block) ?? '') + '\n' + lineKey(line));
  }
  return keys;
}

/**
 * How the blocks of a story before an edit map to after it: `same` blocks at the top, `sameEnd`
 * at the bottom, each list of body indices in order; everything between changed.
 */
function matchBlocks(before: DocStory, after: DocStory) {
  const a = blockKeys(before);
  const b = blockKeys(after);
  const ai = [...a.keys()];
  const bi = [...b.keys()];
  let top = 0;
  while (top < ai.length && top < bi.length && a.get(ai[top]!) === b.get(bi[top]!)) top++;
  let bottom = 0;
  while (
    bottom < ai.length - top &&
    bottom < bi.length - top &&
    a.get(ai[ai.length - 1 - bottom]!) === b.get(bi[bi.length - 1 - bottom]!)
  )
    bottom++;
  return { ai, bi, top, bottom };
}

/** The blocks (body indices) of `after` that are new or changed since `before`. */
export function changedBlocks(before: DocStory, after: DocStory): number[] {
  const { bi, top, bottom } = matchBlocks(before, after);
  return bi.slice(top, bi.length - bottom);
}

/** Where a reading point is in a (possibly edited or reordered) show, in words. */
export function resolvePoint(
  point: ReadingPoint,
  before: PrompterDocument,
  after: PrompterDocument,
): number {
  const bounds = storyBounds(after);
  const index = after.stories.findIndex((s) => s.id === point.storyId);
  if (index < 0) {
    // The story left the show (floated, removed): the reading line goes to whatever now stands
    // where it stood.
    const next = Math.min(point.storyIndex, after.stories.length - 1);
    return next < 0 ? 0 : bounds[next]!.start;
  }
  const story = after.stories[index]!;
  const old = before.stories.find((s) => s.id === point.storyId);
  let block = point.block;
  if (old && block >= 0) {
    const { ai, bi, top, bottom } = matchBlocks(old, story);
    const at = ai.indexOf(block);
    if (at >= 0 && at < top) block = bi[at]!;
    else if (at >= 0 && at >= ai.length - bottom) block = bi[bi.length - (ai.length - at)]!;
    else block = bi[Math.min(at, bi.length - 1)] ?? -1;
  }
  const spans = blockSpans(story);
  const span = spans.find((s) => s.block === block) ?? spans[0];
  if (!span) return bounds[index]!.start;
  const offset = Math.min(point.offset, Math.max(0, span.end - span.start - 1e-6));
  return bounds[index]!.start + span.start + offset;
}
