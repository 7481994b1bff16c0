import { showTiming } from '../rundown/timing';
import type { RundownView } from '../rundown/view';
import { storyBounds, storyIndexAt, type DocStory, type PrompterDocument } from './document';

/**
 * The prompter's clocks at the current speed. Read time is what is left of the read text at the
 * speed set now; media (sound bites, packages) runs its own length whatever the speed.
 */
export type PrompterTimes = {
  storyIndex: number;
  /** What is left of the story at the reading line: its read text at this speed, and its media. */
  storyLeftSec: number;
  /** What is left of the show: the rest of this story, the stories after it, breaks and items. */
  showLeftSec: number;
  /**
   * Where the show would end against its off-air time if the rest were read at this speed
   * (positive heavy, negative light); for a single story, its length at this speed against its
   * target. Null when there is nothing to compare with.
   */
  overUnderSec: number | null;
};

function readSecAt(words: number, wpm: number): number {
  return wpm > 0 ? (words / wpm) * 60 : 0;
}

/**
 * What is left of a story from `at` words into it: the read words after that point at this
 * speed, and the media whose block has not yet reached the reading line.
 */
function storyLeftAt(story: DocStory, at: number, wpm: number): number {
  let start = 0;
  let readLeft = 0;
  const mediaBlocksLeft = new Set<number>();
  for (const line of story.lines) {
    const end = start + line.words;
    if (line.kind === 'read') readLeft += Math.max(0, end - Math.max(start, at));
    if (end > at) mediaBlocksLeft.add(line.block);
    start = end;
  }
  const mediaLeft = story.media.reduce((t, m) => t + (mediaBlocksLeft.has(m.block) ? m.sec : 0), 0);
  return readSecAt(readLeft, wpm) + mediaLeft;
}

/** A story read whole at this speed, with its media. */
function storySecAt(story: DocStory, wpm: number): number {
  return readSecAt(story.readWords, wpm) + story.mediaSec;
}

export function prompterTimes(
  doc: PrompterDocument,
  w: number,
  wpm: number,
  show: RundownView | null,
): PrompterTimes {
  const index = storyIndexAt(doc, w);
  const story = doc.stories[index];
  if (!story) return { storyIndex: -1, storyLeftSec: 0, showLeftSec: 0, overUnderSec: null };
  const bound = storyBounds(doc)[index]!;
  const left = story.words > 0 ? Math.min(1, Math.max(0, (bound.end - w) / story.words)) : 0;
  const storyLeftSec = storyLeftAt(story, w - bound.start, wpm);

  if (!show) {
    const after = doc.stories.slice(index + 1).reduce((t, s) => t + storySecAt(s, wpm), 0);
    const single = doc.stories.length === 1 && story.targetSec !== null;
    return {
      storyIndex: index,
      storyLeftSec,
      showLeftSec: storyLeftSec + after,
      overUnderSec: single ? storySecAt(story, wpm) - story.targetSec! : null,
    };
  }

  // The rundown's rows, with every story from the one at the reading line on timed at this
  // speed when its time comes from its script (a typed estimate or an actual time stands).
  const byRow = new Map(doc.stories.map((s) => [s.rowId, s]));
  const currentRow = show.lines.findIndex((l) => l.row.id === story.rowId);
  let showLeftSec = 0;
  const rows = show.lines.map((line, i) => {
    const prompted = byRow.get(line.row.id);
    const fromScript =
      prompted !== undefined && line.row.estSec === null && line.row.actualSec === null;
    const durSec = i >= currentRow && fromScript ? storySecAt(prompted, wpm) : line.durSec;
    if (!line.row.floated) {
      if (i === currentRow) showLeftSec += fromScript ? storyLeftSec : left * line.durSec;
      else if (i > currentRow) showLeftSec += durSec;
    }
    return { durSec, floated: line.row.floated, hitSec: line.row.hitSec };
  });
  const timing = showTiming(rows, show.onAirSec, show.offAirSec);
  return {
    storyIndex: index,
    storyLeftSec,
    showLeftSec,
    overUnderSec: currentRow < 0 ? null : timing.overUnderSec,
  };
}
