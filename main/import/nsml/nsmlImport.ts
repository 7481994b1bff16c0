import type { Block, MediaBlock, Run, StoryFormat } from '../../../shared/story/model';
import { MAX_SLUG_CHARS, STORY_FORMATS } from '../../../shared/story/model';
import { normalizeRuns } from '../../../shared/story/text';
import { mergeTags } from '../../../shared/story/model';
import { foldControls } from '../../../shared/story/controlChars';
import { parseDuration } from '../../../shared/story/timing';
import { MAX_LENGTH_SEC } from '../../../shared/story/model';
import { ServiceError } from '../../common/errors';
import {
  childElements,
  findElement,
  parseMarkup,
  textOf,
  type MarkupElement,
  type MarkupNode,
} from './markup';

/** What an NSML story becomes: the fields and body of a new story. */
export type NsmlStory = {
  slug: string;
  format: StoryFormat;
  presenter: string;
  reporter: string;
  page?: string;
  targetSec?: number;
  tags: string[];
  body: Block[];
  /** The times the file says it has, in seconds, for a caller to compare or show. */
  fieldTimes: { audio?: number; tape?: number; total?: number };
};

/** Does this text look like an NSML story (either generation)? */
export function looksLikeNsml(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<nsml[\s>]/i.test(text.slice(0, 2000));
}

const PRESENTER = /^PRESENTER:\s?(.*)$/s;
const MEDIA_HEAD = /^(SOT|PKG):\s?(.*)$/s;

/**
 * Reads an iNEWS story, NSML 4.x XML or the SGML-like NSML 1.0, into our model. Fields map to
 * the story's metadata; `p` to read text (with b/i/u), `pi` paragraphs to presenter
 * instructions (`PRESENTER: name` to a presenter cue), a `pi` right after a word in parentheses
 * to that word's pronouncer, anchored elements to production cues (or to a sound bite or package
 * when they carry our SOT/PKG lines) and `cc` paragraphs under a bite to its words.
 */
