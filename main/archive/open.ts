import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { ArchiveError } from './errors';
import { archiveErrorFromSqlite } from './sqliteErrors';
import { assertSchemaKnown, migrate } from './migrate';
import { listBackups } from './backup';
import { APPLICATION_ID } from './identity';

export { APPLICATION_ID };

const SQLITE_HEADER = 'SQLite format 3\u0000';

export type Archive = {
  readonly db: Database;
  readonly path: string;
  close(): void;
};

export type OpenArchiveOptions = {
  /** Path to a better-sqlite3 binary built for the running runtime (Electron vs Node). */
  nativeBinding?: string;
};

/**
 * Up to this size the archive is checked (SQLite's quick check) every time it opens; a bigger
 * one would make opening slow, so it is checked by `copydesk check` and before every backup.
 */
export const OPEN_CHECK_MAX_BYTES = 128 * 1024 * 1024;

/**
 * How long a write waits for another process's write (the desktop app, the CLI, a backup) to
 * finish before it gives up with "the archive is busy". Writes are short: a save is
 * milliseconds, an import batch well under a second.
 */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (or creates) an archive file. Anything that is not an empty file, a fresh path or a
 * SQLite database of ours is refused before a single byte is written to it.
 */
export function openArchive(path: string, options: OpenArchiveOptions = {}): Archive {
  if (path !== ':memory:') checkFileBeforeOpening(path);
  let db: Database;
  try {
    db = new BetterSqlite3(path, { nativeBinding: options.nativeBinding });
  } catch (cause) {
    throw new ArchiveError(
      'ARCHIVE_UNAVAILABLE',
      `Cannot open the archive at ${path}: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
  try {
    // Before anything reads: another process may be in the middle of a write.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Everything that could refuse the file runs before the first write to it.
    const ownership = checkOwnership(db, path);
    assertSchemaKnown(db);
    if (ownership === 'ours' && path !== ':memory:' && statSync(path).size <= OPEN_CHECK_MAX_BYTES)
      quickCheck(db, path);
    if (ownership === 'fresh') db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    db.close();
    if (error instanceof ArchiveError) throw error;
    const known = archiveErrorFromSqlite(error);
    if (known?.code === 'ARCHIVE_CORRUPT') {
      throw new ArchiveError(
        'ARCHIVE_CORRUPT',
        `The archive at ${path} is damaged and was not changed.`,
        { cause: error },
      );
    }
    throw known ?? error;
  }
  return { db, path, close: () => db.close() };
}

/** SQLite's quick integrity check; reads only. A damaged archive is refused with the way back. */
export function quickCheck(db: Database, path: string): void {
  const rows = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
  if (rows.length === 1 && rows[0]!.quick_check === 'ok') return;
  const latest = listBackups(path)[0];
  const way = latest
    ? ` The latest backup is ${latest.path} (${latest.at.slice(0, 16).replace('T', ' ')}); restore it with \`copydesk restore "${latest.path}" --archive "${path}"\`.`
    : ' There is no automatic backup beside it.';
  throw new ArchiveError(
    'ARCHIVE_CORRUPT',
    `The archive at ${path} is damaged (${rows[0]?.quick_check ?? 'unknown problem'}) and was not changed.${way}`,
  );
}

function checkFileBeforeOpening(path: string): void {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (stat.isDirectory()) {
    throw new ArchiveError('NOT_AN_ARCHIVE', `${path} is a folder, not an archive file.`);
  }
  if (stat.size === 0) return;
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new ArchiveError(
      'NOT_AN_ARCHIVE',
      `${path} is not a Copydesk archive (it is not a SQLite database). It was left unchanged.`,
    );
  }
}

function checkOwnership(db: Database, path: string): 'fresh' | 'ours' {
  let appId: number;
  let tables: number;
  try {
    appId = db.pragma('application_id', { simple: true }) as number;
    tables = (
      db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as {
        n: number;
      }
    ).n;
  } catch (cause) {
    throw new ArchiveError(
      'ARCHIVE_CORRUPT',
      `The archive at ${path} is damaged and was not changed.`,
      { cause },
    );
  }
  if (appId !== APPLICATION_ID && (appId !== 0 || tables > 0)) {
    throw new ArchiveError(
      'NOT_AN_ARCHIVE',
      `${path} is a SQLite database but not a Copydesk archive. It was left unchanged.`,
    );
  }
  return appId === APPLICATION_ID ? 'ours' : 'fresh';
}
