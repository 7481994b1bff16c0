import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../shared/ipc/types';
import type { SearchTerm } from './ftsQuery';

/**
 * A search result's snippet, made from the story's text in JavaScript: up to `size` words around
 * the hits, each hit between SNIPPET_OPEN and SNIPPET_CLOSE, with an ellipsis where the text goes
 * on. FTS5's snippet() does the same in C, but it must find the page's stories in the full-text
 * index again and tokenise each whole text twice: 2–6 ms for a page of 50 on 100,000 stories
 * (Hangul is the dearest), more than the rest of a search. Here the text is read with the page's
 * summaries and scanned once.
 *
 * The words are cut as FTS5's unicode61 tokenizer (remove_diacritics 2) cuts them for nearly all
 * text: letters, digits and marks, folded to lower case without diacritics. Where the two could
 * disagree (a mark FTS5 reads as a separator, a letter newer than its Unicode tables), this finds
 * no hit and returns null, and the caller asks FTS5 for that story's snippet.
 */
export function makeSnippet(text: string, terms: readonly SearchTerm[], size = 16): string | null {
  const wanted = terms.map((t) => ({ words: t.words.map(foldWord), prefix: t.prefix }));
  const tokens: Token[] = [];
  const hits: Hit[] = [];
  // Words far before the first place a term could be are skipped unread: a case-blind search
  // finds that place at native speed (a diacritic can hide it; then reading starts at the top).
  const begin = wordsBefore(text, firstCandidate(text, wanted), size);
  const reader = tokenReader(text, begin);
  // Reading stops once a window holds a hit of every term and is full (a later window could
  // only tie, and ties go to the earlier), or well past the first hit.
  let stopAt = Infinity;
  for (let token = reader(); token && tokens.length < stopAt; token = reader()) {
    tokens.push(token);
    // A term ending at this word (a phrase of n words began n − 1 words back).
    wanted.forEach((term, t) => {
      const n = term.words.length;
      const first = tokens.length - n;
      if (first < 0) return;
      for (let k = 0; k < n; k++) {
        const token = tokens[first + k]!;
        const want = term.words[k]!;
        const prefix = term.prefix && k === n - 1;
        // Most words are told apart by their length alone (an ASCII word keeps it when folded).
        const length = token.to - token.from;
        if (token.ascii && (prefix ? length < want.length : length !== want.length)) return;
        const word = folded(text, token);
        if (!(prefix ? word.startsWith(want) : word === want)) return;
      }
      hits.push({ first, last: tokens.length - 1, term: t });
      if (hits.length === 1) stopAt = first + LOOK_AHEAD * size;
      if (coversAll(hits, size, terms.length)) stopAt = Math.min(stopAt, first + size);
    });
  }
  if (hits.length === 0) return null;
  const more = reader() !== null;
  const start = bestStart(text, tokens, hits, size, terms.length, more, begin === 0);
  const end = Math.min(tokens.length, start + size);
  return render(
    text,
    tokens,
    hits,
    start,
    end,
    begin > 0 || start > 0,
    more || end < tokens.length,
  );
}

/** The first `size` words of a text, as a snippet without hits. */
export function leadSnippet(text: string, size = 16): string {
  const reader = tokenReader(text, 0);
  const tokens: Token[] = [];
  for (let token = reader(); token && tokens.length < size; token = reader()) tokens.push(token);
  if (tokens.length === 0) return '';
  return render(text, tokens, [], 0, tokens.length, false, reader() !== null);
}

/** How far past the first hit a window holding more of the terms is looked for, in windows. */
const LOOK_AHEAD = 8;

/** The first place (a UTF-16 offset) where a term's first word appears, ignoring case. */
function firstCandidate(text: string, wanted: readonly { words: string[] }[]): number {
  const lower = text.toLowerCase();
  // Lower-casing changed the text's length (a dotted capital I): offsets would not match.
  if (lower.length !== text.length) return 0;
  let first = Infinity;
  for (const term of wanted) {
    const at = lower.indexOf(term.words[0]!);
    if (at >= 0 && at < first) first = at;
  }
  return first === Infinity ? 0 : first;
}

/** The offset `count` words before `at` (or the start of the text). */
function wordsBefore(text: string, at: number, count: number): number {
  let i = at;
  let words = 0;
  let inWord = false;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    const word = c < 0x80 ? ASCII_WORD[c] === 1 : true;
    if (!word && inWord && ++words > count) return i;
    inWord = word;
    i--;
  }
  return 0;
}

/** Whether the hits within one window ending at the latest hit cover every term. */
function coversAll(hits: readonly Hit[], size: number, terms: number): boolean {
  if (terms === 1) return true;
  const latest = hits.at(-1)!;
  const seen = new Set<number>();
  for (let i = hits.length - 1; i >= 0 && hits[i]!.first > latest.last - size; i--)
    seen.add(hits[i]!.term);
  return seen.size === terms;
}

type Token = { from: number; to: number; ascii: boolean; folded?: string };
type Hit = { first: number; last: number; term: number };

function folded(text: string, token: Token): string {
  if (token.folded === undefined) {
    const word = text.slice(token.from, token.to);
    token.folded = token.ascii ? word.toLowerCase() : foldWord(word);
  }
  return token.folded;
}

/**
 * FTS5's choice, in short: the window (of `size` words) holding the most different terms, then
 * the most hits; one that starts a sentence is preferred; the hits sit in its middle otherwise.
 */
