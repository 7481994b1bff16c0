import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenize, wordDiff, type DiffPart } from './wordDiff';

const side = (parts: DiffPart[], op: 'del' | 'add') =>
  parts
    .filter((p) => p.op === 'same' || p.op === op)
    .map((p) => p.text)
    .join('');

describe('wordDiff', () => {
  it('marks a changed word', () => {
    expect(wordDiff('The bridge closes tonight.', 'The bridge reopens tonight.')).toEqual([
      { op: 'same', text: 'The bridge ' },
      { op: 'del', text: 'closes' },
      { op: 'add', text: 'reopens' },
      { op: 'same', text: ' tonight.' },
    ]);
  });

  it('handles inserted and deleted sentences, and Hangul', () => {
    expect(wordDiff('가 나 다', '가 다')).toEqual([
      { op: 'same', text: '가 ' },
      { op: 'del', text: '나 ' },
      { op: 'same', text: '다' },
    ]);
    expect(wordDiff('', 'New text')).toEqual([{ op: 'add', text: 'New text' }]);
    expect(wordDiff('Old text', '')).toEqual([{ op: 'del', text: 'Old text' }]);
  });

  it('always rebuilds both texts exactly', () => {
    const words = fc
      .array(fc.constantFrom('the', 'bridge', 'closes', ',', ' ', '\n', 'Seoul', '서울', '...'), {
        maxLength: 40,
      })
      .map((w) => w.join(''));
    fc.assert(
      fc.property(words, words, (a, b) => {
        const parts = wordDiff(a, b);
        expect(side(parts, 'del')).toBe(a);
        expect(side(parts, 'add')).toBe(b);
      }),
      { numRuns: 400 },
    );
  });

  it('tokenizes into words and separators that join back', () => {
    expect(tokenize("It's 3 a.m.,... now")).toEqual([
      "It's",
      ' ',
      '3',
      ' ',
      'a',
      '.',
      'm',
      '.',
      ',',
      '.',
      '.',
      '.',
      ' ',
      'now',
    ]);
  });
});
