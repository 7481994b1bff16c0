import { formatDuration } from '../story/timing';
import { formatClock } from './clock';
import {
  describeShowValue,
  editedField,
  recordedShowValue,
  SHOW_FIELDS,
  type ChangeDetail,
  type RundownAction,
  type ShowFieldName,
} from './history';
import { storedEstSec, type Rundown, type RundownRow } from './model';

/** A change as a rundown's history records it: what was done to which row, and the new value. */
export type RecordedChange = {
  action: RundownAction;
  rowId: string | null;
  detail: ChangeDetail;
};

/** A row's values a change sets, by the action its history records. */
const VALUES = {
  hit: 'hitSec',
  actual: 'actualSec',
  estimate: 'estSec',
  page: 'page',
  label: 'label',
} as const satisfies Partial<Record<RundownAction, keyof RundownRow>>;
type ValueAction = keyof typeof VALUES;

/**
 * A value this desk set that another desk had set to something else meanwhile: made again on the
 * newer version, this desk's value replaces theirs. A row's value (`rowId`, `action`), or the
 * show's own detail (`rowId` null, `action` 'edited', `field`). `by` names the other desk's
 * person where it is known.
 */
export type ValueClash = ClashedValue & {
  slug: string;
  theirs: string | number | null;
  mine: string | number | null;
  by?: string;
};

/** Which value a clash is about: a row's, or one of the show's own details. */
export type ClashedValue =
  { rowId: string; action: ValueAction } | { rowId: null; action: 'edited'; field: ShowFieldName };

/**
 * The value a recorded change sets, as a key: the row and the action, or the show's detail.
 * Null for a change that sets no value (a move, a float, a row added or taken out).
 */
export function valueKey(change: RecordedChange): string | null {
  if (change.action === 'edited') {
    const name = editedField(change.detail);
    return name ? `show ${name}` : null;
  }
  return change.action in VALUES && change.rowId !== null
    ? `row ${change.rowId} ${change.action}`
    : null;
}

/** Changes that set a value, by the value they set (`valueKey`), each value's in their order. */
function byValue<C extends RecordedChange>(changes: readonly C[]): Map<string, C[]> {
  const sets = new Map<string, C[]>();
  for (const change of changes) {
    const key = valueKey(change);
    if (key === null) continue;
    const list = sets.get(key);
    if (list) list.push(change);
    else sets.set(key, [change]);
  }
  return sets;
}

/** The key of the value a clash is about, as `valueKey` gives it for the changes that set it. */
export const clashKey = (c: ValueClash): string =>
  c.rowId === null ? `show ${c.field}` : `row ${c.rowId} ${c.action}`;

/**
 * The values `changes` set that another desk changed too since this desk's version: the row's
 * value on `onto` is neither what this desk started from nor what it set. Both desks setting the
 * same value is no clash; nor is a value on a row taken out meanwhile (the change goes with it).
 * A row this desk took out and put back (an undone removal) comes back as `mine` has it: each of
 * its values another desk changed meanwhile is a clash too.
 */
export function clashingValues(
  onto: Rundown,
  changes: readonly RecordedChange[],
  mine?: Rundown,
): ValueClash[] {
  const firsts = byValue(changes);
  const clashes: ValueClash[] = [];
  for (const ofValue of firsts.values()) {
    const change = ofValue[0]!;
    const last = ofValue.at(-1)!;
    if (change.action === 'edited') {
      const clash = showClash(onto, change, last);
      if (clash) clashes.push(clash);
      continue;
    }
    const row = onto.rows.find((r) => r.id === change.rowId);
    if (!row) continue;
    const action = change.action as ValueAction;
    const value = (v: string | number | null | undefined) =>
      action === 'estimate' ? storedEstSec(row.kind, num(v)) : (v ?? null);
    const theirs = row[VALUES[action]];
    const from = value(change.detail.from);
    const set = value(last.detail.to);
    if (theirs === from || theirs === set) continue;
    clashes.push({
      rowId: row.id,
      slug: change.detail.slug ?? row.label ?? '',
      action,
      theirs,
      mine: set,
    });
  }
  const removed = new Set(changes.filter((c) => c.action === 'removed').map((c) => c.rowId));
  const putBack = new Set<string>();
  for (const change of changes) {
    if (change.action !== 'added' || !removed.has(change.rowId) || putBack.has(change.rowId!))
      continue;
    putBack.add(change.rowId!);
    const theirs = onto.rows.find((r) => r.id === change.rowId);
    const back = mine?.rows.find((r) => r.id === change.rowId);
    if (!theirs || !back) continue;
    for (const [action, field] of Object.entries(VALUES) as [ValueAction, keyof RundownRow][]) {
      if (firsts.has(`row ${back.id} ${action}`) || theirs[field] === back[field]) continue;
      clashes.push({
        rowId: back.id,
        slug: change.detail.slug ?? back.label ?? '',
        action,
        theirs: theirs[field] as string | number | null,
        mine: back[field] as string | number | null,
      });
    }
  }
  return clashes;
}

/**
 * The show's detail this desk changed (from `first`'s value before to `last`'s after) when the
 * newer version holds neither. Entries recorded without values say nothing here.
 */
function showClash(onto: Rundown, first: RecordedChange, last: RecordedChange): ValueClash | null {
  const field = editedField(first.detail);
  const from = first.detail.field === undefined ? undefined : first.detail.from;
  const set = last.detail.field === undefined ? undefined : last.detail.to;
  if (!field || from === undefined || set === undefined) return null;
  const theirs = recordedShowValue(onto, field);
  if (theirs === undefined || theirs === from || theirs === set) return null;
  return { rowId: null, slug: onto.title, action: 'edited', field, theirs, mine: set };
}

