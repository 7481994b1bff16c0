import { formatDuration } from '../story/timing';
import { formatClock } from './clock';
import type { Rundown } from './model';

/** A rundown as lists show it. */
export type RundownSummary = {
  id: string;
  title: string;
  airDate: string;
  onAirSec: number;
  lengthSec: number;
  updatedAt: string;
  rowCount: number;
};

export const RUNDOWN_ACTIONS = [
  'created',
  'edited',
  'added',
  'moved',
  'removed',
  'floated',
  'unfloated',
  'hit',
  'actual',
  'estimate',
  'page',
  'label',
] as const;
export type RundownAction = (typeof RUNDOWN_ACTIONS)[number];

/** One change to a rundown, who made it and when. */
export type RundownHistoryEntry = {
  seq: number;
  at: string;
  author: string;
  action: RundownAction;
  rowId: string | null;
  detail: ChangeDetail;
};

/**
 * What a change did: the row's name, and the value before and after (positions count from 1).
 * An `edited` entry names the show's detail it changed in `field`, with that detail's value
 * before and after; entries recorded before those carried values name it in `from`.
 */
export type ChangeDetail = {
  slug?: string;
  field?: ShowFieldName;
  from?: string | number | null;
  to?: string | number | null;
};

/** The show's details an `edited` entry names, as the history words them, and their fields. */
export const SHOW_FIELDS = {
  title: 'title',
  'air date': 'airDate',
  'on-air time': 'onAirSec',
  length: 'lengthSec',
  'block budgets': 'blockBudgets',
} as const satisfies Record<string, keyof Rundown>;
export type ShowFieldName = keyof typeof SHOW_FIELDS;
export const SHOW_FIELD_NAMES = Object.keys(SHOW_FIELDS) as [ShowFieldName, ...ShowFieldName[]];

const isShowField = (name: unknown): name is ShowFieldName =>
  typeof name === 'string' && Object.hasOwn(SHOW_FIELDS, name);

/** The show's detail an `edited` entry changed, or null when it does not say. */
export function editedField(detail: ChangeDetail): ShowFieldName | null {
  if (detail.field !== undefined) return isShowField(detail.field) ? detail.field : null;
  return isShowField(detail.from) ? detail.from : null;
}

/** Block budgets longer than this as text are recorded without their values. */
const MAX_RECORDED = 200;

/**
 * A show's detail as a history entry holds it; block budgets as text, block by block in order.
 * Undefined where the value is too long to record (a history value is 200 characters at most).
 */
export function recordedShowValue(
  show: Pick<Rundown, ShowField>,
  name: ShowFieldName,
): string | number | undefined {
  const field = SHOW_FIELDS[name];
  if (field !== 'blockBudgets') return show[field];
  const text = budgetsText(show.blockBudgets);
  return text.length <= MAX_RECORDED ? text : undefined;
}

/** Block budgets as text, block by block in order: the same budgets give the same text. */
export function budgetsText(budgets: Rundown['blockBudgets']): string {
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(budgets)
        .sort(byBlock)
        .map((block) => [block, budgets[block]]),
    ),
  );
}
type ShowField = (typeof SHOW_FIELDS)[ShowFieldName];

/** A before A … Z before AA. */
const byBlock = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** A show's detail in words, as a history entry holds it. */
export function describeShowValue(name: ShowFieldName, value: string | number | null): string {
  if (value === null) return 'none';
  switch (name) {
    case 'on-air time':
      return typeof value === 'number' ? formatClock(value) : String(value);
    case 'length':
      return typeof value === 'number' ? formatDuration(value) : String(value);
    case 'block budgets': {
      const budgets = typeof value === 'string' ? parseBudgets(value) : null;
      if (!budgets) return String(value);
      const said = Object.entries(budgets).map(([block, sec]) => `${block} ${formatDuration(sec)}`);
      return said.length > 0 ? said.join(', ') : 'none';
    }
    default:
      return String(value);
  }
}

function parseBudgets(text: string): Record<string, number> | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    const entries = Object.entries(parsed);
    return entries.every(([, v]) => typeof v === 'number') ? Object.fromEntries(entries) : null;
  } catch {
    return null;
  }
}

const length = (v: string | number | null | undefined) =>
  typeof v === 'number' ? formatDuration(v) : 'none';
const clock = (v: string | number | null | undefined) =>
  typeof v === 'number' ? formatClock(v) : 'none';

/** The change in a sentence, as the history list shows it. */
export function describeChange(entry: Pick<RundownHistoryEntry, 'action' | 'detail'>): string {
  const { slug = 'a row', from, to } = entry.detail;
  switch (entry.action) {
    case 'created':
      return `Created the rundown${typeof to === 'string' && to ? ` from the template “${to}”` : ''}`;
    case 'edited': {
      const name = editedField(entry.detail);
      if (!name) return 'Changed the show’s details';
      if (from === undefined || to === undefined) return `Changed the show’s ${name}`;
      return `Changed the show’s ${name}: ${describeShowValue(name, from)} → ${describeShowValue(name, to)}`;
    }
    case 'added':
      return `Added ${slug} at ${String(to)}`;
    case 'moved':
      return `Moved ${slug} from ${String(from)} to ${String(to)}`;
    case 'removed':
      return `Removed ${slug} (was ${String(from)})`;
    case 'floated':
      return `Floated ${slug}`;
    case 'unfloated':
      return `Unfloated ${slug}`;
    case 'hit':
      return to === null
        ? `Cleared the hit on ${slug}`
        : `Set a hard hit at ${clock(to)} on ${slug}`;
    case 'actual':
      return `Actual for ${slug}: ${length(to)}`;
    case 'estimate':
      return `Estimate for ${slug}: ${length(from)} → ${length(to)}`;
    case 'page':
      return `Page for ${slug}: ${String(from ?? 'auto')} → ${String(to ?? 'auto')}`;
    case 'label':
      return `Renamed ${String(from)} to ${String(to)}`;
  }
}
