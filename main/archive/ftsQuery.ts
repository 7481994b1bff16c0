/**
 * Turns what a reporter types into a safe FTS5 MATCH expression. Every term is emitted as a
 * quoted string, so nothing the user types can be read as FTS5 syntax: quotes, dashes, stars,
 * parentheses, colons and column filters all end up as plain text or structure we chose.
 *
 *   "exact phrase"   a phrase (an unbalanced quote runs to the end of the input)
 *   word*            a prefix (only a trailing star counts)
 *   -word            leave out stories with the word (when something else is searched for)
 *   other words      all of them must appear
 */
export function toFtsQuery(input: string): string | null {
  return ftsExpression(parseSearchQuery(input));
}

/** One thing searched for: a word, a phrase (several words in a row) or a prefix. */
export type SearchTerm = {
  /** The pieces the unicode61 tokenizer would index, in order. */
  words: string[];
  /** The last word is a prefix (`elect*`). */
  prefix: boolean;
  /** The term's FTS5 expression: quoted words joined by `+`, and `*` for a prefix. */
  fts: string;
};

/** What a query asks for: terms every story must hold, and terms none may. */
export type ParsedQuery = { include: SearchTerm[]; exclude: SearchTerm[] };

export function parseSearchQuery(input: string): ParsedQuery {
  const include: SearchTerm[] = [];
  const exclude: SearchTerm[] = [];
  const pattern = /(-?)"([^"]*)"?|(\S+)/gu;
  for (const match of input.normalize('NFC').matchAll(pattern)) {
    const [, minus, phrase, bare] = match;
    if (phrase !== undefined) {
      const term = searchTerm(words(phrase), false);
      if (term) (minus ? exclude : include).push(term);
      continue;
    }
    let token = bare!;
    const negated = token.length > 1 && token.startsWith('-');
    if (negated) token = token.slice(1);
    const prefix = /\p{L}\*+$|\p{N}\*+$/u.test(token);
    const term = searchTerm(words(token), prefix);
    if (term) (negated ? exclude : include).push(term);
  }
  return { include, exclude };
}

/** The MATCH expression for the terms: all of `include`, none of `exclude`; null for nothing. */
export function ftsExpression({ include, exclude }: ParsedQuery): string | null {
  if (include.length === 0) return null;
  const positive = include.map((t) => t.fts).join(' ');
  return exclude.length === 0
    ? positive
    : `${positive} NOT (${exclude.map((t) => t.fts).join(' OR ')})`;
}

/** The pieces the unicode61 tokenizer would index for this text. */
function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

function searchTerm(parts: readonly string[], prefix: boolean): SearchTerm | null {
  if (parts.length === 0) return null;
  // Terms never contain a double quote (words() keeps letters, digits and marks only).
  const quoted = parts.map((p) => `"${p}"`).join(' + ');
  return { words: [...parts], prefix, fts: prefix ? `${quoted} *` : quoted };
}
