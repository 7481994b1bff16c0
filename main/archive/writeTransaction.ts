import type { Database } from 'better-sqlite3';

/**
 * Runs `fn` as one write transaction that takes the archive's write lock at BEGIN (IMMEDIATE).
 * A deferred transaction reads first and asks for the lock at its first write; if another
 * process (the desktop app, the CLI, a backup) holds it then, SQLite answers BUSY at once
 * instead of waiting out `busy_timeout`, because waiting there could deadlock. Taking the lock
 * first lets the writers queue. Inside another transaction it nests as a savepoint.
 */
export function writeTransaction<T>(db: Database, fn: () => T): T {
  return db.transaction(fn).immediate();
}
