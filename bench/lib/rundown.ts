import type { RundownDetail } from '../../shared/rundown/channels';
import type { BenchApp } from './app';

/** The title of the show the benches build (a date of its own, so the rundown list shows it). */
export const SHOW_TITLE = 'BENCH SHOW';
export const SHOW_DATE = '2026-11-30';

/** One row of a show, as `rundowns.addRow` takes it. */
export type BenchRow =
  | { kind: 'story'; storyId: string }
  | { kind: 'break'; label: string; estSec: number }
  | { kind: 'item'; label: string; estSec: number };

/**
 * A show of `rows` rows the way producers build one: a HEADLINES item, blocks of stories each
 * ending in a commercial break, a GOODNIGHT item. The stories are `storyIds` in order; `special`,
 * when given, sits in the middle of the show. Breaks and items fill what the stories leave.
 */
export function showRows(rows: number, storyIds: readonly string[], special?: string): BenchRow[] {
  const ids = [...storyIds];
  if (special !== undefined) ids.splice(Math.floor(ids.length / 2), 0, special);
  const fillers = Math.max(2, rows - ids.length);
  const breaks = fillers - 2;
  const perBlock = Math.max(1, Math.ceil(ids.length / (breaks + 1)));
  const out: BenchRow[] = [{ kind: 'item', label: 'HEADLINES', estSec: 45 }];
  let added = 0;
  ids.forEach((storyId, i) => {
    out.push({ kind: 'story', storyId });
    if ((i + 1) % perBlock === 0 && added < breaks && i < ids.length - 1) {
      added++;
      out.push({ kind: 'break', label: `BREAK ${added}`, estSec: 150 });
    }
  });
  for (; added < breaks; added++)
    out.push({ kind: 'break', label: `BREAK ${added + 1}`, estSec: 150 });
  out.push({ kind: 'item', label: 'GOODNIGHT', estSec: 20 });
  return out.slice(0, Math.max(rows, 2));
}

/** Creates the show through the API, row by row as the screen adds them; returns its id. */
export async function buildRundown(
  call: BenchApp['call'],
  rows: number,
  special: string | undefined,
  storyIds: readonly string[],
): Promise<string> {
  const created = (await call('rundowns.create', {
    title: SHOW_TITLE,
    airDate: SHOW_DATE,
    onAirSec: 18 * 3600,
    lengthSec: Math.min(6 * 3600, rows * 90),
  })) as RundownDetail;
  const id = created.rundown.id;
  for (const row of showRows(rows, storyIds, special)) {
    await call('rundowns.addRow', { id, row });
  }
  return id;
}
