import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countText, DEFAULT_READ_RATES } from '../story/timing';
import { tokenize, wordEquivalents } from './words';

const rates = DEFAULT_READ_RATES;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('words for the prompter’s speed', () => {
  it('counts Latin words one each and Hangul syllables at the presenter’s syllable rate', () => {
    expect(wordEquivalents('The harbor bridge closes', rates)).toBe(4);
    // 아리랑뉴스 is five syllables: 5 × 180 / 340 of a word.
    expect(wordEquivalents('아리랑뉴스', rates)).toBeCloseTo((5 * 180) / 340, 10);
    expect(wordEquivalents('Kim 기자', { ...rates, hangulSyllablesPerMinute: 360 })).toBeCloseTo(
      2,
      10,
    );
    expect(wordEquivalents('東京', rates)).toBeCloseTo((2 * 180) / 300, 10);
  });

  it('gives pronouncers, pause marks and parentheses no words', () => {
    const tokens = tokenize('Raghunathan (RAH-goo-NAH-tun) spoke ... (PAUSE) today', rates);
    expect(tokens.map((t) => t.text).join('')).toBe(
      'Raghunathan (RAH-goo-NAH-tun) spoke ... (PAUSE) today',
    );
    expect(sum(tokens.map((t) => t.words))).toBe(3);
  });

  it('cuts Chinese and Japanese between characters and keeps Hangul words whole', () => {
    expect(tokenize('서울 시청에서 東京です', rates).map((t) => t.text)).toEqual([
      '서울 ',
      '시청에서 ',
      '東',
      '京',
      'で',
      'す',
    ]);
  });

  it('shares out exactly the words the story timing counts, for any text', () => {
    const text = fc.string({
      unit: fc.constantFrom(
        ...'ab Z9.,-’()…'.split(''),
        ' ',
        '...',
        '한',
        '국',
        '東',
        'か',
        'é',
        '\u0301',
      ),
      maxLength: 60,
    });
    fc.assert(
      fc.property(text, (t) => {
        const tokens = tokenize(t, rates);
        expect(tokens.map((x) => x.text).join('')).toBe(t);
        expect(sum(tokens.map((x) => x.words))).toBeCloseTo(wordEquivalents(t, rates) || 0, 9);
        const c = countText(t);
        expect(wordEquivalents(t, rates)).toBeCloseTo(
          c.words + (c.hangul * 180) / 340 + (c.cjk * 180) / 300,
          9,
        );
      }),
      { numRuns: 400 },
    );
  });
});