const VALUE_NAMES: Record<ValueAction, string> = {
  hit: 'hard hit',
  actual: 'actual',
  estimate: 'estimate',
  page: 'page',
  label: 'name',
};

function shownValue(action: ValueAction, value: string | number | null): string {
  if (value === null) return action === 'page' ? 'auto' : 'none';
  if (typeof value === 'string') return value;
  return action === 'hit' ? formatClock(value) : formatDuration(value);
}

/**
 * The clashes in sentences, for the producer whose values replaced another desk's: which row,
 * which value, whose it was, so that they can put it back if theirs was the one to keep.
 */
export function describeClashes(clashes: readonly ValueClash[]): string {
  const said = inOrder(clashes).map((c) => {
    const { what, value } = words(c);
    return `${what}: yours, ${value(c.mine)}, replaced ${whose(c)} ${value(c.theirs)}`;
  });
  return `Changed at another desk too, and yours was kept. ${said.join('; ')}.`;
}

/**
 * Values another desk set over the ones this desk held, in sentences, for the producer whose
 * values were replaced (the other desk's changes reached the newsroom later, and were kept).
 */
export function describeReplaced(replaced: readonly ValueClash[]): string {
  const said = inOrder(replaced).map((c) => {
    const { what, value } = words(c);
    return `${what}: ${whose(c)} ${value(c.theirs)} replaced ${value(c.mine)} here`;
  });
  return `Changed at another desk too, and theirs was kept. ${said.join('; ')}.`;
}

/** The show's own details first, right after the sentence before them. */
const inOrder = (clashes: readonly ValueClash[]) =>
  [...clashes].sort((a, b) => Number(a.rowId !== null) - Number(b.rowId !== null));

const whose = (c: ValueClash) => (c.by ? `${c.by}’s` : 'another desk’s');

/** Which value a clash is about, and its values in the producer's units. */
function words(c: ValueClash): {
  what: string;
  value: (v: string | number | null) => string;
} {
  if (c.action === 'edited') {
    const field = c.field;
    return { what: `The show’s ${field}`, value: (v) => describeShowValue(field, v) };
  }
  const action = c.action;
  return {
    what: `${c.slug || 'a row'}’s ${VALUE_NAMES[action]}`,
    value: (v) => shownValue(action, v),
  };
}

/**
 * The values set at this desk that another desk's changes replaced without having seen them.
 * `here` is this desk's rundown before it takes the newsroom's version, `stored` what it keeps
 * (the newsroom's, with this desk's unsent changes made again on top), `theirs` the other desks'
 * history entries that came with it, oldest first, each later than this desk's own change to the
 * same value, and `setHere` the keys (`valueKey`) of the values whose last change here was this
 * desk's. A value counts when it was set here, `stored` holds another, and none of the other
 * desks' changes started from it or set it (one that did was made knowing it). `by` names the
 * first of them: the change made over this desk's value. Entries without values (a show detail
 * recorded before they carried them) say nothing.
 */
export function replacedValues(
  here: Rundown,
  stored: Rundown,
  theirs: readonly (RecordedChange & { author?: string })[],
  setHere: ReadonlySet<string>,
): ValueClash[] {
  const replaced: ValueClash[] = [];
  for (const [key, changes] of byValue(theirs)) {
    if (!setHere.has(key)) continue;
    const first = changes[0]!;
    const value = heldValue(first);
    if (!value) continue;
    const mine = value.on(here);
    const kept = value.on(stored);
    if (mine === undefined || kept === undefined || mine === kept) continue;
    const knew = changes.some((c) =>
      [c.detail.from, c.detail.to].some((v) => v !== undefined && value.stored(v, here) === mine),
    );
    if (knew) continue;
    replaced.push({
      slug:
        first.detail.slug ??
        (first.rowId === null
          ? stored.title
          : (stored.rows.find((r) => r.id === first.rowId)?.label ?? '')),
      ...value.which,
      theirs: kept,
      mine,
      ...(first.author ? { by: first.author } : {}),
    });
  }
  return replaced;
}

/**
 * How to read the value a change sets on a version of the show (undefined: the row is not on it,
 * or the value is too long to record), and a recorded value as that version stores it.
 */
function heldValue(change: RecordedChange): {
  which: ClashedValue;
  on: (show: Rundown) => string | number | null | undefined;
  stored: (v: string | number | null, show: Rundown) => string | number | null;
} | null {
  if (change.action === 'edited') {
    const field = editedField(change.detail);
    if (!field || change.detail.field === undefined) return null;
    return {
      which: { rowId: null, action: 'edited', field },
      on: (show) => recordedShowValue(show, field),
      stored: (v) => v,
    };
  }
  const rowId = change.rowId;
  if (!(change.action in VALUES) || rowId === null) return null;
  const action = change.action as ValueAction;
  const rowOf = (show: Rundown) => show.rows.find((r) => r.id === rowId);
  return {
    which: { rowId, action },
    on: (show) => rowOf(show)?.[VALUES[action]] as string | number | null | undefined,
    stored: (v, show) => {
      const row = rowOf(show);
      return action === 'estimate' && row ? storedEstSec(row.kind, num(v)) : v;
    },
  };
}

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
        if (row) setRow(rowId, { estSec: storedEstSec(row.kind, num(to)) });
        break;
      }
      case 'page':
        setRow(rowId, { page: typeof to === 'string' ? to : null });
        break;
      case 'label':
        if (typeof to === 'string' && to !== '') setRow(rowId, { label: to });
        break;
      case 'edited': {
        const name = editedField(detail);
        if (name) show = { ...show, [SHOW_FIELDS[name]]: mine[SHOW_FIELDS[name]] };
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
