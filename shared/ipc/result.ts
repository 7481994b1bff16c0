/** Errors cross every transport as values: IPC would otherwise keep only the message. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  /** A story that sits in a rundown is deleted only when the caller confirms it. */
  'IN_RUNDOWN',
  /** Approving a story you wrote or last changed (the four-eyes rule; Settings can lift it). */
  'OWN_STORY',
  'BAD_FILE',
  'TOO_LARGE',
  'ARCHIVE_TOO_NEW',
  'NOT_AN_ARCHIVE',
  'ARCHIVE_CORRUPT',
  'ARCHIVE_UNAVAILABLE',
  /** Another process holds the archive's write lock longer than we wait: try again. */
  'ARCHIVE_BUSY',
  /** The archive opened for reading only (read-only file, folder or drive): no change is saved. */
  'ARCHIVE_READ_ONLY',
  /** No archive at the path given (a typo is not a reason to create one). */
  'ARCHIVE_MISSING',
  'FORBIDDEN',
  /** The newsroom server does not know this desk's sign-in (wrong password, expired, revoked). */
  'SIGNED_OUT',
  /** The newsroom server cannot be reached: the work stays on the desk and goes up later. */
  'OFFLINE',
  /** Someone else is editing the story on the newsroom server. */
  'LEASED',
  /** The desk's newsroom link is older than the server's: Copydesk on the desk needs updating. */
  'DESK_OUTDATED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ServiceErrorValue = { code: ErrorCode; message: string };
export type Result<T> = { ok: true; value: T } | { ok: false; error: ServiceErrorValue };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}
