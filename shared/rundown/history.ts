import { formatDuration } from '../story/timing';
import { formatClock } from './clock';

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
  /** What the row was called, and the value before and after (positions count from 1). */
  detail: { slug?: string; from?: string | number | null; to?: string | number | null };
};

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
    case 'edited':
      return `Changed the show’s ${String(from ?? 'details')}`;
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
