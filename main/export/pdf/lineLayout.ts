export type PieceStyle = {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  color?: string;
  size?: number;
};
/** A stretch of text in one style. */
export type Piece = { text: string; style: PieceStyle };
/** A column's content: lines of styled pieces, in reading order. `null` forces a line break. */
export type ColumnContent = (Piece | null)[];
export type Measure = (text: string, style: PieceStyle) => number;

const BREAK_ANYWHERE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Splits a piece into wrap units: words with their trailing space, CJK one character each. */
function units(piece: Piece): Piece[] {
  const out: Piece[] = [];
  for (const m of piece.text.matchAll(/\S+\s*|\s+/gu)) {
    const word = m[0];
    if (BREAK_ANYWHERE.test(word)) {
      for (const ch of word) {
        if (/\s/u.test(ch) && out.length > 0) out[out.length - 1]!.text += ch;
        else out.push({ text: ch, style: piece.style });
      }
    } else out.push({ text: word, style: piece.style });
  }
  return out;
}

/** Greedy line filling; a unit wider than the whole line is cut between characters. */
export function layoutLines(content: ColumnContent, width: number, measure: Measure): Piece[][] {
  const lines: Piece[][] = [];
  let line: Piece[] = [];
  let used = 0;
  const flush = () => {
    if (line.length > 0) {
      const last = line[line.length - 1]!;
      line[line.length - 1] = { ...last, text: last.text.trimEnd() };
    }
    lines.push(line);
    line = [];
    used = 0;
  };
  const place = (unit: Piece) => {
    const w = measure(unit.text.trimEnd(), unit.style);
    if (used > 0 && used + w > width) flush();
    // Spaces never start a line; an indent (em spaces, from a tab) does.
    if (used === 0 && /^ +$/u.test(unit.text)) return;
    if (w > width) {
      let part = '';
      for (const ch of unit.text) {
        if (part !== '' && measure(part + ch, unit.style) > width) {
          line.push({ text: part, style: unit.style });
          flush();
          part = '';
        }
        part += ch;
      }
      line.push({ text: part, style: unit.style });
      used = measure(part, unit.style);
      return;
    }
    line.push(unit);
    used += measure(unit.text, unit.style);
  };
  for (const piece of content) {
    if (piece === null) {
      if (line.length > 0) flush();
    } else units(piece).forEach(place);
  }
  if (line.length > 0) flush();
  return lines;
}
