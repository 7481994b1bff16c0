import PDFDocument from 'pdfkit';
import type { ExportOptions } from '../../../shared/export/options';
import type { Story } from '../../../shared/story/model';
import {
  DEFAULT_TIMING,
  formatDuration,
  storyTiming,
  type TimingSettings,
} from '../../../shared/story/timing';
import { PDF_FONT_FILES, printableText } from './pdfFonts';
import { layoutLines, type Piece, type PieceStyle, type Measure } from './lineLayout';
import { scriptRows, type ScriptRow } from './scriptRows';

const MARGIN = 48;
const GUTTER = 16;
const LEFT_SHARE = 0.34;
const SIZE = 11;
const LINE = 15;
const HEADER_HEIGHT = 62;
const FOOTER_HEIGHT = 24;

/** Where the two columns sit on a page; the tests read text back by these positions. */
export function pdfColumns(paper: ExportOptions['paper']): {
  pageWidth: number;
  pageHeight: number;
  leftX: number;
  leftWidth: number;
  rightX: number;
  rightWidth: number;
  /** The script body lies between these, in PDF coordinates (y grows upwards). */
  bodyTopY: number;
  bodyBottomY: number;
} {
  const pageWidth = paper === 'LETTER' ? 612 : 595.28;
  const pageHeight = paper === 'LETTER' ? 792 : 841.89;
  const usable = pageWidth - 2 * MARGIN - GUTTER;
  const leftWidth = Math.floor(usable * LEFT_SHARE);
  return {
    pageWidth,
    pageHeight,
    bodyTopY: pageHeight - MARGIN - HEADER_HEIGHT + 8,
    bodyBottomY: MARGIN + FOOTER_HEIGHT - 4,
    leftX: MARGIN,
    leftWidth,
    rightX: MARGIN + leftWidth + GUTTER,
    rightWidth: usable - leftWidth,
  };
}

function headerText(story: Story, timing: TimingSettings): { title: string; details: string } {
  const t = storyTiming(story, timing);
  const details = [
    story.format,
    story.presenter && `Presenter: ${story.presenter}`,
    story.reporter && `Reporter: ${story.reporter}`,
    `Read ${formatDuration(t.readSec)}`,
    `TRT ${formatDuration(t.totalSec)}${t.estimatedMedia > 0 ? ' est.' : ''}`,
  ]
    .filter(Boolean)
    .join('   ·   ');
  const page = story.page ? `${story.page}  ` : '';
  return { title: `${page}${story.slug || 'UNTITLED'}`, details };
}

/**
 * The two-column A/V script a floor manager works from: production cues, directions and media
 * on the left, the presenter's read copy on the right; a header on every page with the story's
 * slug, format, presenter, reporter, read time and TRT; "page n of N" at the foot. Stories run on
 * with a rule between them, or each starts a new page.
 */
