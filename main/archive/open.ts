import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { ArchiveError } from './errors';
import { assertSchemaKnown, migrate } from './migrate';

/** 'CPDK': marks a SQLite file as a Copydesk archive so we never write into someone else's database. */
export const APPLICATION_ID = 0x4350444b;
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
    // Everything that could refuse the file runs before the first write to it.
    const ownership = checkOwnership(db, path);
    assertSchemaKnown(db);
    if (ownership === 'fresh') db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (error) {
    db.close();
    if (error instanceof ArchiveError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new ArchiveError(
        'ARCHIVE_CORRUPT',
        `The archive at ${path} is damaged and was not changed.`,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
  return { db, path, close: () => db.close() };
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
