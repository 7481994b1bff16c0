import PDFDocument from 'pdfkit';
import { openSync } from 'fontkit';
import type { ExportOptions } from '../../../shared/export/options';
import type { Story } from '../../../shared/story/model';
import {
  DEFAULT_TIMING,
  formatDuration,
  formatEstimated,
  storyTiming,
  type TimingSettings,
} from '../../../shared/story/timing';
import { mapSplitGlyphsToNoText, PDF_FONTS, PDF_FONT_FILES, printableText } from './pdfFonts';
import { layoutLines, type Piece, type PieceStyle, type Measure } from './lineLayout';
import { scriptRows, type ScriptRow } from './scriptRows';
import { fontRuns, isRightToLeft, RTL_FONT_INDEXES, visualRuns } from './bidiRuns';

const MARGIN = 48;
const GUTTER = 16;
const LEFT_SHARE = 0.34;
const SIZE = 11;
const LINE = 15;
const HEADER_HEIGHT = 62;
const FOOTER_HEIGHT = 24;
const CONTINUED = "(cont'd)";

type PdfOptions = Pick<ExportOptions, 'paper' | 'printStoryBreak' | 'showName'>;

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

/** For the tests: where the column rule and the stories' headers were drawn (y from the top). */
export type PdfTrace = {
  rules: { page: number; top: number; bottom: number }[];
  storyHeaders: { page: number; top: number; bottom: number }[];
};

function headerText(story: Story, timing: TimingSettings): { title: string; details: string } {
  const t = storyTiming(story, timing);
  const details = [
    story.format,
    story.presenter && `Presenter: ${story.presenter}`,
    story.reporter && `Reporter: ${story.reporter}`,
    `Read ${formatDuration(t.readSec)}`,
    `TRT ${formatEstimated(t.totalSec, t.estimatedMedia > 0)}`,
  ]
    .filter(Boolean)
    .join('   ·   ');
  const page = story.page ? `${story.page}  ` : '';
  return { title: `${page}${story.slug || 'UNTITLED'}`, details };
}

/**
 * The two-column A/V script a floor manager works from: production cues, directions and media
 * on the left, the presenter's read copy on the right; a header on every page with the story's
 * slug, format, presenter, reporter, read time and TRT, and, in a show, the show's name, the
 * date and the story's page; "page n of N" at the foot. In a show each story starts a page (or,
 * when asked, they run on with a rule between them); a story or a package that runs on to the
 * next page says (cont'd). Arabic and Hebrew are shaped and ordered right to left; an emoji
 * prints as [emoji].
 */
