import type { ArchiveProblemCode } from '../../shared/ipc/types';

/** Why the archive file cannot be used; the app offers a way forward for each. */
export type ArchiveErrorCode = ArchiveProblemCode;
/** A problem with the archive file itself, with a message a reporter can act on. */
export class ArchiveError extends Error {
  readonly code: ArchiveErrorCode;
  constructor(code: ArchiveErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ArchiveError';
    this.code = code;
  }
}
