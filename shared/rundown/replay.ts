import type { RundownAction } from './history';
import type { Rundown, RundownRow } from './model';

/** A change as a rundown's history records it: what was done to which row, and the new value. */
export type RecordedChange = {
  action: RundownAction;
  rowId: string | null;
  detail: { from?: string | number | null; to?: string | number | null };
};

/** The show's fields an `edited` entry names (as the history words them). */
const SHOW_FIELDS = {
  title: 'title',
  'air date': 'airDate',
  'on-air time': 'onAirSec',
  length: 'lengthSec',
  'block budgets': 'blockBudgets',
} as const satisfies Record<string, keyof Rundown>;

const num = (v: string | number | null | undefined) => (typeof v === 'number' ? v : null);

/**
 * Another desk's changes reached the newsroom first: this desk's own changes, made on an older
 * version, are made again on the newsroom's (`onto`), one by one as its history recorded them —
 * a row moved to its place, a value set, a row added or taken out, the show's details changed —
 * so that neither desk's work is lost. `mine` is this desk's rundown as it now is: an added row
 * and a changed show field are taken from it. A change to a row the other desk took out is
 * dropped with the row.
 */
export function replayChanges(
  onto: Rundown,
  mine: Rundown,
  changes: readonly RecordedChange[],
): Rundown {
  let rows: RundownRow[] = [...onto.rows];
  let show: Rundown = onto;
  const index = (rowId: string | null) =>
    rowId === null ? -1 : rows.findIndex((r) => r.id === rowId);
  const setRow = (rowId: string | null, change: Partial<RundownRow>) => {
    const at = index(rowId);
    if (at < 0) return;
    rows = rows.map((r, i) => (i === at ? { ...r, ...change } : r));
  };

  /** The rows this desk added or moved: placed as it has them, once every change is made. */
  const placed = new Set<string>();

  for (const { action, rowId, detail } of changes) {
    const to = detail.to;
    switch (action) {
      case 'added': {
        const row = mine.rows.find((r) => r.id === rowId);
        if (!row || index(rowId) >= 0) break;
        rows = [...rows, row];
        placed.add(row.id);
        break;
      }
      case 'moved':
        if (index(rowId) >= 0) placed.add(rowId!);
        break;
      case 'removed':
        rows = rows.filter((r) => r.id !== rowId);
        break;
      case 'floated':
      case 'unfloated':
        setRow(rowId, { floated: action === 'floated' });
        break;
      case 'hit':
        setRow(rowId, { hitSec: num(to) });
        break;
      case 'actual':
        setRow(rowId, { actualSec: num(to) });
        break;
      case 'estimate': {
        const row = rows[index(rowId)];
        // A break or an item always has a length; only a story's row goes back to its script.
        if (row) setRow(rowId, { estSec: num(to) ?? (row.kind === 'story' ? null : 0) });
        break;
      }
      case 'page':
        setRow(rowId, { page: typeof to === 'string' ? to : null });
        break;
      case 'label':
        if (typeof to === 'string' && to !== '') setRow(rowId, { label: to });
        break;
      case 'edited': {
        const field = SHOW_FIELDS[detail.from as keyof typeof SHOW_FIELDS];
        if (field) show = { ...show, [field]: mine[field] };
        break;
      }
      case 'created':
        break;
    }
  }
  return {
    ...show,
    rows: placeAsMine(rows, mine.rows, placed),
    updatedAt: mine.updatedAt > onto.updatedAt ? mine.updatedAt : onto.updatedAt,
  };
}

/**
 * `rows` with each row of `placed` put where this desk has it: after the row before it in `mine`
 * (wherever the other desk moved that one; the nearest earlier row when that one is gone), or
 * first. The other rows keep the newsroom's order: a move changes no other row's order, so when
 * nobody else changed the show this gives `mine`'s order exactly.
 */
function placeAsMine(
  rows: readonly RundownRow[],
  mine: readonly RundownRow[],
  placed: ReadonlySet<string>,
): RundownRow[] {
  if (placed.size === 0) return [...rows];
  const moving = new Map(rows.filter((r) => placed.has(r.id)).map((r) => [r.id, r]));
  const out = rows.filter((r) => !placed.has(r.id));
  let after = -1; // where the last row of `mine` present in `out` stands
  for (const row of mine) {
    const taken = moving.get(row.id);
    if (taken) {
      out.splice(after + 1, 0, taken);
      after += 1;
    } else {
      const at = out.findIndex((r) => r.id === row.id);
      if (at >= 0) after = at;
    }
  }
  return out;
}
