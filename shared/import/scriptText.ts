import type { Block, MediaBlock, Run, StoryFormat } from '../story/model';
import { parseLength } from '../story/timing';
import { MAX_SLUG_CHARS, MAX_TAG_CHARS, STORY_FORMATS } from '../story/model';
import { CONTROL_RUNS } from '../story/controlChars';
import { residueOf } from './residueRules';
import { storyCopyText } from '../story/text';
import { sameFolded } from '../text/foldCase';

/**
 * Turns a script as a reporter pastes or saves it into structured blocks and metadata.
 * Pure: the file importer (main) and the editor's paste handler (renderer) share it.
 */
export type ParsedScript = {
  slug: string;
  format: StoryFormat;
  presenter: string;
  reporter: string;
  tags: string[];
  body: Block[];
  /** Lines removed as web-page residue, so the UI can say what it dropped. */
  dropped: string[];
  /** The toss and standard outcue lines, when the script has them. */
  toss: string | null;
  outcue: string | null;
  /** Whether the slug and format came from `SLUG:`/`FORMAT:` lines rather than being guessed. */
  statedSlug: boolean;
  statedFormat: boolean;
};

type Item =
  | { kind: 'text'; text: string }
  | { kind: 'media'; block: MediaBlock }
  | { kind: 'cue'; text: string }
  | { kind: 'instruction'; text: string }
  | { kind: 'toss'; text: string; name: string }
  | { kind: 'outcue'; text: string; name: string; station: string };

const NAME_WORD = String.raw`\p{Lu}[\p{L}'’.\-]*`;
const NAME = String.raw`${NAME_WORD}(?: ${NAME_WORD}){1,3}`;
const STATION_WORD = String.raw`[\p{Lu}\p{N}][\p{L}\p{N}&'’.\-]*`;
const STATION = String.raw`${STATION_WORD}(?: ${STATION_WORD}){0,4}`;
const HANGUL_NAME = String.raw`[가-힣]{2,4}`;

const TOSS_EN = new RegExp(
  String.raw`^(?:(?:Our|Correspondent|Reporter) )?(?<name>${NAME}) (?:reports|has (?:more|the story|the details|this report))(?: from [^.]{1,60})?\.$`,
  'u',
);
const TOSS_KO = new RegExp(
  String.raw`^(?<name>${HANGUL_NAME}) ?기자가 (?:보도합니다|전합니다)\.$`,
  'u',
);
const OUTCUE_EN = new RegExp(
  String.raw`^(?<name>${NAME}), (?<station>${STATION})(?:, ${NAME_WORD}(?: ${NAME_WORD}){0,2})?\.$`,
  'u',
);
// `김민지, 아리랑뉴스입니다.` and the more common `아리랑뉴스 김민지입니다.`
const OUTCUE_KO_COMMA = new RegExp(
  String.raw`^(?<name>${HANGUL_NAME}), (?<station>[^,]{1,30}?)입니다\.$`,
  'u',
);
const OUTCUE_KO = new RegExp(
  String.raw`^(?<station>(?:[\p{L}\p{N}]+ )?[\p{L}\p{N}]*(?:뉴스|방송|TV|\p{Lu}{2,})[\p{L}\p{N}]*) (?<name>${HANGUL_NAME})(?: ?기자)?입니다\.$`,
  'u',
);

