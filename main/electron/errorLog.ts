import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { redact, summarizeError } from '../common/scrub';

// Scrubbing is shared with the renderer-error log that browser mode writes to stderr.
export { redact, summarizeError };

export const LOG_FILE_NAME = 'copydesk.log';
const MAX_MESSAGE = 200;

export type ErrorLogOptions = {
  dir: string;
  /** Rotate when the log would grow past this many bytes. */
  maxBytes?: number;
  /** How many rotated files to keep besides the current one (copydesk.1.log …). */
  keep?: number;
  now?: () => Date;
};

export type ErrorLog = {
  readonly file: string;
  write(event: string, details?: Record<string, string | number | boolean | undefined>): void;
  error(context: string, error: unknown): void;
};

/**
 * The crash and error log in the app-data folder: plain lines, rotated by size, never sent
 * anywhere. Writing never throws: a broken log must not take the app down with it.
 */
export function createErrorLog(options: ErrorLogOptions): ErrorLog {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 3;
  const now = options.now ?? (() => new Date());
  const file = join(options.dir, LOG_FILE_NAME);
  const rotated = (n: number) => join(options.dir, `copydesk.${n}.log`);

  function rotateIfNeeded(incoming: number): void {
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      return;
    }
    if (size + incoming <= maxBytes) return;
    rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      try {
        renameSync(rotated(n), rotated(n + 1));
      } catch {
        // that generation does not exist yet
      }
    }
    renameSync(file, rotated(1));
  }

  function append(text: string): void {
    try {
      mkdirSync(options.dir, { recursive: true });
      const line = `${now().toISOString()} ${text}\n`;
      rotateIfNeeded(Buffer.byteLength(line));
      appendFileSync(file, line);
    } catch {
      // Nowhere left to report it; the app carries on.
    }
  }

  return {
    file,
    write(event, details = {}) {
      const fields = Object.entries(details)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => `${key}=${redact(String(value)).slice(0, MAX_MESSAGE)}`);
      append([redact(event), ...fields].join(' '));
    },
    error(context, error) {
      append(`${redact(context)}: ${summarizeError(error)}`);
    },
  };
}

/** Sends main's console.error and console.warn to the log too (packaged apps have no terminal). */
export function captureConsole(target: Pick<Console, 'error' | 'warn'>, log: ErrorLog): void {
  for (const level of ['error', 'warn'] as const) {
    const original = target[level].bind(target);
    target[level] = (...args: unknown[]) => {
      original(...args);
      const error = args.find((a) => a instanceof Error);
      const text = args
        .filter((a) => typeof a === 'string')
        .join(' ')
        .slice(0, MAX_MESSAGE);
      if (error) log.error(`console.${level} ${text}`.trim(), error);
      else log.write(`console.${level}`, { message: text });
    };
  }
}
