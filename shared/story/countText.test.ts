import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countText, type TextCount } from './timing';

/** countText as first written, one regular-expression pass after another: the oracle. */
function reference(text: string): TextCount {
  const spoken = text.replace(/\([^()]*\)/g, ' ').replace(/,?(?:\.{3,}|…)/g, ' ');
  const HANGUL = /[\uAC00-\uD7A3]/gu;
  const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
  const hangul = spoken.match(HANGUL)?.length ?? 0;
  const cjk = spoken.match(CJK)?.length ?? 0;
  const rest = hangul + cjk > 0 ? spoken.replace(HANGUL, ' ').replace(CJK, ' ') : spoken;
  const words = rest.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.\-_]*/gu)?.length ?? 0;
  return { words, hangul, cjk };
}

describe('countText’s shortcuts', () => {
  it('no Hangul or CJK character lies below U+2E80, so Latin text may skip those passes', () => {
    const wide = /[\uAC00-\uD7A3\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
    for (let code = 0; code < 0x2e80; code++) {
      expect(wide.test(String.fromCharCode(code)), code.toString(16)).toBe(false);
    }
  });

  it('counts exactly what the one-pass-after-another version counts', () => {
    const pieces = fc.constantFrom(
      'word',
      'U.S.',
      'intel-sharing',
      ' ',
      ',...',
      '...',
      '…',
      '(',
      ')',
      '(RAH-goo)',
      '정부는',
      '東京で',
      'カタカナ',
      '𠀋',
      'é',
      '1,200',
      '\u2e7f',
      '\u2e80',
      "don't",
      'a_b',
      '-x-',
      "'",
      '.',
      'Z9',
      '@',
      '[',
      '`',
      '{',
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            pieces,
            fc.string({ maxLength: 4 }),
            fc.string({ unit: 'binary-ascii', maxLength: 6 }),
          ),
          { maxLength: 30 },
        ),
        (parts) => {
          const text = parts.join('');
          expect(countText(text)).toEqual(reference(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
