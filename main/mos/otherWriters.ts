import type { Database } from 'better-sqlite3';

/**
 * Calls `onChange` when another connection (another Copydesk process: the CLI, a second server)
 * commits to the archive. SQLite's `data_version` moves only for other connections' commits, so
 * this process's own writes — which the change feed already told — never call it. One pragma
 * read per tick costs microseconds.
 */
export function watchOtherWriters(db: Database, onChange: () => void, everyMs: number): () => void {
  const version = () => db.pragma('data_version', { simple: true }) as number;
  let last = version();
  const timer = setInterval(() => {
    if (!db.open) return;
    const now = version();
    if (now === last) return;
    last = now;
    onChange();
  }, everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
