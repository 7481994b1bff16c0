import type { Database } from 'better-sqlite3';
import { foldCase } from '../../shared/text/foldCase';
import { ArchiveError } from './errors';
import { MIGRATIONS, type Migration } from './migrations';
import { writeTransaction } from './writeTransaction';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** The schema version this build writes. */
export function latestSchemaVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Refuses a file written by a newer Copydesk; returns its schema version otherwise. Reads only. */
export function assertSchemaKnown(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
): number {
  const latest = latestSchemaVersion(migrations);
  const current = schemaVersion(db);
  if (current > latest) {
    throw new ArchiveError(
      'ARCHIVE_TOO_NEW',
      `This archive was written by a newer Copydesk (schema ${current}; this version knows up to ${latest}). Update Copydesk to open it.`,
    );
  }
  return current;
}

/**
 * Brings the archive up to the newest schema this build knows, one migration per transaction
 * with its user_version bump, so a crash leaves the file at a whole version. A file written by
 * a newer Copydesk is refused rather than touched.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = assertSchemaKnown(db, migrations);
  // Migrations that fill a case-folded key column call the same fold the code uses. Only they
  // do: no trigger, index or view depends on it, so any SQLite can still read and write the file.
  db.function('copydesk_fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldCase(text) : text,
  );
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    writeTransaction(db, () => {
      // Another process opening the same archive may have applied it while this one waited.
      if (schemaVersion(db) >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    });
  }
  return schemaVersion(db);
}
