import type { Run, Story } from '../story/model';
import type { PrompterOptions } from '../export/options';
import {
  DEFAULT_TIMING,
  formatDuration,
  formatEstimated,
  mediaDurationLabel,
  storyTiming,
  type TimingSettings,
} from '../story/timing';
import { replaceNoncharacters } from '../story/noncharacters';

/**
 * What a prompter shows for a story, line by line, before any file format is chosen: the
 * prompter exports (main/export/prompter*.ts) and Copydesk's own prompter (renderer/prompter/)
 * only decide how each kind of line looks. `block` is the index in the story's body the line
 * comes from (-1 for the slug and the meta line), so a live prompter can tell which lines an
 * edit touched.
 */
type LineContent =
  | { kind: 'slug'; text: string }
  | { kind: 'meta'; text: string }
  | { kind: 'read'; runs: Run[] }
  | { kind: 'cue'; text: string }
  | { kind: 'instruction'; text: string }
  | { kind: 'copy'; text: string };
export type PrompterLine = LineContent & { block: number };

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
  const lines: PrompterLine[] = [{ kind: 'slug', text: caps(slug, options), block: -1 }];
  if (cues) {
    const meta = [
      story.format,
      story.presenter && `Presenter: ${story.presenter}`,
      `Read ${formatDuration(times.readSec)}`,
      `TRT ${formatEstimated(times.totalSec, times.estimatedMedia > 0)}`,
    ].filter(Boolean);
    lines.push({ kind: 'meta', text: caps(meta.join(' · '), options), block: -1 });
  }
  for (const [index, block] of story.body.entries()) {
    const push = (line: LineContent) => lines.push({ ...line, block: index });
    switch (block.type) {
      case 'paragraph':
        push({
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
        if (cues) push({ kind: 'cue', text: caps(block.text, options) });
        break;
      case 'instruction':
        push({ kind: 'instruction', text: caps(parenthesised(block.text), options) });
        break;
      case 'presenter':
        // The presenter needs to see the hand-over even when studio cues are hidden.
        push({
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
          push({ kind: 'cue', text: caps(parts.join(' · '), options) });
          if (options.includePackageCopy) {
            for (const line of block.transcript.split('\n').filter(Boolean)) {
              push({ kind: 'copy', text: caps(line, options) });
            }
          }
        } else {
          // With cues hidden the presenter still has to know when to come back in.
          const outcue = block.outCue ? ` — OUT: “${block.outCue}”` : '';
          push({
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
