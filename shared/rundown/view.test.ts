import { describe, expect, it } from 'vitest';
import type { RundownRow } from './model';
import { viewRundown, type RowStory } from './view';

let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

const storyRow = (storyId: string, extra: Partial<RundownRow> = {}): RundownRow => ({
  id: id(),
  kind: 'story',
  storyId,
  label: '',
  page: null,
  estSec: null,
  actualSec: null,
  floated: false,
  hitSec: null,
  ...extra,
});

const breakRow = (label: string, estSec: number): RundownRow => ({
  ...storyRow(''),
  kind: 'break',
  storyId: null,
  label,
  estSec,
});

const info = (slug: string, trtSec: number, trtEstimated = false): RowStory => ({
  id: id(),
  slug,
  format: 'READER',
  presenter: 'Ana Reyes',
  reporter: '',
  status: 'draft',
  trtSec,
  trtEstimated,
});

describe('viewRundown', () => {
  const fire = info('HARBOR FIRE', 95);
  const budget = info('CITY BUDGET', 130, true);
  const stories = new Map([fire, budget].map((s) => [s.id, s]));
  const show = { onAirSec: 18 * 3600, lengthSec: 600, blockBudgets: { A: 240 } };

  it('times a story row from its script, a typed estimate overriding it, an actual overriding both', () => {
    const rows = [
      storyRow(fire.id),
      storyRow(budget.id, { estSec: 120 }),
      storyRow(fire.id, { estSec: 40, actualSec: 52 }),
    ];
    const view = viewRundown({ ...show, rows }, stories);
    expect(view.lines.map((l) => [l.slug, l.estSec, l.durSec])).toEqual([
      ['HARBOR FIRE', 95, 95],
      ['CITY BUDGET', 120, 120],
      ['HARBOR FIRE', 40, 52],
    ]);
    expect(view.totalSec).toBe(95 + 120 + 52);
  });

  it('marks a story estimate as estimated when its script has untimed media', () => {
    const view = viewRundown({ ...show, rows: [storyRow(budget.id)] }, stories);
    expect(view.lines[0]!.estEstimated).toBe(true);
  });

  it('gives pages and blocks by the breaks, and each block its over/under', () => {
    const rows = [storyRow(fire.id), breakRow('BREAK 1', 120), storyRow(budget.id)];
    const view = viewRundown({ ...show, rows }, stories);
    expect(view.lines.map((l) => l.page)).toEqual(['A1', 'A2', 'B1']);
    expect(view.blocks).toEqual([
      { name: 'A', totalSec: 215, budgetSec: 240, overUnderSec: -25 },
      { name: 'B', totalSec: 130, budgetSec: null, overUnderSec: null },
    ]);
    expect(view.overUnderSec).toBe(215 + 130 - 600);
  });
});
