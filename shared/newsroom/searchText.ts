import type { Story } from '../story/model';
import { storySearchText } from '../story/text';

/**
 * What the newsroom server indexes for a story, and how a reporter's query becomes a PostgreSQL
 * tsquery against it.
 *
 * PostgreSQL's `simple` configuration splits text at spaces and punctuation and lowercases it,
 * with no stemming. That finds English, names and numbers, but Korean, Chinese and Japanese are
 * not written as words between spaces: `김민지가` (Kim Min-ji + a particle) is one "word", so a
 * search for `김민지` would never find it. So before PostgreSQL sees the text, every run of
 * Hangul, Han, Hiragana or Katakana is cut into overlapping two-character pieces (`김민 민지
 * 지가`), and a query's CJK terms are cut the same way and searched as a phrase of pieces
 * (`김민 <-> 민지`). A single character is searched as the start of a piece (`김:*`). The pieces
 * sit in an ordinary tsvector with a GIN index, so CJK search is as fast as English.
 */

const CJK = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CJK_RUNS =
  /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|[^\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

/** The letters-and-digits words of a text, as the index sees them. */
function words(text: string): string[] {
  return text.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

/** One word as index tokens: lowercase, with every CJK run cut into two-character pieces. */
function wordTokens(word: string): string[] {
  const out: string[] = [];
  for (const part of word.match(CJK_RUNS) ?? []) {
    if (!CJK.test(part)) {
      out.push(part.toLowerCase());
      continue;
    }
    const chars = [...part];
    if (chars.length === 1) out.push(part);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/** Text as the tokens the index holds, space-separated, in order (phrases keep their places). */
export function indexTokens(text: string): string {
  return words(text).flatMap(wordTokens).join(' ');
}

/** Everything a newsroom search finds a story by: slug, people, tags and the whole script. */
export function storySearchDocument(story: Story): string {
  return indexTokens(
    [
      story.slug,
      story.presenter,
      story.reporter,
      story.tags.join(' '),
      storySearchText(story),
    ].join('\n'),
  );
}

/**
 * A reporter's query as `to_tsquery('simple', …)` text, with the same syntax as the desk's own
 * search: words (all must appear), "exact phrases", prefix*, and -excluded. Only letters and
 * digits reach the tsquery, so nothing typed can be read as tsquery syntax. Null when nothing is
 * searched for.
 */
export function newsroomTsQuery(input: string): string | null {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const match of input.normalize('NFC').matchAll(/(-?)"([^"]*)"?|(\S+)/gu)) {
    const [, minus, phrase, bare] = match;
    if (phrase !== undefined) {
      const term = phraseTerm(words(phrase).flatMap(wordTokens), false, false);
      if (term) (minus ? exclude : include).push(term);
      continue;
    }
    let token = bare!;
    const negated = token.length > 1 && token.startsWith('-');
    if (negated) token = token.slice(1);
    const prefix = /[\p{L}\p{N}]\*+$/u.test(token);
    const parts = words(token);
    const single = parts.length === 1 && [...parts[0]!].length === 1 && CJK.test(parts[0]!);
    const term = phraseTerm(parts.flatMap(wordTokens), prefix, single);
    if (term) (negated ? exclude : include).push(term);
  }
  if (include.length === 0) return null;
  return [...include, ...exclude.map((t) => `!${t}`)].join(' & ');
}

function phraseTerm(tokens: readonly string[], prefix: boolean, single: boolean): string | null {
  if (tokens.length === 0) return null;
  const last = tokens.length - 1;
  const parts = tokens.map((t, i) => (i === last && (prefix || single) ? `${t}:*` : t));
  return parts.length === 1 ? parts[0]! : `(${parts.join(' <-> ')})`;
}

/** The plain words of a query that a snippet can point at (phrases and prefixes as typed). */
export function snippetTerms(input: string): string[] {
  const terms: string[] = [];
  for (const match of input.normalize('NFC').matchAll(/(-?)"([^"]*)"?|(\S+)/gu)) {
    const [, minus, phrase, bare] = match;
    if (minus || bare?.startsWith('-')) continue;
    const text = (phrase ?? bare ?? '').replace(/\*+$/, '').trim();
    if (text) terms.push(text);
  }
  return terms;
}
