import { ArchiveError, type ArchiveErrorCode } from './errors';

/** The family of a better-sqlite3 error code: `SQLITE_IOERR_WRITE` is an `SQLITE_IOERR`. */
function family(code: string): string {
  const match = /^SQLITE_[A-Z]+/.exec(code);
  return match ? match[0] : code;
}

const MESSAGES: Record<string, { code: ArchiveErrorCode; message: string }> = {
  SQLITE_BUSY: {
    code: 'ARCHIVE_BUSY',
    message:
      'The archive is busy: another Copydesk (the app, a command or a backup) is writing to it. Nothing was changed; try again in a moment.',
  },
  SQLITE_FULL: {
    code: 'ARCHIVE_UNAVAILABLE',
    message: 'The disk is full: the change was not saved. Free some space and try again.',
  },
  SQLITE_READONLY: {
    code: 'ARCHIVE_READ_ONLY',
    message:
      'The archive is read-only here (its file or its folder cannot be written): the change was not saved.',
  },
  SQLITE_CANTOPEN: {
    code: 'ARCHIVE_UNAVAILABLE',
    message:
      'The archive cannot be reached (its drive or folder is gone or not readable): the change was not saved.',
  },
  SQLITE_IOERR: {
    code: 'ARCHIVE_UNAVAILABLE',
    message:
      'The archive could not be read or written (a disk or network drive error): the change was not saved. Try again.',
  },
  SQLITE_CORRUPT: {
    code: 'ARCHIVE_CORRUPT',
    message: 'The archive file is damaged; nothing was written to it.',
  },
};
MESSAGES.SQLITE_LOCKED = MESSAGES.SQLITE_BUSY!;
MESSAGES.SQLITE_PERM = MESSAGES.SQLITE_READONLY!;
MESSAGES.SQLITE_NOTADB = MESSAGES.SQLITE_CORRUPT!;

/**
 * A SQLite failure as an ArchiveError a person can act on, or null when the error is not one
 * of the file's or the lock's (a bug is left to surface as one).
 */
export function archiveErrorFromSqlite(error: unknown): ArchiveError | null {
  if (error instanceof ArchiveError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const known = MESSAGES[family(code)];
  return known ? new ArchiveError(known.code, known.message, { cause: error }) : null;
}
