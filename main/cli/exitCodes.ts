import type { ErrorCode } from '../../shared/ipc/result';

/**
 * What `copydesk` exits with, so a script can tell a typo from a missing story from a damaged
 * archive. Documented in the README's CLI section; a failed service call keeps its code.
 */
export const EXIT = {
  ok: 0,
  /** Understood but refused: a file that cannot be imported, a value the archive refuses, a
   * locked story, a conflict, a confirmation declined. Nothing was changed. */
  refused: 1,
  /** The command line is wrong: unknown command or flag, a missing argument, a value outside a
   * flag's allowed set. The usage follows the message. */
  usage: 2,
  /** A story, tag or file that does not exist. */
  notFound: 3,
  /** The archive (or a backup) cannot be used: not an archive, damaged, from a newer Copydesk,
   * read-only, full or unreachable. */
  archive: 4,
  /** A bug: something failed that should not have; the details are on stderr. */
  internal: 5,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const EXIT_FOR_ERROR: Record<ErrorCode, ExitCode> = {
  INVALID_INPUT: EXIT.refused,
  CONFLICT: EXIT.refused,
  LOCKED: EXIT.refused,
  IN_RUNDOWN: EXIT.refused,
  OWN_STORY: EXIT.refused,
  BAD_FILE: EXIT.refused,
  TOO_LARGE: EXIT.refused,
  FORBIDDEN: EXIT.refused,
  SIGNED_OUT: EXIT.refused,
  LEASED: EXIT.refused,
  DESK_OUTDATED: EXIT.refused,
  NOT_FOUND: EXIT.notFound,
  ARCHIVE_TOO_NEW: EXIT.archive,
  NOT_AN_ARCHIVE: EXIT.archive,
  ARCHIVE_CORRUPT: EXIT.archive,
  ARCHIVE_UNAVAILABLE: EXIT.archive,
  OFFLINE: EXIT.archive,
  ARCHIVE_BUSY: EXIT.archive,
  ARCHIVE_READ_ONLY: EXIT.archive,
  ARCHIVE_MISSING: EXIT.notFound,
  UNKNOWN_CHANNEL: EXIT.internal,
  INTERNAL: EXIT.internal,
};

export function exitCodeFor(code: ErrorCode): ExitCode {
  return EXIT_FOR_ERROR[code];
}

/** One line for the help text. */
export const EXIT_SUMMARY = `Exit status: ${EXIT.ok} done, ${EXIT.refused} refused, ${EXIT.usage} usage error, ${EXIT.notFound} not found, ${EXIT.archive} archive problem, ${EXIT.internal} internal failure.`;

/** The command line is wrong; the usage text follows the message. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A command failed for a reason with a code: a service's error value, or the CLI's own. */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
