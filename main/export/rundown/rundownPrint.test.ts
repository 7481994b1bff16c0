import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { RundownRow } from '../../../shared/rundown/model';
import { viewRundown, type RowStory } from '../../../shared/rundown/view';
import { rundownCsv } from './rundownCsv';
import { rundownPdf } from './rundownPdf';

let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const row = (extra: Partial<RundownRow>): RundownRow => ({
  id: id(),
  kind: 'story',
  storyId: null,
  label: '',
  page: null,
  estSec: null,
  actualSec: null,
  floated: false,
  hitSec: null,
  ...extra,
});
const story = (slug: string, trtSec: number, extra: Partial<RowStory> = {}): RowStory => ({
  id: id(),
  slug,
  format: 'VO/SOT',
  presenter: 'Dana Reyes',
  reporter: 'Park Ji-won',
  status: 'approved',
  trtSec,
  trtEstimated: false,
  ...extra,
});

const SIX = 18 * 3600;

function show(rowCount = 0) {
  const fire = story('HARBOR FIRE', 95);
  const formula = story('=HYPERLINK("http://x","click")', 30, { presenter: '@SUM(A1)' });
  const korean = story('항만 화재 속보', 42);
  const stories = new Map([fire, formula, korean].map((s) => [s.id, s]));
  const rows: RundownRow[] = [
    row({ kind: 'item', label: 'HEADLINES', estSec: 30 }),
    row({ storyId: fire.id }),
    row({ storyId: korean.id, floated: true }),
    row({ kind: 'break', label: 'BREAK 1', estSec: 120 }),
    row({ storyId: formula.id, hitSec: SIX + 600, actualSec: 33 }),
  ];
  for (let i = 0; i < rowCount; i++) rows.push(row({ storyId: fire.id }));
  return viewRundown({ rows, onAirSec: SIX, lengthSec: 1800, blockBudgets: {} }, stories);
}

async function pdfText(bytes: Buffer): Promise<string[]> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join('\n'));
  }
  await doc.destroy();
  return pages;
}

describe('the rundown as CSV', () => {
  it('reads back, row for row, with the clocks the grid shows', () => {
    const records = parse(rundownCsv(show()), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(records.map((r) => [r.Page, r.Slug, r.Est, r.Front, r.Back, r.Float])).toEqual([
      ['A1', 'HEADLINES', '0:30', '18:00:00', '18:05:55', ''],
      ['A2', 'HARBOR FIRE', '1:35', '18:00:30', '18:06:25', ''],
      ['A3', '항만 화재 속보', '0:42', '', '', 'yes'],
      ['A4', 'BREAK 1', '2:00', '18:02:05', '18:08:00', ''],
      ['B1', '\'=HYPERLINK("http://x","click")', '0:30', '18:10:00', '18:29:27', ''],
    ]);
    expect(records.map((r) => [r.Kind, r.Status])).toEqual([
      ['Item', ''],
      ['Story', 'Approved'],
      ['Story', 'Approved'],
      ['Break', ''],
      ['Story', 'Approved'],
    ]);
    expect(records[4]!.Presenter).toBe("'@SUM(A1)");
    expect(records[4]!.Actual).toBe('0:33');
    expect(records[4]!.Hit).toBe('18:10:00');
  });
});

describe('the rundown printed', () => {
  it('is a landscape grid with the show in the header and every row in order', async () => {
    const bytes = await rundownPdf(
      { title: '6 PM NEWS', airDate: '2026-11-30', view: show(), printedAt: new Date(0) },
      'A4',
    );
    const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    const page = await doc.getPage(1);
    const [, , w, h] = page.view;
    expect(w).toBeGreaterThan(h!);
    await doc.destroy();

    const [text] = await pdfText(bytes);
    expect(text).toContain('6 PM NEWS');
    expect(text).toContain('Monday, 30 November 2026');
    expect(text).toContain('Over/under -19:27 light');
    // The hit at 18:10:00 leaves time open before it: the show ends at the last row's end.
    expect(text).toContain('Ends 18:10:33');
    const order = ['HEADLINES', 'HARBOR FIRE', '항만 화재 속보 (FLOAT)', 'BREAK 1', '=HYPERLINK'];
    const at = order.map((s) => text!.indexOf(s));
    expect(order.filter((_, i) => at[i]! < 0)).toEqual([]);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('HIT 18:10:00');
    // The actual a row aired for is printed beside its estimate: the times below it follow it.
    expect(text).toContain('ACTUAL');
    expect(text).toMatch(/0:30\s+0:33\s+HIT 18:10:00/);
  });

  it('repeats the header on every page and numbers the pages', async () => {
    const bytes = await rundownPdf(
      { title: 'ELECTION NIGHT', airDate: '2026-11-30', view: show(60), printedAt: new Date(0) },
      'LETTER',
    );
    const pages = await pdfText(bytes);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((p, i) => {
      expect(p).toContain('ELECTION NIGHT');
      expect(p).toContain('SLUG');
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });
});
