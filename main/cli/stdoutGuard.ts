import { EXIT, type ExitCode } from './exitCodes';

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EIO: 'the terminal or device failed',
  EBADF: 'standard output is closed',
  EAGAIN: 'standard output would block',
};

export type StdoutGuard = {
  /** The exit code the output's failure calls for, or null while output is fine. */
  failure(): ExitCode | null;
};

/**
 * Listens for standard output failing — `copydesk list > /dev/full`, a reader that went away as
 * in `copydesk list | head` — which would otherwise end the process on an unhandled 'error'
 * event with a stack trace. A reader that left is not an error (exit 0, nothing said); any
 * other failure is said once, in words, and the command exits 1.
 */
export function guardStdout(
  stdout: { on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown },
  stderr: (s: string) => void,
): StdoutGuard {
  let failed: ExitCode | null = null;
  stdout.on('error', (error) => {
    if (failed !== null) return;
    if (error.code === 'EPIPE') {
      failed = EXIT.ok;
      return;
    }
    failed = EXIT.refused;
    stderr(
      `copydesk: the output could not be written: ${REASONS[error.code ?? ''] ?? error.message}.\n`,
    );
  });
  return { failure: () => failed };
}
