import { storyIndexAt, type PrompterDocument } from '../../shared/prompter/document';
import type { Motion } from '../../shared/prompter/motion';
import type { PrompterState } from '../../shared/prompter/remote';
import { prompterTimes, type PrompterTimes } from '../../shared/prompter/timers';
import type { RundownView } from '../../shared/rundown/view';

/** The prompter as the remote control and the operator's clocks see it, at position `w`. */
export function prompterState(
  doc: PrompterDocument,
  motion: Motion,
  w: number,
  view: RundownView | null,
  elapsedSec: number,
): PrompterState & { times: PrompterTimes } {
  const times = prompterTimes(doc, w, motion.wordsPerMinute, view);
  const story = doc.stories[storyIndexAt(doc, w)];
  return {
    title: doc.title.slice(0, 200),
    playing: motion.playing,
    direction: motion.direction > 0 ? 'forward' : 'reverse',
    wpm: motion.wordsPerMinute,
    story: story
      ? {
          number: times.storyIndex + 1,
          page: story.page.slice(0, 12),
          slug: (story.slug || 'UNTITLED').slice(0, 200),
        }
      : null,
    stories: doc.stories.length,
    progress: doc.words > 0 ? Math.min(1, Math.max(0, w / doc.words)) : 0,
    elapsedSec: Math.round(elapsedSec * 10) / 10,
    storyLeftSec: Math.round(times.storyLeftSec),
    showLeftSec: Math.round(times.showLeftSec),
    overUnderSec: times.overUnderSec === null ? null : Math.round(times.overUnderSec),
    times,
  };
}
