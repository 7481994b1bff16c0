import { createHash } from 'node:crypto';
import type { MediaBlock, Run, Story } from '../../../shared/story/model';
import type { ExportOptions } from '../../../shared/export/options';
import {
  DEFAULT_TIMING,
  ZERO_COUNT,
  addCounts,
  countText,
  equivalentRate,
  formatDuration,
  mediaDurationLabel,
  paragraphSpokenText,
  ratesFor,
  storyTiming,
  type TextCount,
  type TimingSettings,
} from '../../../shared/story/timing';
import { xmlElement, xmlEscape } from '../xmlText';

/** Who we are on a MOS link: the newsroom system (NCS) side. */
export const MOS_NCS_ID = 'copydesk.ncs';
/** The prompter we address; a station renames it in its MOS gateway. */
export const MOS_DEVICE_ID = 'prompter.copydesk.mos';
/** The mosID a cue storyItem names: cues are ours, not objects of a MOS device. */
export const MOS_CUE_MOS_ID = 'copydesk.cues.mos';
export const MOS_METADATA_SCHEMA = 'urn:copydesk:mos:story-metadata:1';

/** mosString128 fields hold at most 128 characters; longer cue text goes to mosAbstract. */
const MOS_STRING_MAX = 128;

/**
 * A running order id that depends only on which stories, in which order: the same show exported
 * twice gets the same roID, so a prompter replaces it instead of adding a copy.
 */
export function mosRunningOrderId(stories: readonly Story[]): string {
  const hash = createHash('sha256')
    .update(stories.map((s) => s.id).join(','))
    .digest('hex');
  return `copydesk-ro-${hash.slice(0, 24)}`;
}

/**
 * A rundown sent as a running order: its id (the roID stays the same however the rows move, so
 * a device replaces the running order it has) and its slug. Without one, the stories exported
 * together make an ad-hoc running order.
 */
export type RunningOrder = { id: string; slug: string };

/**
 * The roID a rundown has in the MOS files and on every live MOS link (main/mos): the same show
 * exported and sent is one running order.
 */
export function mosRoId(rundownId: string): string {
  return `copydesk-ro-${rundownId}`;
}

