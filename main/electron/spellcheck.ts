/**
 * The spell-check languages to use: the saved choice, kept to what this Electron offers; with no
 * saved choice, the OS language (or its base language), else US English. An empty list is "off".
 */
export function spellcheckLanguages(
  saved: readonly string[] | undefined,
  available: readonly string[],
  systemLocale: string,
): string[] {
  if (saved) return saved.filter((code) => available.includes(code));
  return defaultSpellcheckLanguage(available, systemLocale);
}

export function defaultSpellcheckLanguage(
  available: readonly string[],
  systemLocale: string,
): string[] {
  const base = systemLocale.split('-')[0]!.toLowerCase();
  const pick =
    available.find((code) => code.toLowerCase() === systemLocale.toLowerCase()) ??
    available.find((code) => code.toLowerCase() === base) ??
    available.find((code) => code.toLowerCase().startsWith(`${base}-`)) ??
    available.find((code) => code === 'en-US');
  return pick ? [pick] : [];
}

/** A language's name as people say it ("English (United Kingdom)"), falling back on its code. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
