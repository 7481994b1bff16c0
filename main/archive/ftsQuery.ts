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
  const include: string[] = [];
  const exclude: string[] = [];
  const pattern = /(-?)"([^"]*)"?|(\S+)/gu;
  for (const match of input.normalize('NFC').matchAll(pattern)) {
    const [, minus, phrase, bare] = match;
    if (phrase !== undefined) {
      const term = phraseTerm(words(phrase), false);
      if (term) (minus ? exclude : include).push(term);
      continue;
    }
    let token = bare!;
    const negated = token.length > 1 && token.startsWith('-');
    if (negated) token = token.slice(1);
    const prefix = /\p{L}\*+$|\p{N}\*+$/u.test(token);
    const term = phraseTerm(words(token), prefix);
    if (term) (negated ? exclude : include).push(term);
  }
  if (include.length === 0) return null;
  const positive = include.join(' ');
  return exclude.length === 0 ? positive : `${positive} NOT (${exclude.join(' OR ')})`;
}

/** The pieces the unicode61 tokenizer would index for this text. */
function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

function phraseTerm(parts: readonly string[], prefix: boolean): string | null {
  if (parts.length === 0) return null;
  // Terms never contain a double quote (words() keeps letters, digits and marks only).
  const quoted = parts.map((p) => `"${p}"`).join(' + ');
  return prefix ? `${quoted} *` : quoted;
}