/** A cue's id inside its story: stable while the story's cues stay where they are. */
export function mosItemId(story: Story, cueIndex: number): string {
  return `${story.id}-cue-${cueIndex + 1}`;
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Who a message is between: the device (mosID) and the newsroom system (ncsID). */
export type MosPeers = { mosId: string; ncsId: string };

/** One message as it travels: the `<mos>` envelope around a message body. */
export function mosEnvelope(
  messageId: number,
  body: string,
  peers: MosPeers = { mosId: MOS_DEVICE_ID, ncsId: MOS_NCS_ID },
): string {
  return (
    `<mos>\n${xmlElement('mosID', peers.mosId)}\n${xmlElement('ncsID', peers.ncsId)}\n` +
    `<messageID>${messageId}</messageID>\n${body}\n</mos>\n`
  );
}

function storyNumber(story: Story, index: number): string {
  return story.page ?? String(index + 1);
}

/** Tags and timing travel in our own metadata block, which MOS devices pass on untouched. */
function externalMetadata(story: Story, timing: TimingSettings): string {
  const t = storyTiming(story, timing);
  const payload = [
    xmlElement('format', story.format),
    xmlElement('status', story.status),
    story.reporter && xmlElement('reporter', story.reporter),
    story.page && xmlElement('page', story.page),
    `<tags>${story.tags.map((tag) => xmlElement('tag', tag)).join('')}</tags>`,
    xmlElement('readTime', formatDuration(t.readSec)),
    xmlElement('readSec', t.readSec),
    // Timed media and the read time are facts; an estimate is named as one.
    xmlElement('mediaSec', t.mediaSec - t.estimatedMediaSec),
    xmlElement('totalSec', t.totalSec - t.estimatedMediaSec),
    t.estimatedMedia > 0 && xmlElement('estimatedMediaSec', t.estimatedMediaSec),
    t.estimatedMedia > 0 && xmlElement('estimatedTotalSec', t.totalSec),
    story.targetSec !== undefined && xmlElement('targetSec', story.targetSec),
    xmlElement('modified', story.updatedAt),
  ]
    .filter(Boolean)
    .join('');
  return (
    `<mosExternalMetadata><mosScope>PLAYLIST</mosScope>` +
    `<mosSchema>${MOS_METADATA_SCHEMA}</mosSchema><mosPayload>${payload}</mosPayload>` +
    `</mosExternalMetadata>`
  );
}

function runXml(run: Run): string {
  // A tab is an element of its own in MOS and NSML paragraphs.
  let inner = xmlEscape(run.text).replace(/\t/g, '<tab/>');
  if (run.underline) inner = `<u>${inner}</u>`;
  if (run.italic) inner = `<i>${inner}</i>`;
  if (run.bold) inner = `<b>${inner}</b>`;
  // A pronouncer is seen by the presenter but not read: exactly what `pi` means.
  return run.pronouncer ? `${inner} <pi>(${xmlEscape(run.pronouncer)})</pi>` : inner;
}

export function mediaSummary(block: MediaBlock, timing: TimingSettings = DEFAULT_TIMING): string {
  return [
    block.kind,
    [block.speaker, block.title].filter(Boolean).join(', '),
    block.inCue && `IN: “${block.inCue}”`,
    block.outCue && `OUT: “${block.outCue}”`,
    `DUR ${mediaDurationLabel(block, timing.defaults)}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

function storyItem(
  story: Story,
  cueIndex: number,
  slug: string,
  abstract: string,
  durationSec?: number | null,
): string {
  const duration =
    durationSec === undefined || durationSec === null
      ? ''
      : `<objDur>${durationSec}</objDur><objTB>1</objTB>`;
  return (
    `<storyItem><itemID>${mosItemId(story, cueIndex)}</itemID>` +
    xmlElement('itemSlug', truncate(slug, MOS_STRING_MAX)) +
    `<objID>${mosItemId(story, cueIndex)}</objID><mosID>${MOS_CUE_MOS_ID}</mosID>` +
    xmlElement('mosAbstract', abstract) +
    `${duration}</storyItem>`
  );
}

function storyBody(
  story: Story,
  options: Pick<ExportOptions, 'mosCues'>,
  timing: TimingSettings,
): string {
  const out: string[] = [];
  // Each presenter's read rate as the one rate that times their stretch of copy as we do.
  const stretches: { at: number; name: string; count: TextCount }[] = [];
  const presenter = (name: string) => {
    out.push(xmlElement('storyPresenter', name));
    stretches.push({ at: out.push('') - 1, name, count: ZERO_COUNT });
  };
  presenter(story.presenter);
  let cueIndex = 0;
  const cue = (slug: string, abstract: string, durationSec?: number | null) => {
    if (options.mosCues === 'storyItem')
      out.push(storyItem(story, cueIndex, slug, abstract, durationSec));
    else out.push(`<p><pi>[${xmlEscape(abstract)}]</pi></p>`);
    cueIndex++;
  };
  for (const block of story.body) {
    switch (block.type) {
      case 'paragraph': {
        out.push(`<p>${block.runs.map(runXml).join('')}</p>`);
        const stretch = stretches[stretches.length - 1]!;
        stretch.count = addCounts(stretch.count, countText(paragraphSpokenText(block)));
        break;
      }
      case 'instruction':
        out.push(`<p><pi>${xmlEscape(block.text)}</pi></p>`);
        break;
      case 'cue':
        cue(block.text, block.text);
        break;
      case 'presenter':
        presenter(block.name);
        break;
      case 'media': {
        const summary = mediaSummary(block, timing);
        cue(`${block.kind} ${block.speaker}`.trim(), summary, block.durationSec);
        // The track or the bite's words: package copy the presenter does not read.
        for (const line of block.transcript.split('\n')) {
          if (line !== '') out.push(`<p><pkg>${xmlEscape(line)}</pkg></p>`);
        }
        break;
      }
    }
  }
  for (const { at, name, count } of stretches) {
    out[at] = xmlElement('storyPresenterRR', equivalentRate(count, ratesFor(timing, name)));
  }
  return `<storyBody>\n${out.join('\n')}\n</storyBody>`;
}

/**
 * What `roStorySend` carries of a story besides its ids: the `storyBody` and our metadata. The
 * live MOS link sends the same text as the files.
 */
export function mosStoryText(
  story: Story,
  options: Pick<ExportOptions, 'mosCues'>,
  timing: TimingSettings,
): string {
  return `${storyBody(story, options, timing)}\n${externalMetadata(story, timing)}`;
}

/** Where a story sits: its running order, its storyID there, its slug and number. */
export type StoryPlace = { roId: string; storyId: string; slug: string; num: string };

/** The `roStorySend` message body for a story's text (from mosStoryText) at its place. */
export function roStorySendXml(place: StoryPlace, text: string): string {
  return (
    `<roStorySend>\n${xmlElement('roID', place.roId)}\n${xmlElement('storyID', place.storyId)}\n` +
    `${xmlElement('storySlug', truncate(place.slug || 'UNTITLED', MOS_STRING_MAX))}\n` +
    `${xmlElement('storyNum', place.num)}\n${text}\n</roStorySend>`
  );
}

function roStorySend(
  story: Story,
  index: number,
  roId: string,
  options: ExportOptions,
  timing: TimingSettings,
): string {
  return roStorySendXml(
    { roId, storyId: story.id, slug: story.slug, num: storyNumber(story, index) },
    mosStoryText(story, options, timing),
  );
}

function roCreate(
  stories: readonly Story[],
  roId: string,
  roSlug: string,
  timing: TimingSettings,
): string {
  const items = stories.map(
    (s, i) =>
      `<story><storyID>${s.id}</storyID>${xmlElement('storySlug', s.slug || 'UNTITLED')}` +
      `${xmlElement('storyNum', storyNumber(s, i))}</story>`,
  );
  const total = stories.reduce((sum, s) => sum + storyTiming(s, timing).totalSec, 0);
  return (
    `<roCreate>\n<roID>${roId}</roID>\n${xmlElement('roSlug', truncate(roSlug, MOS_STRING_MAX))}\n` +
    `<roEdDur>${hhmmss(total)}</roEdDur>\n${items.join('\n')}\n</roCreate>`
  );
}

function hhmmss(totalSec: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(totalSec / 3600))}:${pad(Math.floor((totalSec % 3600) / 60))}:${pad(totalSec % 60)}`;
}

/**
 * MOS messages for the stories, in order: one `roStorySend` for a single story; for a show, a
 * `roCreate` running order first and then one `roStorySend` per story. They are written one
 * after another as they would travel on a MOS connection (no XML declaration, no wrapper),
 * numbered from messageID 1.
 */
export function mosMessages(
  stories: readonly Story[],
  options: ExportOptions,
  timing: TimingSettings = DEFAULT_TIMING,
  ro?: RunningOrder,
): string[] {
  const roId = ro ? mosRoId(ro.id) : mosRunningOrderId(stories);
  const messages: string[] = [];
  if (stories.length > 1 || ro) {
    const slug = ro?.slug ?? `${stories[0]!.slug || 'UNTITLED'} +${stories.length - 1}`;
    messages.push(roCreate(stories, roId, slug, timing));
  }
  stories.forEach((story, i) => messages.push(roStorySend(story, i, roId, options, timing)));
  return messages.map((body, i) => mosEnvelope(i + 1, body));
}

/** The file: the messages in UTF-8, or as the wire carries them (UTF-16BE, no BOM). */
export function mosFile(
  stories: readonly Story[],
  options: ExportOptions,
  timing: TimingSettings = DEFAULT_TIMING,
  ro?: RunningOrder,
): { data: string; encoding: 'utf8' | 'base64' } {
  const text = mosMessages(stories, options, timing, ro).join('');
  if (options.mosEncoding === 'utf-8') return { data: text, encoding: 'utf8' };
  const bytes = Buffer.alloc(text.length * 2);
  for (let i = 0; i < text.length; i++) bytes.writeUInt16BE(text.charCodeAt(i), i * 2);
  return { data: bytes.toString('base64'), encoding: 'base64' };
}
