/**
 * The fonts an RTF declares for the scripts in its text, so a prompter without font fallback
 * does not show Hangul or Chinese as boxes: Arial for Latin (and, on Windows and macOS, Greek,
 * Cyrillic, Arabic and Hebrew), and a font each for Korean, Japanese and Chinese with the macOS
 * font as its alternative (`\falt`). `\fcharset` tells older readers the script.
 */
type RtfFont = { name: string; alt?: string; charset: number; script: RegExp };

const FONTS: readonly RtfFont[] = [
  { name: 'Arial', charset: 0, script: /[^]/u },
  {
    name: 'Malgun Gothic',
    alt: 'Apple SD Gothic Neo',
    charset: 129,
    script: /\p{Script=Hangul}/u,
  },
  {
    name: 'Yu Gothic',
    alt: 'Hiragino Sans',
    charset: 128,
    script: /[\p{Script=Hiragana}\p{Script=Katakana}]/u,
  },
  { name: 'Microsoft YaHei', alt: 'PingFang SC', charset: 134, script: /\p{Script=Han}/u },
  { name: 'Arial', charset: 178, script: /\p{Script=Arabic}/u },
  { name: 'Arial', charset: 177, script: /\p{Script=Hebrew}/u },
];

const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;

export type RtfFontTable = {
  /** `{\fonttbl…}` with the fonts the text needs. */
  table: string;
  /** A run of text in the font its script needs: `{\f1 …}`, right-to-left runs `{\rtlch…}`. */
  text: (escaped: (s: string) => string, text: string) => string;
};

/** The font table for a document's text; Han in a Korean document is Korean (hanja). */
export function rtfFontTable(allText: string): RtfFontTable {
  const korean = FONTS[1]!.script.test(allText);
  const japanese = FONTS[2]!.script.test(allText);
  const used = FONTS.map((f, i) => i === 0 || f.script.test(allText));
  const index = (i: number) => used.slice(0, i).filter(Boolean).length;
  const table = FONTS.map((f, i) =>
    used[i]
      ? `{\\f${index(i)}\\f${i === 0 ? 'swiss' : 'nil'}\\fcharset${f.charset} ${f.name}${f.alt ? `{\\*\\falt ${f.alt}}` : ''};}`
      : '',
  ).join('');
  const fontFor = (ch: string): number => {
    if (FONTS[1]!.script.test(ch) || (korean && FONTS[3]!.script.test(ch) && !japanese))
      return index(1);
    if (FONTS[2]!.script.test(ch) || (japanese && FONTS[3]!.script.test(ch))) return index(2);
    if (FONTS[3]!.script.test(ch)) return index(3);
    if (FONTS[4]!.script.test(ch)) return index(4);
    if (FONTS[5]!.script.test(ch)) return index(5);
    return 0;
  };
  return {
    table: `{\\fonttbl${table}}`,
    text: (escape, text) => {
      let out = '';
      let run = '';
      let font = 0;
      const flush = () => {
        if (run === '') return;
        const rtl = RTL.test(run);
        out +=
          font === 0 && !rtl
            ? escape(run)
            : `{${rtl ? '\\rtlch' : ''}\\f${font}\\af${font} ${escape(run)}}`;
        run = '';
      };
      for (const ch of text) {
        // Spaces and punctuation stay in the run they sit in.
        const f = /[\p{L}\p{N}]/u.test(ch) ? fontFor(ch) : font;
        if (f !== font) {
          flush();
          font = f;
        }
        run += ch;
      }
      flush();
      return out;
    },
  };
}
