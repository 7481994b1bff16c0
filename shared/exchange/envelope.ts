import type { z } from 'zod';
import { asClause, describeInvalidInput, HUMAN_PARSE } from '../ipc/inputMessages';

export type EnvelopeParse<T> = { ok: true; value: T } | { ok: false; message: string };

/** Cheap sniff: does this text claim to be a JSON file of the given format? (Then it must parse as one.) */
export function claimsFormat(text: string, format: string): boolean {
  return /^\s*\{/.test(text) && text.slice(0, 200).includes(`"${format}"`);
}

/**
 * Reads one of our versioned JSON files: a BOM is allowed, a newer `formatVersion` than this
 * build knows is refused by name (not as a schema failure), and anything else must pass the
 * schema. Messages finish the sentence "… looks like X, but …".
 */
export function parseEnvelope<S extends z.ZodType>(
  text: string,
  schema: S,
  known: { version: number; what: string },
): EnvelopeParse<z.output<S>> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, message: `it is not valid JSON (${(error as Error).message})` };
  }
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > known.version) {
    return {
      ok: false,
      message: `it was written by a newer Copydesk (package version ${version}); update Copydesk to read it`,
    };
  }
  const parsed = schema.safeParse(raw, HUMAN_PARSE);
  if (!parsed.success) {
    const why = asClause(describeInvalidInput(parsed.error));
    return { ok: false, message: `it is not a valid ${known.what} (${why})` };
  }
  return { ok: true, value: parsed.data };
}
