/** The rows with one moved to a new place (counted from 0; past the end means at the end). */
export function moveRow<R extends { id: string }>(
  rows: readonly R[],
  rowId: string,
  to: number,
): R[] {
  const from = rows.findIndex((r) => r.id === rowId);
  if (from < 0) return [...rows];
  const next = [...rows];
  const [row] = next.splice(from, 1);
  next.splice(Math.min(to, next.length), 0, row!);
  return next;
}

/**
 * Where a new row goes: right after `afterId` (first when null), wherever that row now is; at
 * `fallback` (counted from 0, past the end meaning the end) when `afterId` is not given or is no
 * longer in the show.
 */
export function placeIndex(
  rows: readonly { id: string }[],
  afterId: string | null | undefined,
  fallback: number,
): number {
  if (afterId === null) return 0;
  const anchor = afterId === undefined ? -1 : rows.findIndex((r) => r.id === afterId);
  return anchor >= 0 ? anchor + 1 : Math.min(Math.max(fallback, 0), rows.length);
}

/**
 * The rows with one put right after another (`afterId`; first when null): a move as the producer
 * made it, "after BRIDGE", whatever another desk did to the order meanwhile. When `afterId` is no
 * longer in the show, the row goes to `fallback` (counted from 0).
 */
export function placeAfter<R extends { id: string }>(
  rows: readonly R[],
  rowId: string,
  afterId: string | null,
  fallback: number,
): R[] {
  const row = rows.find((r) => r.id === rowId);
  if (!row) return [...rows];
  const rest = rows.filter((r) => r.id !== rowId);
  const at = placeIndex(rest, afterId, fallback);
  return [...rest.slice(0, at), row, ...rest.slice(at)];
}
