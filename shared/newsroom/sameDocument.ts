/**
 * Whether two JSON documents say the same thing, whatever the order of their keys (PostgreSQL's
 * jsonb keeps keys in its own order). `ignore` names top-level keys left out of the comparison.
 */
export function sameDocument(a: unknown, b: unknown, ignore: readonly string[] = []): boolean {
  return canonical(a, ignore) === canonical(b, ignore);
}

function canonical(value: unknown, ignore: readonly string[] = []): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => v !== undefined && !ignore.includes(k))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
