import { expect } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/contract';

/**
 * What a message shown to a reporter must not hold: a stack trace, zod's wording, a path into
 * the request ("at options.captionLineChars", "selection.ids.0"), a camelCase field name or a
 * channel name.
 */
export function expectUserWords(message: string, context = ''): void {
  const what = `${context}: ${message}`;
  expect(message, what).not.toMatch(/\n\s+at |\bat [\w$]+ \(|\.ts:\d+/);
  expect(message, what).not.toMatch(
    /ZodError|Too (small|big)|expected \w+, received|Invalid input/,
  );
  expect(message, what).not.toMatch(/\(at [^)]*\)|\b[a-z]\w*\.[a-z]\w*\.\d+\b/);
  expect(message, what).not.toMatch(/\b[a-z]+[0-9]*[A-Z][A-Za-z0-9]*\b/);
  for (const channel of CHANNELS) expect(message, what).not.toContain(channel);
}
