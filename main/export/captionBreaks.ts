import { displayWidth } from './displayWidth';

/** A piece the caption text breaks between: a word, or one Chinese or Japanese character. */
type Token = { text: string; width: number; spaceAfter: boolean };

const BREAK_ANYWHERE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Punctuation that never starts a line (kinsoku): it stays with the character before it. */
const NO_LINE_START = /^[、。，．！？：；）」』】〉》”’・ー…,.!?;:)\]}]/u;
const SENTENCE_END = /[.!?。！？]["'”’)\]」』]*$/u;
/** `U.S.`, `Mr.`: a full stop that ends no sentence. */
const ABBREVIATION =
  /^(?:(?:\p{L}\.){2,}|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|No|Vs|Inc|Co|Lt|Col|Sgt|Prof)\.?$/u;
const CLAUSE_END = /[,;:、，；：—–]["'”’)\]」』]*$/u;
/** Words a line may start with: a clause begins here. */
const BREAK_BEFORE = new Set(
  'and but or so because which who whom whose that when while after before as if though although where than to'.split(
    ' ',
  ),
);
/** Words that belong with what follows: a line must not end on them. */
const BIND_FORWARD = new Set(
  'a an the of to in on at for with from by into onto about mr mrs ms dr st no'.split(' '),
);

function tokens(text: string, maxWidth: number): Token[] {
  const out: Token[] = [];
  const push = (piece: string, spaceAfter: boolean) => {
    // A piece wider than a line is cut where it must be.
    let part = '';
    for (const ch of piece) {
      if (part !== '' && displayWidth(part + ch) > maxWidth) {
        out.push({ text: part, width: displayWidth(part), spaceAfter: false });
        part = '';
      }
      part += ch;
    }
    if (part !== '') out.push({ text: part, width: displayWidth(part), spaceAfter });
  };
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    if (!BREAK_ANYWHERE.test(word)) {
      push(word, true);
      continue;
    }
    const chars = [...word];
    let piece = '';
    chars.forEach((ch, i) => {
      piece += ch;
      const next = chars[i + 1];
      if (next === undefined || !NO_LINE_START.test(next)) {
        push(piece, next === undefined);
        piece = '';
      }
    });
  }
  return out;
}

function capitalised(word: string): boolean {
  return /^["'“‘(]?\p{Lu}/u.test(word);
}

/** What it costs to end a line or caption after token i: low at sentence and clause ends. */
function breakCost(list: readonly Token[], i: number): number {
  const here = list[i]!.text;
  const next = list[i + 1];
  if (next === undefined) return 0;
  if (SENTENCE_END.test(here) && !ABBREVIATION.test(here)) return 0;
  if (CLAUSE_END.test(here)) return 2;
  const bare = (w: string) => w.replace(/^["'“‘(]+|[.,"'”’)]+$/gu, '').toLowerCase();
  if (BIND_FORWARD.has(bare(here))) return 14;
  // A first and last name, or any run of capitalised words, stays together.
  if (capitalised(here) && capitalised(next.text)) return 18;
  if (BREAK_BEFORE.has(bare(next.text))) return 4;
  if (!list[i]!.spaceAfter) return 7;
  return 8;
}

/** Columns of each token run, from prefix sums of widths and the spaces between tokens. */
function widthsOf(list: readonly Token[]): (from: number, to: number) => number {
  const pos = [0];
  for (const t of list) pos.push(pos[pos.length - 1]! + t.width + (t.spaceAfter ? 1 : 0));
  return (from, to) => pos[to]! - pos[from]! - (list[to - 1]!.spaceAfter ? 1 : 0);
}

function joinTokens(list: readonly Token[], from: number, to: number): string {
  let text = '';
  for (let k = from; k < to; k++)
    text += list[k]!.text + (k < to - 1 && list[k]!.spaceAfter ? ' ' : '');
  return text;
}

/** The best way to put tokens from..to on one or two lines of at most maxWidth, or null. */
function bestLines(
  list: readonly Token[],
  lineWidth: (from: number, to: number) => number,
  from: number,
  to: number,
  maxWidth: number,
): { cost: number; split: number | null } | null {
  if (lineWidth(from, to) <= maxWidth) return { cost: 0, split: null };
  let best: { cost: number; split: number } | null = null;
  for (let k = from + 1; k < to; k++) {
    const top = lineWidth(from, k);
    if (top > maxWidth) break;
    const bottom = lineWidth(k, to);
    if (bottom > maxWidth) continue;
    // Sentence and clause ends first; then lines of even length (a short top line reads best).
    const cost =
      breakCost(list, k - 1) + (4 * Math.abs(top - bottom)) / maxWidth + (top > bottom ? 0.5 : 0);
    if (!best || cost < best.cost) best = { cost, split: k };
  }
  return best;
}

/**
 * Caption text cut into captions of one or two lines, each at most `maxWidth` display columns
 * (a Hangul syllable or a Chinese character takes two). Captions end at sentence and clause ends
 * where they can, never between a first and a last name if they can help it, and no caption is a
 * stray word or two left over from the one before.
 */
export function captionChunks(text: string, maxWidth: number): string[][] {
  const list = tokens(text, maxWidth);
  const n = list.length;
  const lineWidth = widthsOf(list);
  if (n === 0) return [];
  const cost: number[] = new Array<number>(n + 1).fill(Infinity);
  const from: number[] = new Array<number>(n + 1).fill(-1);
  cost[0] = 0;
  for (let j = 1; j <= n; j++) {
    for (let i = j - 1; i >= 0; i--) {
      if (lineWidth(i, j) > 2 * maxWidth + 1) break;
      const lines = bestLines(list, lineWidth, i, j, maxWidth);
      if (!lines || cost[i] === Infinity) continue;
      const width = lineWidth(i, j);
      const words = j - i;
      const fill = 1 - width / (2 * maxWidth);
      let c = cost[i]! + lines.cost + 5 * breakCost(list, j - 1) + 4 * fill * fill;
      // A caption of one or two words, when the text had more to give it, is an orphan.
      if (words <= 2 && n > 3 && width < maxWidth / 2) c += 25;
      if (c < cost[j]!) {
        cost[j] = c;
        from[j] = i;
      }
    }
  }
  const chunks: string[][] = [];
  for (let j = n; j > 0; j = from[j]!) {
    const i = from[j]!;
    const split = bestLines(list, lineWidth, i, j, maxWidth)!.split;
    chunks.unshift(
      split === null
        ? [joinTokens(list, i, j)]
        : [joinTokens(list, i, split), joinTokens(list, split, j)],
    );
  }
  return chunks;
}
