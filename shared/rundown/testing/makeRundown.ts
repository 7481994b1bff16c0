import type { Rundown, RundownRow } from '../model';

/** A row for tests: an item of 0:30 named after its id, unless `over` says otherwise. */
export function makeRow(id: string, over: Partial<RundownRow> = {}): RundownRow {
  return {
    id,
    kind: 'item',
    storyId: null,
    label: id.toUpperCase(),
    page: null,
    estSec: 30,
    actualSec: null,
    floated: false,
    hitSec: null,
    ...over,
  };
}

/** A half-hour 6 PM show on 2026-11-30 holding `rows`, at version 1. */
export function makeRundown(rows: RundownRow[]): Rundown {
  return {
    id: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
    title: '6 PM NEWS',
    airDate: '2026-11-30',
    onAirSec: 18 * 3600,
    lengthSec: 1800,
    blockBudgets: {},
    rows,
    createdAt: '2026-11-30T09:00:00.000Z',
    updatedAt: '2026-11-30T09:00:00.000Z',
    version: 1,
  };
}
