import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import bidiFactory from 'bidi-js';
import { pdfColumns, scriptPdf, type PdfTrace } from './scriptPdf';
import { EMOJI_MARK, printableText } from './pdfFonts';
import { everyBlockStory, hostileStory, packageStory } from '../../../shared/story/testing/scripts';
import { makeStory } from '../../../shared/story/testing/makeStory';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '../../../shared/export/options';
import type { Story } from '../../../shared/story/model';
import {
  DEFAULT_READ_RATES,
  formatDuration,
  mediaDurationLabel,
  storyTiming,
} from '../../../shared/story/timing';

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

// Shaping may compose or split a letter and its accents (к + ◌́ → ќ), and pdf.js normalises
// what it extracts (Arabic comes back in presentation forms), so compare base letters:
// decomposed, combining marks dropped, spaces ignored. A right-to-left run is read back in the
// order it is drawn, right to left, so its letters are compared without their order.
const RTL_RUN = /[\p{Script=Arabic}\p{Script=Hebrew}]+/gu;
const norm = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/gu, '')
    .replace(RTL_RUN, (run) => [...run].sort().join(''));
/** What the page should show, compared as above. */
const shown = (s: string) => norm(printableText(s).replace(/\t/g, ''));
/**
 * A paragraph that starts right to left runs right to left as a whole (its Latin words too), so
 * for a story with such text the column's letters are compared without their order; the order
 * itself is checked on its own below.
 */
const bidi = bidiFactory();
/** Letters in any order, a bracket and its mirror image as one (right to left, `(` shows as `)`). */
const letters = (s: string) =>
  [...s]
    .map((c) => {
      const m = bidi.getMirroredCharacter(c);
      return m !== null && m < c ? m : c;
    })
    .sort()
    .join('');
