import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { ArchiveError } from './errors';
import { archiveErrorFromSqlite } from './sqliteErrors';
import { assertSchemaKnown, latestSchemaVersion, migrate } from './migrate';
import { openReadOnly, whyNotWritable, type ReadOnlyConnection } from './readOnly';
import { listBackups } from './backup';
import { APPLICATION_ID } from './identity';

export { APPLICATION_ID };

const SQLITE_HEADER = 'SQLite format 3\u0000';

export type Archive = {
  readonly db: Database;
  readonly path: string;
  /** Opened for reading only: every write is refused with ARCHIVE_READ_ONLY. */
  readonly readOnly: boolean;
  close(): void;
};

export type OpenArchiveOptions = {
  /** Path to a better-sqlite3 binary built for the running runtime (Electron vs Node). */
  nativeBinding?: string;
  /**
   * `write` (the default) opens or creates the archive to change it, and refuses a file it could
   * not save to. `read` opens an existing archive for reading only and never writes to it, so
   * it works in a read-only folder or on a read-only drive.
   */
  access?: 'read' | 'write';
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
 * SQLite database of ours is refused before a single byte is written to it; so is, for writing,
 * an archive in a place that cannot be written (ARCHIVE_READ_ONLY, not "damaged").
 */
export function openArchive(path: string, options: OpenArchiveOptions = {}): Archive {
  if (path === ':memory:') return openForWriting(path, options);
  checkFileBeforeOpening(path);
  if (options.access === 'read') return openForReading(path, options);
  const notWritable = whyNotWritable(path);
  if (notWritable) {
    throw new ArchiveError(
      'ARCHIVE_READ_ONLY',
      existsSync(path)
        ? `The archive at ${path} cannot be changed: ${notWritable}. It was not changed, and it can still be opened read-only; to work in it, copy it to a folder you can write to.`
        : `No archive can be created at ${path}: ${notWritable}.`,
    );
  }
  return openForWriting(path, options);
}

function openForWriting(path: string, options: OpenArchiveOptions): Archive {
  let db: Database;
  try {
    db = new BetterSqlite3(path, { nativeBinding: options.nativeBinding });
  } catch (cause) {
    throw new ArchiveError(
      'ARCHIVE_UNAVAILABLE',
      `Cannot open the archive at ${path}: ${(cause as Error).message}`,
      { cause },
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
    throw openFailure(path, error);
  }
  return { db, path, readOnly: false, close: () => db.close() };
}

function openForReading(path: string, options: OpenArchiveOptions): Archive {
  if (!existsSync(path))
    throw new ArchiveError(
      'ARCHIVE_MISSING',
      `There is no archive at ${path}; nothing was created. Check the path, or import a script to start a new archive there.`,
    );
  let connection: ReadOnlyConnection;
  try {
    connection = openReadOnly(path, options.nativeBinding);
  } catch (error) {
    throw openFailure(path, error);
  }
  const { db } = connection;
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (checkOwnership(db, path) === 'fresh') {
      throw new ArchiveError(
        'NOT_AN_ARCHIVE',
        `${path} is an empty database, not a Copydesk archive. It was left unchanged.`,
      );
    }
    const version = assertSchemaKnown(db);
    if (statSync(path).size <= OPEN_CHECK_MAX_BYTES) quickCheck(db, path);
    if (version < latestSchemaVersion()) {
      const notWritable = whyNotWritable(path);
      if (notWritable) {
        throw new ArchiveError(
          'ARCHIVE_READ_ONLY',
          `The archive at ${path} was written by an older Copydesk and must be brought up to date before this one can read it, which cannot be done here: ${notWritable}. It was not changed. Copy it to a folder you can write to and open the copy.`,
        );
      }
      // Bring it up to date once (a writing open migrates), then read it as asked.
      connection.close();
      openForWriting(path, options).close();
      return openForReading(path, options);
    }
  } catch (error) {
    connection.close();
    throw openFailure(path, error);
  }
  return { db, path, readOnly: true, close: () => connection.close() };
}

/** A failure while opening, as the archive error a person can act on. */
function openFailure(path: string, error: unknown): unknown {
  if (error instanceof ArchiveError) return error;
  const known = archiveErrorFromSqlite(error);
  if (known?.code === 'ARCHIVE_CORRUPT') {
    return new ArchiveError(
      'ARCHIVE_CORRUPT',
      `The archive at ${path} is damaged and was not changed.`,
      { cause: error },
    );
  }
  if (known) {
    const why = {
      ARCHIVE_BUSY: 'another Copydesk is updating it right now; try again in a moment',
      ARCHIVE_READ_ONLY: 'it is read-only here',
    }[known.code as string];
    return new ArchiveError(
      known.code,
      `The archive at ${path} cannot be opened: ${why ?? 'it cannot be read here (no permission, or its drive or folder is gone)'}. It was not changed.`,
      { cause: error },
    );
  }
  return error;
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
  if (stat.size === 0) {
    // SQLite would take an empty file over as a new database: a `touch`ed or truncated file is
    // not ours to fill.
    throw new ArchiveError(
      'NOT_AN_ARCHIVE',
      `${path} is an empty file (0 bytes), not a Copydesk archive. It was left as it is: delete it, or choose another path, to start a new archive there.`,
    );
  }
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
    // A file that cannot be read here (permissions, a vanished drive) is not a damaged one.
    throw openFailure(path, cause);
  }
  if (appId !== APPLICATION_ID && (appId !== 0 || tables > 0)) {
    throw new ArchiveError(
      'NOT_AN_ARCHIVE',
      `${path} is a SQLite database but not a Copydesk archive. It was left unchanged.`,
    );
  }
  return appId === APPLICATION_ID ? 'ours' : 'fresh';
}
