import type { Story } from '../../../shared/story/model';
import { mediaDurationLabel, type ReadRates } from '../../../shared/story/timing';
import { printableText } from './pdfFonts';
import type { ColumnContent, Piece, PieceStyle } from './lineLayout';

/** One row of the A/V script: what the left (video) and right (audio) columns show side by side. */
export type ScriptRow = {
  kind: 'read' | 'cue' | 'instruction' | 'presenter' | 'media';
  left: ColumnContent;
  right: ColumnContent;
};

const GREY = '#555555';

/** A tab that indents copy prints as two em spaces. */
function piece(text: string, style: PieceStyle = {}): Piece {
  return { text: printableText(text).replace(/\t/g, '\u2003\u2003'), style };
}

export function scriptRows(story: Story, rates: ReadRates): ScriptRow[] {
  const rows: ScriptRow[] = [];
  for (const block of story.body) {
    switch (block.type) {
      case 'paragraph': {
        if (block.runs.length === 0) break;
        const right: Piece[] = [];
        for (const run of block.runs) {
          right.push(
            piece(run.text, { bold: run.bold, italic: run.italic, underline: run.underline }),
          );
          if (run.pronouncer) right.push(piece(` (${run.pronouncer})`, { color: GREY }));
        }
        rows.push({ kind: 'read', left: [], right });
        break;
      }
      case 'cue':
        rows.push({ kind: 'cue', left: [piece(block.text, { bold: true })], right: [] });
        break;
      case 'instruction': {
        const text = /^\(.*\)$/su.test(block.text) ? block.text : `(${block.text})`;
        rows.push({ kind: 'instruction', left: [], right: [piece(text, { italic: true })] });
        break;
      }
      case 'presenter':
        rows.push({
          kind: 'presenter',
          left: [piece(`PRESENTER: ${block.name}`, { bold: true })],
          right: [],
        });
        break;
      case 'media': {
        const label = mediaDurationLabel(block, rates);
        const duration = label === '?' ? 'no duration yet' : label;
        const left: ColumnContent = [piece(`${block.kind} · ${duration}`, { bold: true })];
        if (block.speaker) left.push(null, piece(block.speaker));
        if (block.title) left.push(null, piece(block.title, { color: GREY }));
        const right: ColumnContent = [];
        if (block.inCue) right.push(piece(`IN: “${block.inCue}”`, { bold: true }), null);
        for (const line of block.transcript.split('\n').filter((l) => l.trim() !== ''))
          right.push(piece(line, { color: GREY, italic: true }), null);
        if (block.outCue) right.push(piece(`OUT: “${block.outCue}”`, { bold: true }));
        rows.push({ kind: 'media', left, right });
        break;
      }
    }
  }
  return rows;
}