const HASHTAG_LINE = /^(?:#[\p{L}\p{N}_][\p{L}\p{N}_-]*[\s,]*)+$/u;
const HASHTAG = /#([\p{L}\p{N}_][\p{L}\p{N}_-]*)/gu;
const HEADER = /^(SLUG|FORMAT|ANCHOR|PRESENTER|REPORTER|WRITER|TAGS?)\s*:\s*(.*)$/i;

export function parseScriptText(input: string): ParsedScript {
  const lines = normalizeLines(input);
  const meta = { slug: '', format: '', presenter: '', reporter: '' };
  const tags: string[] = [];
  const dropped: string[] = [];
  const items: Item[] = [];
  let inHeader = true;

  for (const { line, indent } of lines) {
    if (line === '') continue;
    const header = inHeader ? HEADER.exec(line) : null;
    if (header) {
      const key = header[1]!.toUpperCase();
      const value = header[2]!.trim();
      if (key === 'SLUG') meta.slug = value;
      else if (key === 'FORMAT') meta.format = value.toUpperCase();
      else if (key === 'ANCHOR' || key === 'PRESENTER') meta.presenter = value;
      else if (key === 'REPORTER' || key === 'WRITER') meta.reporter = value;
      else addTags(tags, value.split(/[,\s]+/));
      continue;
    }
    inHeader = false;
    if (HASHTAG_LINE.test(line)) {
      addTags(
        tags,
        [...line.matchAll(HASHTAG)].map((m) => m[1]!),
      );
      continue;
    }
    if (residueOf(line)) {
      dropped.push(line);
      continue;
    }
    const item = classify(line);
    // A tab that indents a line of copy is the writer's layout: the prompter keeps it.
    items.push(item.kind === 'text' && indent ? { ...item, text: indent + item.text } : item);
  }

  const { body, toss, outcue, reporter, station } = assemble(groupSoundBites(items));
  const statedFormat = (STORY_FORMATS as readonly string[]).includes(meta.format);
  const format = statedFormat ? (meta.format as StoryFormat) : inferFormat(body);
  return {
    slug: (meta.slug || proposeSlug(body, tags, reporter, station)).slice(0, MAX_SLUG_CHARS),
    format,
    presenter: meta.presenter,
    reporter: meta.reporter || reporter,
    tags,
    body,
    dropped,
    toss,
    outcue,
    statedSlug: meta.slug !== '',
    statedFormat,
  };
}

/** Each line with control characters folded to spaces, trimmed, and the tabs that indented it. */
function normalizeLines(input: string): { line: string; indent: string }[] {
  return input
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((raw) => {
      const tabs = /^[\t \u00A0]*/.exec(raw)![0].replace(/[^\t]/g, '');
      // Tabs and stray control characters inside a line become spaces: the model keeps none.
      const line = raw
        .replace(/\u00A0/g, ' ')
        .replace(CONTROL_RUNS, ' ')
        .replace(/ {2,}/g, ' ')
        .trim();
      return { line, indent: tabs };
    });
}

function addTags(tags: string[], candidates: readonly string[]): void {
  for (const raw of candidates) {
    const tag = raw.replace(/^#+/, '').trim().slice(0, MAX_TAG_CHARS);
    if (tag === '' || tag.includes(',')) continue;
    if (!tags.some((t) => sameFolded(t, tag))) tags.push(tag);
  }
}

function classify(line: string): Item {
  const bracket = /^\[(.+)\]$/u.exec(line);
  if (bracket) return { kind: 'cue', text: bracket[1]!.trim() };
  if (/^\([^()]+\)$/u.test(line)) return { kind: 'instruction', text: line };
  const toss = TOSS_EN.exec(line) ?? TOSS_KO.exec(line);
  if (toss) return { kind: 'toss', text: line, name: toss.groups!.name! };
  const outcue = OUTCUE_EN.exec(line) ?? OUTCUE_KO_COMMA.exec(line) ?? OUTCUE_KO.exec(line);
  if (outcue) {
    return {
      kind: 'outcue',
      text: line,
      name: outcue.groups!.name!,
      station: outcue.groups!.station!,
    };
  }
  return { kind: 'text', text: line };
}

/**
 * The toss is the anchor's last read line before a package; the standard outcue is the
 * reporter's last line on tape. What lies between is the package track, which the anchor
 * does not read: it becomes one PKG block, so read time stays honest.
 */
function assemble(items: readonly Item[]): {
  body: Block[];
  toss: string | null;
  outcue: string | null;
  reporter: string;
  station: string;
} {
  const tossAt = items.findIndex((i) => i.kind === 'toss');
  const toss = tossAt >= 0 ? (items[tossAt] as Extract<Item, { kind: 'toss' }>) : null;
  const outcueAt = findOutcue(items, toss, tossAt);
  const outcue = outcueAt >= 0 ? (items[outcueAt] as Extract<Item, { kind: 'outcue' }>) : null;
  const reporter = toss?.name ?? outcue?.name ?? '';
  const station = outcue?.station ?? '';
  if (toss === null) {
    return {
      body: items.map(toBlock),
      toss: null,
      outcue: outcue?.text ?? null,
      reporter,
      station,
    };
  }

  // The package sits where its track starts; cues written inside the track follow it.
  const trackEnd = outcueAt >= 0 ? outcueAt : items.length - 1;
  const body: (Block | null)[] = [];
  const track: string[] = [];
  let packageAt = -1;
  items.forEach((item, i) => {
    // Cues, instructions and sound bites inside a package's track stay blocks of their own.
    const spoken = item.kind === 'text' || item.kind === 'toss' || item.kind === 'outcue';
    if (i > tossAt && i <= trackEnd && spoken) {
      if (packageAt < 0) packageAt = body.push(null) - 1;
      track.push((item as { text: string }).text.replace(/^\t+/, ''));
    } else {
      body.push(toBlock(item));
    }
  });
  if (packageAt >= 0)
    body[packageAt] = packageBlock(toss.name, station, track, outcue?.text ?? null);
  return {
    body: body.filter((b): b is Block => b !== null),
    toss: toss.text,
    outcue: outcue?.text ?? null,
    reporter,
    station,
  };
}

/** The outcue that closes the toss's package, or, with no toss, a lone outcue ending the script. */
function findOutcue(items: readonly Item[], toss: { name: string } | null, tossAt: number): number {
  if (toss === null) {
    const last = items.length - 1;
    return last >= 0 && items[last]!.kind === 'outcue' ? last : -1;
  }
  for (let i = items.length - 1; i > tossAt; i--) {
    const item = items[i]!;
    if (item.kind === 'outcue' && item.name === toss.name) return i;
  }
  return -1;
}

function toBlock(item: Item): Block {
  switch (item.kind) {
    case 'cue':
      return { type: 'cue', text: item.text };
    case 'instruction':
      return { type: 'instruction', text: item.text };
    case 'media':
      return item.block;
    default:
      return { type: 'paragraph', runs: textRuns(item.text) };
  }
}

// `Raghunathan (RAH-goo-NAH-tun)`, `Kim Min-ji (KIM MIN-jee)`: a phonetic spelling in parentheses
// right after the word or name it belongs to. It must have a hyphen and a capitalised syllable, so
// `(PAUSE)`, `(AP)` and `(three-day)` stay text.
const PRONOUNCER =
  /\(((?:[\p{L}']+-)+[\p{L}']+(?: [\p{L}'-]+)*|(?:[\p{L}']+ )+(?:[\p{L}']+-)+[\p{L}']+(?: [\p{L}'-]+)*)\)/gu;

/** A line of read text as runs, with written pronouncers attached to the words before them. */
export function textRuns(line: string): Run[] {
  const runs: Run[] = [];
  let rest = 0;
  for (const match of line.matchAll(PRONOUNCER)) {
    const phonetic = match[1]!;
    // Phonetic spellings capitalise the stressed syllable; `(three-day)` is not one.
    if (!/\p{Lu}{2,}/u.test(phonetic)) continue;
    const before = line.slice(rest, match.index);
    const tokens = phonetic.split(' ').length;
    // The pronounced term is as many words as the phonetic spelling has, right before it.
    const term = new RegExp(
      `((?:[\\p{L}\\p{N}'’.-]+ ){${tokens - 1}}[\\p{L}\\p{N}'’.-]+) $`,
      'u',
    ).exec(before);
    if (!term) continue;
    const lead = before.slice(0, before.length - term[0].length);
    if (lead) runs.push({ text: `${lead}` });
    runs.push({ text: term[1]!, pronouncer: phonetic });
    rest = match.index + match[0].length;
  }
  if (rest < line.length) runs.push({ text: line.slice(rest) });
  return runs.filter((r) => r.text !== '');
}

const SOT_CUE = /^(?:TAKE\s+)?(?:SOT|SOUND\s?BITE)\b\s*[:—–-]?\s*/iu;
const SOT_END = /^(?:END(?:\s+OF)?\s+SOT|SOT\s+(?:OUT|ENDS)|END)$/iu;
const KEY = /\b(IN|OUT|DUR|TIME|RUNS|TRT|SUPER|CG)\s*[:=]\s*/giu;
const KEY_LINE = /^(?:IN|OUT|DUR|TIME|RUNS|TRT|SUPER|CG)\s*[:=]/iu;

function unquote(value: string): string {
  return value
    .trim()
    .replace(/[\s,;—–-]+$/u, '')
    .replace(/^["“”'‘]+|["“”'’]+$/gu, '')
    .trim();
}

function nameAndTitle(value: string): [string, string] {
  const [name = '', ...title] = unquote(value).split(/\s*[,/|]\s*/u);
  return [name, title.join(', ')];
}

/** Reads `IN: … OUT: … DUR: …` (and SUPER/CG) pairs, in any order, into a sound bite. */
function applyKeys(block: MediaBlock, text: string): void {
  const keys = [...text.matchAll(KEY)];
  keys.forEach((key, i) => {
    const value = text.slice(key.index + key[0].length, keys[i + 1]?.index ?? text.length);
    switch (key[1]!.toUpperCase()) {
      case 'IN':
        block.inCue = unquote(value);
        break;
      case 'OUT':
        block.outCue = unquote(value);
        break;
      case 'SUPER':
      case 'CG':
        [block.speaker, block.title] = nameAndTitle(value);
        break;
      default:
        block.durationSec = parseLength(unquote(value)) ?? block.durationSec;
    }
  });
}

/**
 * A `[TAKE SOT]` cue with its `IN:`, `OUT:`, `DUR:` (and `SUPER:`) lines — bracketed or not, on
 * one line or several — becomes one sound-bite block. Its words follow in quotes, or run to an
 * `[END SOT]` cue.
 */
function groupSoundBites(items: readonly Item[]): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const head = item.kind === 'cue' ? SOT_CUE.exec(item.text) : null;
    if (!head || item.kind !== 'cue') {
      out.push(item);
      continue;
    }
    const block: MediaBlock = {
      type: 'media',
      kind: 'SOT',
      speaker: '',
      title: '',
      inCue: '',
      outCue: '',
      durationSec: null,
      transcript: '',
    };
    const rest = item.text.slice(head[0].length);
    const firstKey = rest.search(KEY);
    const lead = firstKey < 0 ? rest : rest.slice(0, firstKey);
    if (unquote(lead)) [block.speaker, block.title] = nameAndTitle(lead);
    applyKeys(block, rest);
    let j = i + 1;
    for (; j < items.length; j++) {
      const next = items[j]!;
      if ((next.kind === 'cue' || next.kind === 'text') && KEY_LINE.test(next.text))
        applyKeys(block, next.text);
      else break;
    }
    const endAt = items.findIndex((x, k) => k >= j && x.kind === 'cue' && SOT_END.test(x.text));
    const transcript: string[] = [];
    if (endAt >= 0 && items.slice(j, endAt).every((x) => x.kind === 'text')) {
      for (; j < endAt; j++) transcript.push(unquote((items[j] as { text: string }).text));
      j = endAt + 1;
    } else {
      for (; j < items.length; j++) {
        const next = items[j]!;
        if (next.kind !== 'text' || !/^["“]/u.test(next.text)) break;
        transcript.push(unquote(next.text));
      }
    }
    block.transcript = transcript.join('\n');
    if (!block.inCue && block.transcript) block.inCue = firstWords(block.transcript, 3);
    if (!block.outCue && block.transcript) block.outCue = lastWords(transcript.at(-1) ?? '', 3);
    out.push({ kind: 'media', block });
    i = j - 1;
  }
  return out;
}

/** The package: the reporter as its speaker and, from the sign-off, the station as the title. */
function packageBlock(
  speaker: string,
  station: string,
  track: readonly string[],
  outcue: string | null,
): MediaBlock {
  const transcript = track.join('\n');
  return {
    type: 'media',
    kind: 'PKG',
    speaker,
    title: station,
    inCue: firstWords(transcript, 3),
    outCue: outcue ?? lastWords(track[track.length - 1] ?? '', 3),
    durationSec: null,
    transcript,
  };
}

export function firstWords(text: string, n: number): string {
  return text.trim().split(/\s+/).slice(0, n).join(' ');
}

export function lastWords(text: string, n: number): string {
  const words = text.trim().split(/\s+/);
  return words.slice(Math.max(0, words.length - n)).join(' ');
}

function inferFormat(body: readonly Block[]): StoryFormat {
  const kinds = new Set(body.filter((b) => b.type === 'media').map((b) => b.kind));
  if (kinds.has('PKG')) return 'PKG';
  if (kinds.has('SOT')) {
    const vo = body.some((b) => b.type === 'cue' && /\bVO\b/i.test(b.text));
    return vo ? 'VO/SOT' : 'SOT';
  }
  if (body.some((b) => b.type === 'cue' && /\bVO\b/i.test(b.text))) return 'VO';
  return 'READER';
}

const STOPWORDS = new Set(
  (
    'A An And As At But By For From He Her His However I In It Its No Not Of On Or She So That The ' +
    'Their There These They This Those To We What When Where Which While Who Why With You Since ' +
    'After Before Also Just Now Then Still Meanwhile Monday Tuesday Wednesday Thursday Friday ' +
    'Saturday Sunday January February March April May June July August September October ' +
    'November December Mr Mrs Ms Dr US U.S TV'
  ).split(' '),
);
const KOREAN_PARTICLE = /(?:으로|에서|에게|까지|부터|은|는|이|가|을|를|의|에|도|와|과|로)$/u;

/**
 * A slug proposal: the term the story keeps coming back to — an acronym (GSOMIA) or a name
 * written as a run of capitalised words (Harbor Bridge) — plus the runner-up when the winner is a
 * single word. Upper-cased the way rundowns show slugs; the reporter edits it if it is wrong.
 */
export function proposeSlug(
  body: readonly Block[],
  tags: readonly string[],
  reporter: string,
  station = '',
): string {
  let text = storyCopyText(body);
  // The reporter and the station are in every script they file: never the story.
  for (const name of [reporter, station]) if (name) text = text.replaceAll(name, ' ');
  const exclude = new Set([...reporter.split(/\s+/), ...reporter.split(/[\s-]+/)].filter(Boolean));
  const scores = new Map<string, { score: number; first: number; words: number }>();
  let position = 0;
  const bump = (term: string, weight: number, words: number) => {
    const entry = scores.get(term) ?? { score: 0, first: position, words };
    entry.score += weight;
    scores.set(term, entry);
  };
  for (const sentence of text.split(/(?<=[.!?])\s+|\n/u)) {
    const words = (sentence.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).map((raw) =>
      raw.replace(/['’]s$/u, '').replace(/[.'’-]+$/u, ''),
    );
    let run: string[] = [];
    const endRun = () => {
      if (run.length > 1) bump(run.join(' '), 2.5 * (run.length - 1), run.length);
      run = [];
    };
    words.forEach((word, i) => {
      position++;
      const skip = word.length < 2 || STOPWORDS.has(word) || exclude.has(word);
      const capitalised = /^\p{Lu}/u.test(word);
      if (skip || !capitalised || (i === 0 && !/^\p{Lu}{2,}/u.test(word))) endRun();
      if (skip) return;
      if (/^\p{Lu}{2,}[\p{Lu}\p{N}]*$/u.test(word)) bump(word, 4, 1);
      else if (capitalised && i > 0) {
        bump(word, 1, 1);
        run.push(word);
        return;
      } else if (/^[가-힣]{2,}/u.test(word)) {
        const stem = word.replace(KOREAN_PARTICLE, '');
        if (stem.length >= 2) bump(stem, 1, 1);
      }
      if (capitalised && i === 0) run.push(word);
    });
    endRun();
  }
  const ranked = [...scores.entries()]
    .filter(([, v]) => v.score >= 1.5)
    .sort((a, b) => b[1].score - a[1].score || b[1].words - a[1].words || a[1].first - b[1].first);
  const terms: string[] = [];
  for (const [term, v] of ranked) {
    if (terms.some((t) => t.includes(term) || term.includes(t))) continue;
    if (
      terms.length === 0 ||
      (terms.length === 1 && scores.get(terms[0]!)!.words === 1 && v.words === 1)
    )
      terms.push(term);
    if (terms.length === 2 || scores.get(terms[0]!)!.words > 1) break;
  }
  if (terms.length === 0 && tags.length > 0) terms.push(tags[0]!);
  if (terms.length === 0) terms.push(...firstWords(text, 3).split(' ').filter(Boolean));
  return terms.join(' ').toLocaleUpperCase('en-US') || 'UNTITLED';
}
