import type { RundownLine } from '../../../shared/rundown/view';
import type { MediaBlock, Run, Story } from '../../../shared/story/model';
import {
  DEFAULT_TIMING,
  equivalentRate,
  mediaDurationLabel,
  ratesFor,
  storyTiming,
  type TimingSettings,
} from '../../../shared/story/timing';
import { xmlEscape } from '../xmlText';

export const NSML_NAMESPACE = 'http://avid.com/nsml';
export const NSML_VERSION = '4.1';
/** The presenter-cue convention inside a `pi`: `PRESENTER: name`. */
export const NSML_PRESENTER_PREFIX = 'PRESENTER: ';

/**
 * The anchored element text for a sound bite or package: one `ap` line per field. A duration
 * estimated from the words is written `1:52 est.` (read back as no duration), as every format
 * marks an estimate.
 */
export function mediaAnchorLines(
  block: MediaBlock,
  settings: TimingSettings = DEFAULT_TIMING,
): string[] {
  return [
    `${block.kind}: ${block.speaker}`,
    `TITLE: ${block.title}`,
    `IN: ${block.inCue}`,
    `OUT: ${block.outCue}`,
    `DUR: ${mediaDurationLabel(block, settings.defaults)}`,
  ];
}

function runNsml(run: Run): string {
  // A tab is an element of its own in MOS and NSML paragraphs.
  let inner = xmlEscape(run.text).replace(/\t/g, '<tab/>');
  if (run.underline) inner = `<u>${inner}</u>`;
  if (run.italic) inner = `<i>${inner}</i>`;
  if (run.bold) inner = `<b>${inner}</b>`;
  return run.pronouncer ? `${inner} <pi>(${xmlEscape(run.pronouncer)})</pi>` : inner;
}

function field(
  kind: 'string' | 'duration' | 'date' | 'time',
  id: string,
  value: string | number,
): string {
  return `<${kind} id="${id}">${xmlEscape(String(value))}</${kind}>`;
}

/**
 * An Avid iNEWS story as NSML 4.1 (XML, UTF-8). Read text is `p`; presenter instructions are
 * `pi` paragraphs; production cues, sound bites and packages are anchored elements (`ae` in the
 * `aeset`, referenced by `<a idref>` from an otherwise empty paragraph, as iNEWS anchors them);
 * a bite's or package's words are caption-only `cc` paragraphs under its anchor. Times are in
 * seconds, `modify-date` in epoch seconds.
 */
export function storyToNsml(
  story: Story,
  settings: TimingSettings = DEFAULT_TIMING,
  row?: Pick<RundownLine, 'page' | 'clock'>,
): string {
  const timing = storyTiming(story, settings);
  const body: string[] = [];
  const anchored: string[] = [];
  const anchor = (lines: readonly string[]) => {
    const id = anchored.length;
    // iNEWS numbers anchored elements 0–255; a longer list keeps counting, which readers accept.
    anchored.push(`<ae id="${id}">${lines.map((l) => `<ap>${xmlEscape(l)}</ap>`).join('')}</ae>`);
    body.push(`<p><a idref="${id}"/></p>`);
  };
  for (const block of story.body) {
    switch (block.type) {
      case 'paragraph':
        body.push(`<p>${block.runs.map(runNsml).join('')}</p>`);
        break;
      case 'instruction':
        body.push(`<p><pi>${xmlEscape(block.text)}</pi></p>`);
        break;
      case 'presenter':
        body.push(`<p><pi>${xmlEscape(NSML_PRESENTER_PREFIX + block.name)}</pi></p>`);
        break;
      case 'cue':
        anchor([block.text]);
        break;
      case 'media':
        anchor(mediaAnchorLines(block, settings));
        if (block.transcript !== '') {
          for (const line of block.transcript.split('\n'))
            body.push(`<p><cc>${xmlEscape(line)}</cc></p>`);
        }
        break;
    }
  }
  const counted = timing.read.words + timing.read.hangul + timing.read.cjk;
  // words ÷ rate gives back our read time, whatever mix of words and syllables the copy is.
  const rate = equivalentRate(
    timing.read,
    ratesFor(settings, story.presenter),
    counted > 0 ? timing.readExactSec : undefined,
  );
  // Times are facts: an estimated package is in its anchor's DUR line, not in tape time.
  const tapeSec = timing.mediaSec - timing.estimatedMediaSec;
  const fields = [
    field('string', 'title', story.slug),
    field('string', 'page-number', row?.page ?? story.page ?? ''),
    field('string', 'presenter', story.presenter),
    field('string', 'writer', story.reporter),
    field('string', 'format', story.format),
    field('string', 'keywords', story.tags.join(', ')),
    field('duration', 'audio-time', timing.readSec),
    field('duration', 'tape-time', tapeSec),
    field('duration', 'runs-time', timing.readSec + tapeSec),
    field('duration', 'total-time', timing.readSec + tapeSec),
    ...(story.targetSec === undefined ? [] : [field('duration', 'est-duration', story.targetSec)]),
    field('date', 'modify-date', Math.floor(Date.parse(story.updatedAt) / 1000)),
    // From the rundown the story was exported from: back-time as a time of day in seconds from
    // midnight (iNEWS shows it as a clock), cume-time as seconds from the top of the show.
    ...(row?.clock
      ? [
          field('time', 'back-time', row.clock.backSec % (24 * 3600)),
          field('duration', 'cume-time', row.clock.cumeSec),
        ]
      : []),
  ];
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<nsml xmlns="${NSML_NAMESPACE}" version="${NSML_VERSION}">\n` +
    `<head>\n<meta words="${counted}" rate="${rate}" wordlength="${wordLength(story, counted)}"/>\n` +
    `<storyid>${story.id}</storyid>\n<formname>COPYDESK</formname>\n</head>\n` +
    `<fields>\n${fields.join('\n')}\n</fields>\n` +
    `<body>\n${body.join('\n')}\n</body>\n` +
    `<aeset>\n${anchored.join('\n')}\n</aeset>\n</nsml>\n`
  );
}

/**
 * NSML's `wordlength` is the average characters per counted word that iNEWS uses to turn a
 * character count into words; we give the average of the read text, at least 1.
 */
function wordLength(story: Story, counted: number): number {
  let chars = 0;
  for (const b of story.body) {
    if (b.type === 'paragraph') for (const r of b.runs) chars += r.text.replace(/\s+/g, '').length;
  }
  return counted === 0 ? 6 : Math.max(1, Math.round(chars / counted));
}