export async function scriptPdf(
  stories: readonly Story[],
  options: PdfOptions,
  timing: TimingSettings = DEFAULT_TIMING,
  now: Date = new Date(),
  trace?: PdfTrace,
): Promise<Buffer> {
  const isShow = stories.length > 1;
  const showName = options.showName.trim() || (isShow ? 'Show' : '');
  const doc = new PDFDocument({
    size: options.paper,
    margin: MARGIN,
    autoFirstPage: false,
    bufferPages: true,
    font: PDF_FONT_FILES.regular,
    info: {
      Title: stories.length === 1 ? printableText(stories[0]!.slug) : showName,
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
  const bodyTop = MARGIN + HEADER_HEIGHT;
  // Shaping a CJK font is slow; a script repeats the same words, so each width is measured once.
  const widths = new Map<string, number>();
  const widthIn = (text: string, font: number, style: PieceStyle) => {
    const key = `${font}${style.bold ? 'b' : 'r'}${style.size ?? SIZE}:${text}`;
    let w = widths.get(key);
    if (w === undefined) {
      w = doc
        .font(fontFile(font, style))
        .fontSize(style.size ?? SIZE)
        .widthOfString(text, shaping(font));
      widths.set(key, w);
    }
    return w;
  };
  const measure: Measure = (text, style) =>
    fontRuns(text).reduce((sum, run) => sum + widthIn(run.text, run.font, style), 0);

  const drawLine = (
    pieces: readonly Piece[],
    x: number,
    y: number,
    width: number,
    rtl: boolean,
  ) => {
    const runs = visualRuns(pieces, rtl);
    const total = runs.reduce((sum, r) => sum + widthIn(r.text, r.font, r.style), 0);
    let at = rtl ? x + width - total : x;
    for (const run of runs) {
      const style = run.style;
      doc
        .font(fontFile(run.font, style))
        .fontSize(style.size ?? SIZE)
        .fillColor(style.color ?? '#000000');
      // On the main font's baseline: fonts with other ascenders would sit higher or lower.
      doc.text(run.text, at, y + baselineOffset(style.size ?? SIZE), {
        lineBreak: false,
        baseline: 'alphabetic',
        underline: style.underline ?? false,
        oblique: style.italic ? 12 : false,
        ...shaping(run.font),
      });
      at += widthIn(run.text, run.font, style);
    }
  };
  const oneLine = (text: string, style: PieceStyle, x: number, y: number, width: number) => {
    const pieces = layoutLines([{ text: printableText(text), style }], width, measure)[0] ?? [];
    drawLine(pieces, x, y, width, isRightToLeft(text));
  };

  const dateLabel = now.toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  let current: Story = stories[0]!;
  let currentIndex = 0;
  let y = 0;
  let page = -1;
  let ruleTop = bodyTop;
  const lineX = cols.rightX - GUTTER / 2;
  /** The rule between the columns, only beside script rows: never through a story's header. */
  const drawRule = (to: number) => {
    if (to <= ruleTop) return;
    doc
      .moveTo(lineX, ruleTop - 4)
      .lineTo(lineX, to)
      .lineWidth(0.5)
      .strokeColor('#BBBBBB')
      .stroke();
    trace?.rules.push({ page, top: ruleTop - 4, bottom: to });
  };
  const newPage = (continued: boolean) => {
    // A page a story runs on from is ruled to its foot; one a story ended on, to its last row.
    if (page >= 0) drawRule(continued ? bottom : Math.min(y, bottom));
    doc.addPage();
    page++;
    const h = headerText(current, timing);
    const width = cols.pageWidth - 2 * MARGIN;
    if (showName) {
      const pageOf = `Page ${current.page ?? currentIndex + 1}`;
      const tag = `${showName}   ·   ${dateLabel}`;
      const style = { size: 8, color: '#555555', bold: true };
      oneLine(tag, style, MARGIN, MARGIN - 20, width - measure(pageOf, style) - 12);
      oneLine(pageOf, style, cols.pageWidth - MARGIN - measure(pageOf, style), MARGIN - 20, width);
    }
    oneLine(
      `${h.title}${continued ? ` ${CONTINUED}` : ''}`,
      { bold: true, size: 14 },
      MARGIN,
      MARGIN,
      width,
    );
    oneLine(h.details, { size: 9, color: '#333333' }, MARGIN, MARGIN + 20, width);
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
    y = bodyTop;
    ruleTop = bodyTop;
  };

  stories.forEach((story, index) => {
    current = story;
    currentIndex = index;
    if (index === 0 || options.printStoryBreak === 'page' || y + 4 * LINE > bottom) newPage(false);
    else {
      // Running on: a rule across the page, then the story's own header lines.
      drawRule(y);
      const headerTop = y;
      y += LINE / 2;
      doc
        .moveTo(MARGIN, y)
        .lineTo(cols.pageWidth - MARGIN, y)
        .lineWidth(1.5)
        .strokeColor('#888888')
        .stroke();
      y += LINE / 2;
      const h = headerText(story, timing);
      const width = cols.pageWidth - 2 * MARGIN;
      oneLine(h.title, { bold: true, size: 13 }, MARGIN, y, width);
      y += LINE + 3;
      oneLine(h.details, { size: 9, color: '#444444' }, MARGIN, y, width);
      y += LINE + 4;
      trace?.storyHeaders.push({ page, top: headerTop, bottom: y });
      ruleTop = y + 4;
    }
    for (const row of scriptRows(story, timing.defaults)) {
      const rtl = isRightToLeft(row.right.map((p) => p?.text ?? '').join(''));
      const left = layoutLines(row.left, cols.leftWidth, measure);
      const right = layoutLines(row.right, cols.rightWidth, measure);
      const rows = Math.max(left.length, right.length);
      for (let i = 0; i < rows; i++) {
        if (y + LINE > bottom) {
          newPage(true);
          if (i > 0) continuation(row);
        }
        if (left[i]) drawLine(left[i]!, cols.leftX, y, cols.leftWidth, false);
        if (right[i]) drawLine(right[i]!, cols.rightX, y, cols.rightWidth, rtl);
        y += LINE;
      }
      y += rowGap(row);
    }
  });
  drawRule(Math.min(y, bottom));

  /** At the top of a page, a row that began on the page before says so. */
  function continuation(row: ScriptRow) {
    const grey = { color: '#555555', italic: true };
    if (row.kind === 'media') {
      const kind = (row.left[0]?.text ?? '').split(' · ')[0] ?? '';
      oneLine(`${kind} ${CONTINUED}`, { bold: true }, cols.leftX, y, cols.leftWidth);
      oneLine(CONTINUED, grey, cols.rightX, y, cols.rightWidth);
    } else
      oneLine(CONTINUED, grey, row.left.length > 0 ? cols.leftX : cols.rightX, y, cols.rightWidth);
    y += LINE;
  }

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const label = `Page ${i + 1} of ${range.count}`;
    doc.font(PDF_FONT_FILES.regular).fontSize(9).fillColor('#444444');
    const w = doc.widthOfString(label);
    doc.text(label, (cols.pageWidth - w) / 2, pageHeight - MARGIN - 10, { lineBreak: false });
  }
  mapSplitGlyphsToNoText(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/**
 * Fonts are selected by file path, never by a registered name: pdfkit caches a font under the
 * key it was first opened with, and a second name for the same font re-reads the file on every
 * switch.
 */
function fontFile(font: number, style: PieceStyle): string {
  const f = PDF_FONTS[font] ?? PDF_FONTS[0]!;
  return style.bold ? f.bold : f.regular;
}

/**
 * How pdfkit shapes a run. It shapes text word by word unless features are given, and fontkit
 * reverses each right-to-left word on its own, so a run in an Arabic or Hebrew font is shaped
 * whole. `ccmp` stays off there: Noto Sans Arabic splits a letter's dots into glyphs of their own,
 * which a PDF reader cannot map back to the letter when the text is copied or searched. (fontkit
 * writes into the object it is given, so each call gets a new one.)
 */
function shaping(font: number): { features?: PDFKit.Mixins.OpenTypeFeatures[] } {
  if (!RTL_FONT_INDEXES.has(font)) return {};
  return { features: { ccmp: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[] };
}

const mainFont = openSync(PDF_FONT_FILES.regular);
/** How far below a line's top its baseline lies, as pdfkit places text in the main font. */
function baselineOffset(size: number): number {
  return (mainFont.ascent / mainFont.unitsPerEm) * size;
}

function rowGap(row: ScriptRow): number {
  return row.kind === 'read' || row.kind === 'media' ? LINE * 0.6 : LINE * 0.3;
}