export async function scriptPdf(
  stories: readonly Story[],
  options: ExportOptions,
  timing: TimingSettings = DEFAULT_TIMING,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: options.paper,
    margin: MARGIN,
    autoFirstPage: false,
    bufferPages: true,
    font: PDF_FONT_FILES.regular,
    info: {
      Title: stories.length === 1 ? printableText(stories[0]!.slug) : 'Copydesk show',
      Creator: 'Copydesk',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const cols = pdfColumns(options.paper);
  const { pageHeight } = cols;
  const bottom = pageHeight - MARGIN - FOOTER_HEIGHT;
  // Shaping a CJK font is slow; a script repeats the same words, so each width is measured once.
  const widths = new Map<string, number>();
  const measure: Measure = (text, style) => {
    const key = `${style.bold ? 'b' : 'r'}${style.size ?? SIZE}:${text}`;
    let w = widths.get(key);
    if (w === undefined) {
      w = doc
        .font(fontFile(style))
        .fontSize(style.size ?? SIZE)
        .widthOfString(text);
      widths.set(key, w);
    }
    return w;
  };

  let current: Story = stories[0]!;
  let y = 0;
  const newPage = () => {
    doc.addPage();
    drawHeader(doc, headerText(current, timing), cols);
    y = MARGIN + HEADER_HEIGHT;
  };

  stories.forEach((story, index) => {
    current = story;
    if (index === 0 || options.storyBreak === 'page') newPage();
    else {
      if (y + 3 * LINE > bottom) newPage();
      else {
        y += LINE / 2;
        doc
          .moveTo(MARGIN, y)
          .lineTo(cols.pageWidth - MARGIN, y)
          .lineWidth(1.5)
          .strokeColor('#888888')
          .stroke();
        y += LINE / 2;
        const h = headerText(story, timing);
        drawPieces(doc, [{ text: h.title, style: { bold: true, size: 13 } }], MARGIN, y, measure);
        y += LINE + 3;
        drawPieces(
          doc,
          [{ text: h.details, style: { size: 9, color: '#444444' } }],
          MARGIN,
          y,
          measure,
        );
        y += LINE + 4;
      }
    }
    for (const row of scriptRows(story)) {
      const left = layoutLines(row.left, cols.leftWidth, measure);
      const right = layoutLines(row.right, cols.rightWidth, measure);
      const rows = Math.max(left.length, right.length);
      for (let i = 0; i < rows; i++) {
        if (y + LINE > bottom) newPage();
        if (left[i]) drawPieces(doc, left[i]!, cols.leftX, y, measure);
        if (right[i]) drawPieces(doc, right[i]!, cols.rightX, y, measure);
        y += LINE;
      }
      y += rowGap(row);
    }
  });

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const label = `Page ${i + 1} of ${range.count}`;
    doc.font(PDF_FONT_FILES.regular).fontSize(9).fillColor('#444444');
    const w = doc.widthOfString(label);
    doc.text(label, (cols.pageWidth - w) / 2, pageHeight - MARGIN - 10, { lineBreak: false });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/**
 * Fonts are selected by file path, never by a registered name: pdfkit caches a font under the
 * key it was first opened with, and a second name for the same font re-reads the 6 MB file on
 * every switch.
 */
function fontFile(style: PieceStyle): string {
  return style.bold ? PDF_FONT_FILES.bold : PDF_FONT_FILES.regular;
}

function rowGap(row: ScriptRow): number {
  return row.kind === 'read' || row.kind === 'media' ? LINE * 0.6 : LINE * 0.3;
}

function drawHeader(
  doc: PDFKit.PDFDocument,
  h: { title: string; details: string },
  cols: ReturnType<typeof pdfColumns>,
) {
  const width = cols.pageWidth - 2 * MARGIN;
  doc.font(PDF_FONT_FILES.bold).fontSize(14).fillColor('#000000');
  doc.text(printableText(h.title), MARGIN, MARGIN, { width, lineBreak: false, ellipsis: true });
  doc.font(PDF_FONT_FILES.regular).fontSize(9).fillColor('#333333');
  doc.text(printableText(h.details), MARGIN, MARGIN + 20, {
    width,
    lineBreak: false,
    ellipsis: true,
  });
  const ruleY = MARGIN + 36;
  doc
    .moveTo(MARGIN, ruleY)
    .lineTo(cols.pageWidth - MARGIN, ruleY)
    .lineWidth(0.8)
    .strokeColor('#000000')
    .stroke();
  doc.font(PDF_FONT_FILES.bold).fontSize(8).fillColor('#555555');
  doc.text('VIDEO · CUES · DIRECTIONS', cols.leftX, ruleY + 6, { lineBreak: false });
  doc.text('AUDIO · READ COPY', cols.rightX, ruleY + 6, { lineBreak: false });
  const lineX = cols.rightX - GUTTER / 2;
  doc
    .moveTo(lineX, MARGIN + HEADER_HEIGHT - 8)
    .lineTo(lineX, doc.page.height - MARGIN - FOOTER_HEIGHT)
    .lineWidth(0.5)
    .strokeColor('#BBBBBB')
    .stroke();
}

function drawPieces(
  doc: PDFKit.PDFDocument,
  pieces: readonly Piece[],
  x: number,
  y: number,
  measure: Measure,
) {
  let at = x;
  for (const piece of pieces) {
    const style: PieceStyle = piece.style;
    doc
      .font(fontFile(style))
      .fontSize(style.size ?? SIZE)
      .fillColor(style.color ?? '#000000');
    const text = printableText(piece.text);
    doc.text(text, at, y, {
      lineBreak: false,
      underline: style.underline ?? false,
      oblique: style.italic ? 12 : false,
    });
    at += measure(text, style);
  }
}
