import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openSync } from 'fontkit';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfColumns, scriptPdf } from './scriptPdf';
import { PDF_FONT_FILES } from './pdfFonts';
import { everyBlockStory, hostileStory } from '../../../shared/story/testing/scripts';
import { makeStory } from '../../../shared/story/testing/makeStory';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '../../../shared/export/options';
import type { Story } from '../../../shared/story/model';
import { formatDuration, storyTiming } from '../../../shared/story/timing';

const options = (o: Partial<ExportOptions> = {}): ExportOptions => ({
  ...DEFAULT_EXPORT_OPTIONS,
  ...o,
});

type Item = { str: string; x: number; y: number };

/** Text extracted by Mozilla's pdf.js, page by page, with each item's position. */
async function readPdf(bytes: Buffer): Promise<Item[][]> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  const pages: Item[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(
      content.items.flatMap((it) =>
        'str' in it
          ? [{ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number }]
          : [],
      ),
    );
  }
  await doc.destroy();
  return pages;
}

/** A column's text in reading order: top to bottom, left to right, page after page. */
function column(pages: Item[][], from: number, to: number, area = pdfColumns('A4')): string {
  return pages
    .map((items) =>
      items
        .filter(
          (i) => i.x >= from - 0.5 && i.x < to && i.y < area.bodyTopY && i.y > area.bodyBottomY,
        )
        .sort((a, b) => b.y - a.y || a.x - b.x)
        .map((i) => i.str)
        .join(''),
    )
    .join('');
}

const font = openSync(PDF_FONT_FILES.regular);
/** What the page can show: no invisible format characters; `?` for what the font lacks. */
function printable(text: string): string {
  return [...text.replace(/\p{Default_Ignorable_Code_Point}/gu, '')]
    .map((c) => (c === ' ' || font.hasGlyphForCodePoint(c.codePointAt(0)!) ? c : '?'))
    .join('');
}
// Shaping may compose or split a letter and its accents (к + ◌́ → ќ) and pdf.js normalises what it
// extracts, so compare base letters: decomposed, combining marks dropped, spaces ignored.
const norm = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s+/gu, '');
/** What the page should show, compared as above. */
const shown = (s: string) => norm(printable(s));

function expectedRight(story: Story): string {
  return story.body
    .map((b) => {
      switch (b.type) {
        case 'paragraph':
          return b.runs.map((r) => r.text + (r.pronouncer ? ` (${r.pronouncer})` : '')).join('');
        case 'instruction':
          return /^\(.*\)$/su.test(b.text) ? b.text : `(${b.text})`;
        case 'media':
          return [
            b.inCue && `IN: “${b.inCue}”`,
            ...b.transcript.split('\n'),
            b.outCue && `OUT: “${b.outCue}”`,
          ].join('');
        default:
          return '';
      }
    })
    .join('');
}

function expectedLeft(story: Story): string {
  return story.body
    .map((b) => {
      switch (b.type) {
        case 'cue':
          return b.text;
        case 'presenter':
          return `PRESENTER: ${b.name}`;
        case 'media':
          return `${b.kind} · ${b.durationSec === null ? 'no duration yet' : formatDuration(b.durationSec)}${b.speaker}${b.title}`;
        default:
          return '';
      }
    })
    .join('');
}

const cols = pdfColumns('A4');

describe('two-column PDF read back by pdf.js', () => {
  it('puts cues and directions left, read copy right, and a header and page number on every page', async () => {
    const story = everyBlockStory();
    const bytes = await scriptPdf([story], options());
    const pages = await readPdf(bytes);
    expect(pages.length).toBeGreaterThan(1);
    expect(norm(column(pages, cols.rightX, 1e9))).toBe(shown(expectedRight(story)));
    expect(norm(column(pages, cols.leftX, cols.rightX - 1))).toBe(shown(expectedLeft(story)));

    const t = storyTiming(story);
    pages.forEach((items, i) => {
      const header = items
        .filter((it) => it.y > cols.bodyTopY)
        .map((it) => it.str)
        .join(' ');
      for (const part of [
        `A3 ${story.slug}`,
        'VO/SOT',
        'Presenter: Dana Reyes',
        'Reporter: Park Ji-won',
        `Read ${formatDuration(t.readSec)}`,
        `TRT ${formatDuration(t.totalSec)}`,
      ])
        expect(norm(header)).toContain(shown(part));
      const footer = items
        .filter((it) => it.y < cols.bodyBottomY)
        .map((it) => it.str)
        .join('');
      expect(footer).toBe(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it('prints Hangul with an embedded, subset Noto Sans KR', async () => {
    const story = makeStory({
      slug: '부산 화재',
      text: '부산 소방본부는 오늘 아침 진화를 마쳤습니다.',
    });
    const bytes = await scriptPdf([story], options({ paper: 'LETTER' }));
    const letter = pdfColumns('LETTER');
    const pages = await readPdf(bytes);
    expect(column(pages, letter.rightX, 1e9, letter)).toBe(
      '부산 소방본부는 오늘 아침 진화를 마쳤습니다.',
    );
    const raw = bytes.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansKR-Regular/);
    expect(raw).toContain('/FontFile2');
    // Subset: the 6 MB font shrinks to what the page uses.
    expect(bytes.length).toBeLessThan(100_000);
  });

  it('starts each story on a new page when asked', async () => {
    const show = [
      makeStory({ slug: 'ONE' }),
      makeStory({ slug: 'TWO' }),
      makeStory({ slug: 'THREE' }),
    ];
    const paged = await readPdf(await scriptPdf(show, options({ storyBreak: 'page' })));
    expect(
      paged
        .map((items) => items.map((i) => i.str).join(''))
        .map((t) => /^(ONE|TWO|THREE)/.exec(t)?.[1]),
    ).toEqual(['ONE', 'TWO', 'THREE']);
    const flowing = await readPdf(await scriptPdf(show, options()));
    expect(flowing).toHaveLength(1);
  });

  it('keeps the text of hostile stories, drawing what the font lacks as ?', async () => {
    await fc.assert(
      fc.asyncProperty(hostileStory, async (story) => {
        const pages = await readPdf(await scriptPdf([story], options()));
        expect(norm(column(pages, cols.rightX, 1e9))).toBe(shown(expectedRight(story)));
        expect(norm(column(pages, cols.leftX, cols.rightX - 1))).toBe(shown(expectedLeft(story)));
      }),
      // Shrinking re-renders a PDF per step: report the first failure as found.
      { numRuns: 40, endOnFailure: true },
    );
    // Each run writes and parses a PDF; on a shared two-core machine that is seconds, not ms.
  }, 120_000);
});
