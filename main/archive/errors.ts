export type ArchiveErrorCode =
  | 'ARCHIVE_TOO_NEW'
  | 'NOT_AN_ARCHIVE'
  | 'ARCHIVE_CORRUPT'
  | 'ARCHIVE_UNAVAILABLE'
  | 'ARCHIVE_BUSY'
  | 'ARCHIVE_READ_ONLY'
  | 'ARCHIVE_MISSING';

/** A problem with the archive file itself, with a message a reporter can act on. */
export class ArchiveError extends Error {
  readonly code: ArchiveErrorCode;
  constructor(code: ArchiveErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ArchiveError';
    this.code = code;
  }
}
