import PDFDocument from 'pdfkit';
import { formatClock, formatOverUnder } from '../../../shared/rundown/clock';
import type { RundownLine, RundownView } from '../../../shared/rundown/view';
import { formatDuration } from '../../../shared/story/timing';
import { mapSplitGlyphsToNoText, PDF_FONT_FILES, printableText } from '../pdf/pdfFonts';

const MARGIN = 36;
const ROW = 20;
const SIZE = 10;
const HEADER_HEIGHT = 58;
const FOOTER_HEIGHT = 18;

type Column = {
  title: string;
  /** Share of the usable width. */
  share: number;
  align: 'left' | 'right';
  text: (line: RundownLine) => string;
};

const clock = (line: RundownLine, pick: 'frontSec' | 'backSec') =>
  line.clock ? formatClock(line.clock[pick]) : '';

/**
 * The columns a floor manager pins up: page, slug, format, presenter, est, actual, front and back.
 * An actual entered after air is the length the clocks run on, so the printed times add up.
 */
export const RUNDOWN_PDF_COLUMNS: readonly Column[] = [
  { title: 'PAGE', share: 0.07, align: 'left', text: (l) => l.page },
  {
    title: 'SLUG',
    share: 0.33,
    align: 'left',
    text: (l) => `${l.slug || 'UNTITLED'}${l.row.floated ? ' (FLOAT)' : ''}`,
  },
  {
    title: 'FORMAT',
    share: 0.1,
    align: 'left',
    text: (l) => l.story?.format ?? (l.row.kind === 'break' ? 'BREAK' : 'ITEM'),
  },
  { title: 'PRESENTER', share: 0.14, align: 'left', text: (l) => l.story?.presenter ?? '' },
  {
    title: 'EST',
    share: 0.08,
    align: 'right',
    text: (l) => `${l.estEstimated ? '~' : ''}${formatDuration(l.estSec)}`,
  },
  {
    title: 'ACTUAL',
    share: 0.08,
    align: 'right',
    text: (l) => (l.row.actualSec === null ? '' : formatDuration(l.row.actualSec)),
  },
  {
    title: 'FRONT',
    share: 0.1,
    align: 'right',
    text: (l) => `${l.row.hitSec !== null && !l.row.floated ? 'HIT ' : ''}${clock(l, 'frontSec')}`,
  },
  { title: 'BACK', share: 0.1, align: 'right', text: (l) => clock(l, 'backSec') },
];

export type RundownPrint = {
  title: string;
  airDate: string;
  view: RundownView;
  /** When it was printed, for the footer: a printed rundown goes stale. */
  printedAt: Date;
};

/** Cuts text to a width, with an ellipsis, so a long slug never runs into the next column. */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * The rundown printed: a landscape grid, the show's name, date, times and over/under in the
 * header of every page, breaks in dark bands, floated rows grey, hits marked, page numbers in
 * the footer with the time it was printed.
 */
export async function rundownPdf(print: RundownPrint, paper: 'A4' | 'LETTER'): Promise<Buffer> {
  const doc = new PDFDocument({
    size: paper,
    layout: 'landscape',
    margin: MARGIN,
    autoFirstPage: false,
    bufferPages: true,
    font: PDF_FONT_FILES.regular,
    info: { Title: printableText(print.title), Creator: 'Copydesk' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const { view } = print;
  const date = new Date(`${print.airDate}T12:00:00Z`).toLocaleDateString('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  let width = 0;
  let columns: { col: Column; x: number; w: number }[] = [];

  const newPage = () => {
    doc.addPage();
    width = doc.page.width - 2 * MARGIN;
    let x = MARGIN;
    columns = RUNDOWN_PDF_COLUMNS.map((col) => {
      const w = col.share * width;
      const placed = { col, x, w };
      x += w;
      return placed;
    });
    doc.font(PDF_FONT_FILES.bold).fontSize(16).fillColor('#000');
    doc.text(printableText(print.title), MARGIN, MARGIN, { lineBreak: false });
    doc.font(PDF_FONT_FILES.regular).fontSize(SIZE);
    const heavy = view.overUnderSec > 0;
    const summary = [
      date,
      `On air ${formatClock(view.onAirSec)}`,
      `Off air ${formatClock(view.offAirSec)}`,
      `Show ${formatDuration(view.totalSec)}`,
      // With a hard hit the show ends later than its rows add up to: the end says where.
      `Ends ${formatClock(view.endSec)}`,
      `Over/under ${formatOverUnder(view.overUnderSec)}${heavy ? ' HEAVY' : view.overUnderSec < 0 ? ' light' : ''}`,
    ].join('   ·   ');
    doc.text(summary, MARGIN, MARGIN + 22, { lineBreak: false });
    const top = MARGIN + HEADER_HEIGHT - ROW;
    doc.rect(MARGIN, top, width, ROW).fill('#e6e8ec');
    doc.font(PDF_FONT_FILES.bold).fontSize(8).fillColor('#333');
    for (const { col, x, w } of columns)
      doc.text(col.title, x + 4, top + 6, { width: w - 8, align: col.align, lineBreak: false });
    return top + ROW;
  };

  let y = newPage();
  const bottom = () => doc.page.height - MARGIN - FOOTER_HEIGHT;
  for (const line of view.lines) {
    if (y + ROW > bottom()) y = newPage();
    const isBreak = line.row.kind === 'break';
    if (isBreak) doc.rect(MARGIN, y, width, ROW).fill('#1b1f26');
    else if (line.row.floated) doc.rect(MARGIN, y, width, ROW).fill('#f1f1f1');
    doc
      .moveTo(MARGIN, y + ROW)
      .lineTo(MARGIN + width, y + ROW)
      .lineWidth(0.5)
      .stroke('#c8ccd2');
    for (const { col, x, w } of columns) {
      const bold = col.title === 'SLUG' || col.title === 'PAGE' || isBreak;
      doc
        .font(bold ? PDF_FONT_FILES.bold : PDF_FONT_FILES.regular)
        .fontSize(SIZE)
        .fillColor(isBreak ? '#ffffff' : line.row.floated ? '#8a8f98' : '#000000');
      const text = fit(doc, printableText(col.text(line)), w - 8);
      doc.text(text, x + 4, y + 5, { width: w - 8, align: col.align, lineBreak: false });
    }
    y += ROW;
  }
  if (view.lines.length === 0) {
    doc.font(PDF_FONT_FILES.regular).fontSize(SIZE).fillColor('#555');
    doc.text('No rows in this rundown.', MARGIN, y + 8, { lineBreak: false });
  }

  const range = doc.bufferedPageRange();
  const printed = print.printedAt.toISOString().slice(0, 16).replace('T', ' ');
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // The footer sits in the bottom margin; without this pdfkit would start a page for it.
    doc.page.margins.bottom = 0;
    doc.font(PDF_FONT_FILES.regular).fontSize(8).fillColor('#555');
    const footerY = doc.page.height - MARGIN - 8;
    doc.text(`Printed ${printed} UTC`, MARGIN, footerY, { lineBreak: false });
    doc.text(`Page ${i + 1} of ${range.count}`, MARGIN, footerY, {
      width,
      align: 'right',
      lineBreak: false,
    });
  }
  mapSplitGlyphsToNoText(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
