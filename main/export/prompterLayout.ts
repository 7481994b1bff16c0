import type { Run, Story } from '../../shared/story/model';
import type { PrompterOptions } from '../../shared/export/options';
import {
  DEFAULT_TIMING,
  formatDuration,
  formatEstimated,
  mediaDurationLabel,
  storyTiming,
  type TimingSettings,
} from '../../shared/story/timing';
import { replaceNoncharacters } from '../../shared/story/noncharacters';

/**
 * What a prompter shows for a story, line by line, before any file format is chosen.
 * The text and RTF writers only decide how each kind of line looks.
 */
export type PrompterLine =
  | { kind: 'slug'; text: string }
  | { kind: 'meta'; text: string }
  | { kind: 'read'; runs: Run[] }
  | { kind: 'cue'; text: string }
  | { kind: 'instruction'; text: string }
  | { kind: 'copy'; text: string };

/**
 * Text as the prompter shows it: upper case when asked, and Unicode non-characters (which
 * prompters and players choke on) replaced with U+FFFD. Never a pronouncer's case: its capitals
 * mark the stressed syllables.
 */
function caps(text: string, options: PrompterOptions): string {
  const safe = replaceNoncharacters(text);
  return options.allCaps ? safe.toUpperCase() : safe;
}

function parenthesised(text: string): string {
  return /^\(.*\)$/su.test(text) ? text : `(${text})`;
}

export function prompterLines(
  story: Story,
  options: PrompterOptions,
  timing: TimingSettings = DEFAULT_TIMING,
): PrompterLine[] {
  const cues = options.cues !== 'hidden';
  const times = storyTiming(story, timing);
  // The page number leads the slug (`A3 HARBOR FIRE`): it is how a show's stories are called.
  const slug = `${story.page ? `${story.page} ` : ''}${story.slug || 'UNTITLED'}`;
  const lines: PrompterLine[] = [{ kind: 'slug', text: caps(slug, options) }];
  if (cues) {
    const meta = [
      story.format,
      story.presenter && `Presenter: ${story.presenter}`,
      `Read ${formatDuration(times.readSec)}`,
      `TRT ${formatEstimated(times.totalSec, times.estimatedMedia > 0)}`,
    ].filter(Boolean);
    lines.push({ kind: 'meta', text: caps(meta.join(' · '), options) });
  }
  for (const block of story.body) {
    switch (block.type) {
      case 'paragraph':
        lines.push({
          kind: 'read',
          runs: block.runs.map((r) =>
            r.pronouncer
              ? {
                  ...r,
                  text: caps(r.text, options),
                  pronouncer: replaceNoncharacters(r.pronouncer),
                }
              : { ...r, text: caps(r.text, options) },
          ),
        });
        break;
      case 'cue':
        if (cues) lines.push({ kind: 'cue', text: caps(block.text, options) });
        break;
      case 'instruction':
        lines.push({ kind: 'instruction', text: caps(parenthesised(block.text), options) });
        break;
      case 'presenter':
        // The presenter needs to see the hand-over even when studio cues are hidden.
        lines.push({
          kind: 'instruction',
          text: caps(`(${block.name || 'NEXT PRESENTER'} READS)`, options),
        });
        break;
      case 'media': {
        const time = mediaDurationLabel(block, timing.defaults);
        const duration = `DUR ${time}`;
        const parts = [
          block.kind,
          [block.speaker, block.title].filter(Boolean).join(', '),
          block.inCue && `IN: “${block.inCue}”`,
          block.outCue && `OUT: “${block.outCue}”`,
          duration,
        ].filter(Boolean);
        if (cues) {
          lines.push({ kind: 'cue', text: caps(parts.join(' · '), options) });
          if (options.includePackageCopy) {
            for (const line of block.transcript.split('\n').filter(Boolean)) {
              lines.push({ kind: 'copy', text: caps(line, options) });
            }
          }
        } else {
          // With cues hidden the presenter still has to know when to come back in.
          const outcue = block.outCue ? ` — OUT: “${block.outCue}”` : '';
          lines.push({
            kind: 'instruction',
            text: caps(`(${block.kind} ${time}${outcue})`, options),
          });
        }
        break;
      }
    }
  }
  return lines;
}
