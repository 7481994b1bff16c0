import type { ErrorCode } from '../../shared/ipc/result';

/** The HTTP status each error code travels with. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400,
  SIGNED_OUT: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LEASED: 409,
  TOO_LARGE: 413,
  DESK_OUTDATED: 426,
  ARCHIVE_TOO_NEW: 503,
  ARCHIVE_UNAVAILABLE: 503,
};

/** A failure the server expects and explains: it reaches the desk as `{error: {code, message}}`. */
export class NewsroomError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'NewsroomError';
    this.code = code;
  }
  get status(): number {
    return STATUS[this.code] ?? 500;
  }
}
