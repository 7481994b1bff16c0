// What may be written to a log, for the desktop log file and browser mode's stderr alike: error
// names, codes, first message lines and stack frames, scrubbed of tokens and quoted text.

const MAX_MESSAGE = 200;
const MAX_FRAMES = 12;

/**
 * Scrubs text before it is logged: access tokens and anything token-shaped, and quoted text
 * (error messages quote the input that broke them — story text must never reach the log).
 */
export function redact(text: string): string {
  return text
    .replace(/(token=)[^&\s"']+/gi, '$1…')
    .replace(/(Bearer\s+)\S+/gi, '$1…')
    .replace(/[A-Za-z0-9_-]{32,}/g, '…')
    .replace(/"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’|'[^'\n]*'/g, '"…"');
}

/** An error in parts, as an Error object holds it or as the renderer sends it. */
export type ErrorParts = { name: string; code?: string; message: string; stack: string };

/**
 * One error as the log keeps it: its name, code and first message line (scrubbed and cut short),
 * and its stack frames, which name our code and never the user's text.
 */
export function summarizeParts({ name, code, message, stack }: ErrorParts): string {
  const line = redact((message.split('\n')[0] ?? '').slice(0, MAX_MESSAGE));
  const frames = stack
    .split('\n')
    .filter((frame) => /^\s+at /.test(frame))
    .slice(0, MAX_FRAMES)
    .map((frame) => `    ${redact(frame.trim()).slice(0, MAX_MESSAGE)}`);
  return [
    `${redact(name).slice(0, 60)}${code ? ` [${redact(code).slice(0, 40)}]` : ''}: ${line}`,
    ...frames,
  ].join('\n');
}

export function summarizeError(error: unknown): string {
  if (!(error instanceof Error)) return `non-error thrown: ${typeof error}`;
  const code = (error as { code?: unknown }).code;
  return summarizeParts({
    name: error.name,
    code: typeof code === 'string' ? code : undefined,
    message: error.message,
    stack: error.stack ?? '',
  });
}
