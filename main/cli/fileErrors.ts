import type { ErrorCode } from '../../shared/ipc/result';
import { CliFailure } from './exitCodes';

const REASONS: Record<string, { code: ErrorCode; reason: string }> = {
  ENOENT: { code: 'NOT_FOUND', reason: 'no such file' },
  ENOTDIR: { code: 'NOT_FOUND', reason: 'a folder on the way is a file' },
  EISDIR: { code: 'BAD_FILE', reason: 'it is a folder' },
  EACCES: { code: 'FORBIDDEN', reason: 'permission denied' },
  EPERM: { code: 'FORBIDDEN', reason: 'permission denied' },
  EROFS: { code: 'FORBIDDEN', reason: 'the disk is read-only' },
  ENOSPC: { code: 'BAD_FILE', reason: 'the disk is full' },
};

/**
 * A failed read or write of a file the user named, as a failure with a code (so the exit status
 * says "not found" or "refused") and the reason in words.
 */
export function fileFailure(
  doing: 'read' | 'write',
  path: string,
  error: unknown,
  after = '',
): CliFailure {
  const known = REASONS[(error as NodeJS.ErrnoException).code ?? ''];
  const reason = known?.reason ?? (error as Error).message;
  return new CliFailure(known?.code ?? 'BAD_FILE', `cannot ${doing} ${path}: ${reason}.${after}`, {
    cause: error,
  });
}