export function parseNsml(text: string, fileLabel: string): NsmlStory {
  const root = parseMarkup(text);
  const nsml = findElement(root, 'nsml');
  if (!nsml) {
    throw new ServiceError('BAD_FILE', `${fileLabel} is not an NSML story. Nothing was imported.`);
  }
  const fields = readFields(nsml);
  const anchors = readAnchors(nsml);
  const bodyElement = findElement(nsml, 'body');
  const body = bodyElement ? readBody(bodyElement, anchors) : [];
  const format = (fields.get('format') ?? '').toUpperCase();
  const page = clean(fields.get('page-number') ?? '').slice(0, 12);
  const target = parseTime(fields.get('est-duration'));
  return {
    slug: clean(fields.get('title') ?? '').slice(0, MAX_SLUG_CHARS),
    format: (STORY_FORMATS as readonly string[]).includes(format)
      ? (format as StoryFormat)
      : body.some((b) => b.type === 'media' && b.kind === 'PKG')
        ? 'PKG'
        : body.some((b) => b.type === 'media')
          ? 'SOT'
          : 'READER',
    presenter: clean(fields.get('presenter') ?? '').slice(0, 120),
    reporter: clean(fields.get('writer') ?? '').slice(0, 120),
    ...(page ? { page } : {}),
    ...(target === undefined ? {} : { targetSec: target }),
    tags: mergeTags(
      [],
      (fields.get('keywords') ?? '')
        .split(',')
        .map((t) => clean(t).replace(/#/g, '').slice(0, 40).trim())
        .filter((t) => t !== ''),
    ).slice(0, 30),
    body,
    fieldTimes: {
      audio: parseTime(fields.get('audio-time')),
      tape: parseTime(fields.get('tape-time')),
      total: parseTime(fields.get('total-time')),
    },
  };
}

function clean(text: string): string {
  return foldControls(text).trim();
}

/** NSML times are seconds (`105`) in 4.x and often `1:45` in older exports. */
function parseTime(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = parseDuration(value);
  return seconds === null ? undefined : Math.min(seconds, MAX_LENGTH_SEC);
}

/** 4.x writes `<string id=title>`, `<duration ...>`; 1.0 writes `<f id=title>`: any will do. */
function readFields(nsml: MarkupElement): Map<string, string> {
  const out = new Map<string, string>();
  const fields = findElement(nsml, 'fields');
  if (!fields) return out;
  for (const f of childElements(fields)) {
    const id = f.attrs.id?.toLowerCase();
    if (id && !out.has(id)) out.set(id, textOf(f));
  }
  return out;
}

function readAnchors(nsml: MarkupElement): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const aeset = findElement(nsml, 'aeset');
  if (!aeset) return out;
  for (const ae of childElements(aeset, 'ae')) {
    const lines: string[] = [];
    const collect = (el: MarkupElement) => {
      for (const child of childElements(el)) {
        if (child.name === 'ap') lines.push(clean(textOf(child)));
        else collect(child);
      }
    };
    collect(ae);
    out.set(ae.attrs.id ?? String(out.size), lines);
  }
  return out;
}

function anchorBlock(lines: readonly string[]): Block {
  const head = MEDIA_HEAD.exec(lines[0] ?? '');
  if (head) {
    const field = (name: string) => {
      const line = lines.find((l) => l.startsWith(`${name}:`));
      return line === undefined ? '' : line.slice(name.length + 1).replace(/^ /, '');
    };
    const dur = field('DUR');
    const media: MediaBlock = {
      type: 'media',
      kind: head[1] as 'SOT' | 'PKG',
      speaker: head[2]!,
      title: field('TITLE'),
      inCue: field('IN'),
      outCue: field('OUT'),
      durationSec: (dur === '?' ? undefined : parseTime(dur)) ?? null,
      transcript: '',
    };
    return media;
  }
  return { type: 'cue', text: lines.filter((l) => l !== '').join(' ') };
}

/** Stands for a source line break while a paragraph is read; story text never holds NUL. */
const BREAK = '\0';

type Mark = { bold?: true; italic?: true; underline?: true };

function readBody(body: MarkupElement, anchors: Map<string, string[]>): Block[] {
  const blocks: Block[] = [];
  // Each bite's or package's words, line by line, from the `cc` paragraphs under its anchor.
  const transcripts = new Map<MediaBlock, string[]>();
  for (const p of childElements(body, 'p')) {
    const meaningful = p.children.filter((c) => !(c.kind === 'text' && c.text.trim() === ''));
    const only = (name: string) =>
      meaningful.length > 0 && meaningful.every((c) => c.kind === 'element' && c.name === name);
    if (meaningful.length === 0) continue;
    if (only('cc')) {
      const line = foldControls(meaningful.map(textOf).join(' '));
      const last = blocks[blocks.length - 1];
      if (last?.type === 'media') {
        const lines = transcripts.get(last) ?? [];
        lines.push(line);
        transcripts.set(last, lines);
      } else if (line.trim() !== '') blocks.push({ type: 'cue', text: `CC: ${line.trim()}` });
      continue;
    }
    if (only('pi') && meaningful.length === 1) {
      const text = foldControls(textOf(meaningful[0]!));
      const presenter = PRESENTER.exec(text);
      blocks.push(
        presenter
          ? { type: 'presenter', name: presenter[1]!.slice(0, 120) }
          : { type: 'instruction', text },
      );
      continue;
    }
    readTextParagraph(p.children, anchors, blocks);
  }
  for (const [media, lines] of transcripts) media.transcript = lines.join('\n');
  return blocks;
}

function readTextParagraph(
  nodes: readonly MarkupNode[],
  anchors: Map<string, string[]>,
  blocks: Block[],
): void {
  const runs: Run[] = [];
  const before: Block[] = [];
  const walk = (node: MarkupNode, mark: Mark) => {
    if (node.kind === 'text') {
      // Line breaks are markup layout (SGML paragraphs often run to the next line): keep them
      // as a marker for now, dropped at the paragraph's edges and spaces inside it.
      const text = node.text
        .split(/[ \t]*\r?\n[ \t]*/)
        .map(foldControls)
        .join(BREAK);
      if (text !== '') runs.push({ text, ...mark });
      return;
    }
    switch (node.name) {
      case 'b':
        return node.children.forEach((c) => walk(c, { ...mark, bold: true }));
      case 'i':
        return node.children.forEach((c) => walk(c, { ...mark, italic: true }));
      case 'u':
        return node.children.forEach((c) => walk(c, { ...mark, underline: true }));
      case 'tab':
        // Read text keeps its tabs (a writer's indent).
        runs.push({ text: '\t', ...mark });
        return;
      case 'a': {
        const lines = anchors.get(node.attrs.idref ?? '');
        if (lines) before.push(anchorBlock(lines));
        return;
      }
      case 'pi': {
        const text = foldControls(textOf(node));
        const pron = /^\((.+)\)$/s.exec(text.trim());
        // `<i>word</i> <pi>`: the space is a run of its own; the word before it is the one.
        const spaced = runs.length >= 2 && runs[runs.length - 1]!.text === ' ';
        if (pron && spaced && /\S$/.test(runs[runs.length - 2]!.text)) {
          runs.pop();
          const word = runs.pop()!;
          runs.push({ ...word, text: `${word.text} ` });
        }
        const last = runs[runs.length - 1];
        if (last && pron && !last.pronouncer && /\S $/.test(last.text)) {
          // `word (PRO-NOUNCE)`: the pronouncer of the word just before it.
          const split = /^(.*?)(\S+) $/s.exec(last.text)!;
          runs.pop();
          if (split[1]) runs.push({ ...last, text: split[1] });
          runs.push({ ...last, text: split[2]!, pronouncer: pron[1]!.slice(0, 120) });
        } else if (runs.length === 0) before.push({ type: 'instruction', text });
        else runs.push({ text: `(${text.replace(/^\((.*)\)$/s, '$1')})` });
        return;
      }
      case 'cc':
        return;
      default:
        return node.children.forEach((c) => walk(c, mark));
    }
  };
  for (const node of nodes) walk(node, {});
  blocks.push(...before);
  const first = runs[0];
  if (first) runs[0] = { ...first, text: first.text.replace(/^\0+/, '') };
  const last = runs[runs.length - 1];
  if (last) runs[runs.length - 1] = { ...last, text: last.text.replace(/\0+$/, '') };
  const normalized = normalizeRuns(runs.map((r) => ({ ...r, text: r.text.replace(/\0+/g, ' ') })));
  const blank = normalized.every((r) => r.text.trim() === '' && !r.pronouncer);
  if (normalized.length > 0 && !(blank && before.length > 0))
    blocks.push({ type: 'paragraph', runs: normalized });
}
