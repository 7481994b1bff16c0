/**
 * The one key under which Copydesk compares names without case — tags, pronouncer terms — so
 * that “Émile”, “ÉMILE”, “émile” typed with a combining accent, and “Ｅｍｉｌｅ” in full-width
 * letters are one name, on every machine.
 *
 * - NFKC first: composed and decomposed accents agree, and compatibility forms (full-width
 *   letters, ligatures such as ﬁ, ǅ) become the letters they stand for.
 * - Then a full case fold, locale-independent: lower, upper, lower again, with the default
 *   Unicode mappings (`toLowerCase`/`toUpperCase` never depend on the system's language, exactly
 *   as `toLocaleLowerCase('und')`; a Turkish system must not fold `I` to `ı` here and to `i` on
 *   the next machine). The round trip folds what lowercasing alone leaves apart: ß, ẞ and SS;
 *   final and medial sigma.
 * - NFKC again, since case mapping can leave a sequence that composes differently.
 *
 * The result is a comparison key, never shown. Callers trim first where spaces do not count.
 * (SQLite's NOCASE folds ASCII only; a key column stored from this function lets the archive
 * agree with the renderer.)
 */
export function foldCase(text: string): string {
  // ASCII (most names, every English tag) needs only the lowercase, and is the common case.
  // eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters too
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text.normalize('NFKC').toLowerCase().toUpperCase().toLowerCase().normalize('NFKC');
}

/** Whether two names are the same without case (see `foldCase`). */
export function sameFolded(a: string, b: string): boolean {
  return foldCase(a) === foldCase(b);
}