const hasRtl = (story: Story) =>
  /[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(JSON.stringify(story.body));
/** A row that runs on to the next page starts there with (cont'd): not the story's text. */
const withoutContinued = (s: string) => s.replace(/(?:SOT|PKG)?\(cont'd\)/gu, '');
function expectColumns(pages: Item[][], story: Story) {
  const right = withoutContinued(norm(column(pages, cols.rightX, 1e9)));
  const left = withoutContinued(norm(column(pages, cols.leftX, cols.rightX - 1)));
  if (hasRtl(story)) {
    expect(letters(right)).toBe(letters(shown(expectedRight(story))));
    expect(letters(left)).toBe(letters(shown(expectedLeft(story))));
  } else {
    expect(right).toBe(shown(expectedRight(story)));
    expect(left).toBe(shown(expectedLeft(story)));
  }
}

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
          return `${b.kind} · ${mediaDurationLabel(b, DEFAULT_READ_RATES).replace(/^\?$/, 'no duration yet')}${b.speaker}${b.title}`;
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
    expectColumns(pages, story);

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

  it('starts each story of a show on its own page, or runs them on when asked', async () => {
    const show = [
      makeStory({ slug: 'ONE' }),
      makeStory({ slug: 'TWO' }),
      makeStory({ slug: 'THREE' }),
    ];
    const paged = await readPdf(await scriptPdf(show, options()));
    expect(
      paged
        .map((items) => items.map((i) => i.str).join(''))
        .map((t) => /(ONE|TWO|THREE)/.exec(t)?.[1]),
    ).toEqual(['ONE', 'TWO', 'THREE']);
    const flowing = await readPdf(await scriptPdf(show, options({ printStoryBreak: 'separator' })));
    expect(flowing).toHaveLength(1);
  });

  it('reads back a letter its font draws as two glyphs with no control character (ڽ gave \\u0002)', async () => {
    // Found by the property below (seed 1463220529): shaping draws ڽ as its base and its dots,
    // and the split-off glyph had no text, so pdf.js copied out its raw number.
    const story = makeStory({ slug: 'NOON', text: 'ڽ 𐧾ڽ𛂠 قال' });
    const pages = await readPdf(await scriptPdf([story], options()));
    const text = pages
      .flat()
      .map((i) => i.str)
      .join('');
    expect([...text].filter((c) => c.codePointAt(0)! < 0x20)).toEqual([]);
    expect(text).toContain('ڽ');
    expectColumns(pages, story);
  });

  it('keeps the text of hostile stories, drawing emoji as [emoji] and what no font has as ?', async () => {
    await fc.assert(
      fc.asyncProperty(hostileStory, async (story) => {
        const pages = await readPdf(await scriptPdf([story], options()));
        expectColumns(pages, story);
      }),
      // Shrinking re-renders a PDF per step: report the first failure as found.
      { numRuns: 40, endOnFailure: true },
    );
    // Each run writes and parses a PDF; on a shared two-core machine that is seconds, not ms.
  }, 120_000);
});

describe('what the printed script shows', () => {
  const arabicLine = 'قال الوزير إن المحادثات ستستمر غدا';
  const hebrewLine = 'השיחות יימשכו מחר';

  it('prints Arabic and Hebrew shaped, right to left, in embedded Noto fonts (they printed as ?)', async () => {
    const story = makeStory({
      body: [
        { type: 'paragraph', runs: [{ text: arabicLine }] },
        { type: 'paragraph', runs: [{ text: hebrewLine }] },
        { type: 'paragraph', runs: [{ text: 'The envoy said שלום and left.' }] },
      ],
    });
    const bytes = await scriptPdf([story], options());
    const raw = bytes.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansArabic-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHebrew\b/);
    const [page] = await readPdf(bytes);
    const body = page!.filter((i) => i.y < cols.bodyTopY && i.y > cols.bodyBottomY && i.str.trim());
    const text = body.map((i) => i.str).join(' ');
    expect(text).not.toContain('?');
    // Each word comes back whole (pdf.js reads the shaped glyphs back to letters).
    const arabicWords = body.filter((i) => /\p{Script=Arabic}/u.test(i.str));
    for (const word of arabicLine.split(' '))
      expect(arabicWords.map((i) => i.str.normalize('NFKC'))).toContain(word);
    // Right to left: the first word is rightmost, the last leftmost, and the line ends at the
    // column's right edge.
    const x = (word: string) => arabicWords.find((i) => i.str.normalize('NFKC') === word)!.x;
    const words = arabicLine.split(' ');
    for (let k = 1; k < words.length; k++) expect(x(words[k - 1]!)).toBeGreaterThan(x(words[k]!));
    const hebrew = body.filter(
      (i) =>
        /\p{Script=Hebrew}/u.test(i.str) && i.y === body.find((b) => b.str.includes('יימשכו'))?.y,
    );
    expect(hebrew.map((i) => i.str).sort((a, b) => a.localeCompare(b))).toEqual(
      hebrewLine.split(' ').sort((a, b) => a.localeCompare(b)),
    );
    // Hebrew inside an English line sits where it was written, on the same baseline.
    const mixed = body.filter(
      (i) => Math.abs(i.y - body.find((b) => b.str.includes('envoy'))!.y) < 0.01,
    );
    expect(
      mixed
        .map((i) => i.str)
        .join('')
        .replace(/\s+/g, ' '),
    ).toBe('The envoy saidשלוםand left.');
  });

  it('prints an emoji as [emoji], never as ?', async () => {
    const story = makeStory({ text: 'Live 🎙️ from 📺, the family 👨‍👩‍👧 © 2026.' });
    const pages = await readPdf(await scriptPdf([story], options()));
    expect(column(pages, cols.rightX, 1e9)).toBe(
      `Live ${EMOJI_MARK} from ${EMOJI_MARK}, the family ${EMOJI_MARK} © 2026.`,
    );
  });

  it('heads every page of a show with the show name, the date and the story’s page', async () => {
    const show = [
      makeStory({ slug: 'ONE', page: 'A1' }),
      makeStory({ slug: 'TWO', page: 'A2' }),
      makeStory({ slug: 'THREE' }),
    ];
    const now = new Date('2026-11-28T18:00:00Z');
    const pages = await readPdf(
      await scriptPdf(show, options({ showName: 'Evening News' }), undefined, now),
    );
    const date = now.toLocaleDateString('en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
    expect(pages).toHaveLength(3);
    pages.forEach((items, i) => {
      const top = items
        .filter((it) => it.y > cols.pageHeight - 48)
        .map((it) => it.str)
        .join(' ');
      expect(top).toContain('Evening News');
      expect(top).toContain(date);
      expect(top).toContain(`Page ${['A1', 'A2', '3'][i]}`);
    });
  });

  it('says (cont’d) where a package runs on to the next page (it did not)', async () => {
    const story = packageStory(
      {
        durationSec: 600,
        transcript: Array.from(
          { length: 80 },
          (_, i) => `Line ${i + 1} of the package track.`,
        ).join('\n'),
      },
      { slug: 'LONG PACKAGE' },
    );
    const pages = await readPdf(await scriptPdf([story], options()));
    expect(pages.length).toBeGreaterThan(1);
    const header = (items: Item[]) =>
      items
        .filter((it) => it.y > cols.bodyTopY)
        .map((it) => it.str)
        .join('');
    expect(header(pages[0]!)).not.toContain("(cont'd)");
    expect(header(pages[1]!)).toContain("LONG PACKAGE (cont'd)");
    expect(column(pages.slice(1, 2), cols.leftX, cols.rightX - 1)).toMatch(/^PKG \(cont'd\)/);
  });

  it('stops the column rule at each story’s header when stories run on (it ran through them)', async () => {
    const show = Array.from({ length: 6 }, (_, i) =>
      makeStory({
        slug: `STORY ${i + 1}`,
        text: 'A short story of a few words. '.repeat(8).trim(),
      }),
    );
    const trace: PdfTrace = { rules: [], storyHeaders: [] };
    await scriptPdf(show, options({ printStoryBreak: 'separator' }), undefined, new Date(), trace);
    expect(trace.storyHeaders.length).toBeGreaterThan(3);
    for (const header of trace.storyHeaders) {
      for (const rule of trace.rules.filter((r) => r.page === header.page))
        expect(
          rule.bottom <= header.top || rule.top >= header.bottom,
          JSON.stringify({ rule, header }),
        ).toBe(true);
    }
    // Beside every story's rows there is a rule.
    expect(trace.rules.length).toBeGreaterThanOrEqual(show.length);
  });
});
