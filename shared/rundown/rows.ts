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