function bestStart(
  text: string,
  tokens: readonly Token[],
  hits: readonly Hit[],
  size: number,
  terms: number,
  /** Words follow the ones read: a window may run past them. */
  more: boolean,
  /** The first word read is the text's first word (a sentence start). */
  fromTop: boolean,
) {
  const last = more ? Infinity : Math.max(0, tokens.length - size);
  let best = { score: -1, start: 0 };
  for (const hit of hits) {
    let span = hit.last - hit.first + 1;
    for (const h of hits)
      if (h.first >= hit.first && h.last < hit.first + size)
        span = Math.max(span, h.last - hit.first + 1);
    const centred = Math.min(last, Math.max(0, hit.first - Math.floor((size - span) / 2)));
    const sentence = sentenceStart(text, tokens, hit.first, size, fromTop);
    const candidates = [{ start: centred, bonus: 0 }];
    // A sentence start is taken as it is, even if the window then runs short at the end.
    if (sentence !== null && hit.first - sentence < size)
      candidates.push({ start: sentence, bonus: 120 });
    for (const c of candidates) {
      const covered = hits.filter((h) => h.first >= c.start && h.last < c.start + size);
      const distinct = new Set(covered.map((h) => h.term)).size;
      const score = distinct * 1000 + covered.length + c.bonus;
      if (score > best.score) best = { score, start: c.start };
    }
    if (best.score >= terms * 1000 + 120) break;
  }
  return best.start;
}

/** The first word of the sentence the word at `index` is in, if it is fewer than `size` back. */
function sentenceStart(
  text: string,
  tokens: readonly Token[],
  index: number,
  size: number,
  fromTop: boolean,
): number | null {
  for (let j = index; j >= 0 && j > index - size; j--) {
    if (j === 0) return fromTop ? 0 : null;
    if (SENTENCE_END.test(text.slice(tokens[j - 1]!.to, tokens[j]!.from))) return j;
  }
  return null;
}

const SENTENCE_END = /[.!?\n\u3002]/;

function render(
  text: string,
  tokens: readonly Token[],
  hits: readonly Hit[],
  start: number,
  end: number,
  /** The text has words before the window, and after it. */
  before: boolean,
  after: boolean,
): string {
  const opens = new Set<number>();
  const closes = new Set<number>();
  // Hits cut by the window's edge are not marked. Overlapping hits share one mark, as FTS5's do
  // (touching ones keep their own).
  const spans = hits
    .filter((h) => h.first >= start && h.last < end)
    .map((h) => [h.first, h.last] as const)
    .sort((a, b) => a[0] - b[0]);
  let open: [number, number] | null = null;
  for (const [a, b] of spans) {
    if (open && a <= open[1]) open[1] = Math.max(open[1], b);
    else {
      if (open) {
        opens.add(open[0]);
        closes.add(open[1]);
      }
      open = [a, b];
    }
  }
  if (open) {
    opens.add(open[0]);
    closes.add(open[1]);
  }
  let out = before ? '…' : '';
  for (let i = start; i < end; i++) {
    const token = tokens[i]!;
    if (i > start) out += text.slice(tokens[i - 1]!.to, token.from);
    if (opens.has(i)) out += SNIPPET_OPEN;
    out += text.slice(token.from, token.to);
    if (closes.has(i)) out += SNIPPET_CLOSE;
  }
  // Past the last word, the text's own ending (its full stop) is kept.
  out += after ? '…' : text.slice(tokens[end - 1]!.to);
  return out;
}

const wordChar = new Map<number, boolean>();
const WORD_CHAR = /^[\p{L}\p{N}\p{M}\p{Co}]$/u;

/** Whether unicode61 keeps a code point beyond ASCII inside a word: letters, digits, marks. */
function isWordChar(cp: number): boolean {
  if (cp >= 0xac00 && cp <= 0xd7a3) return true; // Hangul syllables
  if (cp >= 0x4e00 && cp <= 0x9fff) return true; // CJK ideographs
  let known = wordChar.get(cp);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(cp));
    wordChar.set(cp, known);
  }
  return known;
}

/** Reads the words of `text` one at a time, each with its place. */
function tokenReader(text: string, from: number): () => Token | null {
  let i = from;
  return () => {
    let from = -1;
    let ascii = true;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (ASCII_WORD[c] === 1) {
          if (from < 0) from = i;
        } else if (from >= 0) break;
        i++;
        continue;
      }
      const cp = text.codePointAt(i)!;
      if (isWordChar(cp)) {
        if (from < 0) from = i;
        ascii = false;
      } else if (from >= 0) break;
      i += cp > 0xffff ? 2 : 1;
    }
    return from < 0 ? null : { from, to: i, ascii };
  };
}

/** 1 for the ASCII characters unicode61 keeps in a word: letters and digits. */
const ASCII_WORD = new Uint8Array(128).map((_, c) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0,
);

/** Plain ASCII letters and digits, Hangul, kana and CJK: no case or diacritics to fold. */
// eslint-disable-next-line no-control-regex -- all of ASCII, control characters included
const PLAIN = /^[\u0000-\u007f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]*$/;

/** A word as unicode61 indexes it: lower case, diacritics removed. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  if (PLAIN.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(/\p{Mn}+/gu, '')
    .normalize('NFC');
}
