import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenize, wordDiff, type DiffPart } from './wordDiff';
import { madeUpParagraph as paragraph } from './testing/madeUpCopy';

const side = (parts: DiffPart[], op: 'del' | 'add') =>
  parts
    .filter((p) => p.op === 'same' || p.op === op)
    .map((p) => p.text)
    .join('');

describe('wordDiff', () => {
  it('marks a changed word', () => {
    expect(wordDiff('The bridge closes tonight.', 'The bridge reopens tonight.')).toEqual({
      parts: [
        { op: 'same', text: 'The bridge ' },
        { op: 'del', text: 'closes' },
        { op: 'add', text: 'reopens' },
        { op: 'same', text: ' tonight.' },
      ],
      wordByWord: true,
    });
  });

  it('handles inserted and deleted sentences, and Hangul', () => {
    expect(wordDiff('가 나 다', '가 다').parts).toEqual([
      { op: 'same', text: '가 ' },
      { op: 'del', text: '나 ' },
      { op: 'same', text: '다' },
    ]);
    expect(wordDiff('', 'New text').parts).toEqual([{ op: 'add', text: 'New text' }]);
    expect(wordDiff('Old text', '').parts).toEqual([{ op: 'del', text: 'Old text' }]);
    expect(wordDiff('Same.', 'Same.').parts).toEqual([{ op: 'same', text: 'Same.' }]);
  });

  it('keeps untouched paragraphs whole and compares a changed one word by word', () => {
    const before = 'First stays.\nThe bridge closes tonight.\nLast stays.';
    const after = 'First stays.\nThe bridge reopens tonight.\nAdded line.\nLast stays.';
    expect(wordDiff(before, after)).toEqual({
      parts: [
        { op: 'same', text: 'First stays.\nThe bridge ' },
        { op: 'del', text: 'closes' },
        { op: 'add', text: 'reopens' },
        { op: 'same', text: ' tonight.\n' },
        { op: 'add', text: 'Added line.\n' },
        { op: 'same', text: 'Last stays.' },
      ],
      wordByWord: true,
    });
  });

  it('shows a rewritten story as replaced whole, and says it did', () => {
    const before = Array.from({ length: 300 }, (_, i) => paragraph(i + 1, 40)).join('\n');
    const after = Array.from({ length: 300 }, (_, i) => paragraph(i + 7001, 40)).join('\n');
    const diff = wordDiff(before, after);
    expect(diff.wordByWord).toBe(false);
    expect(side(diff.parts, 'del')).toBe(before);
    expect(side(diff.parts, 'add')).toBe(after);
  });

  it('compares many small corrections across a long story word by word', () => {
    const paragraphs = Array.from({ length: 400 }, (_, i) => paragraph(i + 1, 30));
    const before = paragraphs.join('\n');
    const after = paragraphs.map((p) => p.replace('.', ' again.')).join('\n');
    const diff = wordDiff(before, after);
    expect(diff.wordByWord).toBe(true);
    expect(diff.parts.filter((p) => p.op === 'add')).toHaveLength(400);
    expect(diff.parts.some((p) => p.op === 'del')).toBe(false);
  });

  it('always rebuilds both texts exactly', () => {
    const words = fc
      .array(fc.constantFrom('the', 'bridge', 'closes', ',', ' ', '\n', 'Seoul', '서울', '...'), {
        maxLength: 40,
      })
      .map((w) => w.join(''));
    fc.assert(
      fc.property(words, words, (a, b) => {
        const { parts } = wordDiff(a, b);
        expect(side(parts, 'del')).toBe(a);
        expect(side(parts, 'add')).toBe(b);
        for (let i = 1; i < parts.length; i++) expect(parts[i]!.op).not.toBe(parts[i - 1]!.op);
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
