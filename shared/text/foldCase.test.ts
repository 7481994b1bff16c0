import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldCase, sameFolded } from './foldCase';

describe('the case fold', () => {
  it('makes one name of every spelling that differs only in case or encoding', () => {
    const emile = [
      'Émile',
      'émile',
      'ÉMILE',
      'E\u0301mile',
      'e\u0301MILE',
      'Ｅｍｉｌｅ'.replace('Ｅ', 'É'),
    ];
    expect(new Set(emile.map(foldCase))).toEqual(new Set(['émile']));
  });

  it('folds what lowercasing leaves apart: sharp s, final sigma, ligatures, digraphs', () => {
    expect(new Set(['Straße', 'STRASSE', 'STRAẞE', 'strasse'].map(foldCase)).size).toBe(1);
    expect(foldCase('ΟΔΥΣΣΕΥΣ')).toBe(foldCase('οδυσσευσ'));
    expect(foldCase('ﬁle')).toBe('file');
    expect(foldCase('ǅemal')).toBe(foldCase('DŽEMAL'));
    expect(foldCase('Ｋｉｍ')).toBe('kim');
  });

  it('keeps apart what only looks alike', () => {
    expect(sameFolded('Park', 'Parks')).toBe(false);
    expect(sameFolded('Émile', 'Emile')).toBe(false);
    expect(sameFolded('김민지', '김민자')).toBe(false);
    expect(sameFolded('Ivan', 'Ìvan')).toBe(false);
  });

  it('does not depend on the system’s language: I is i, as in every locale but Turkish', () => {
    expect(foldCase('ISTANBUL')).toBe('istanbul');
    expect(foldCase('İstanbul')).toBe(foldCase('i\u0307stanbul'));
    expect(foldCase('I')).toBe('I'.toLocaleLowerCase('und'));
  });

  it('leaves Hangul, CJK and digits as they are', () => {
    expect(foldCase('김민지 기자')).toBe('김민지 기자');
    expect(foldCase('習近平')).toBe('習近平');
    expect(foldCase('A3')).toBe('a3');
  });

  it('is a fold: applying it twice changes nothing, and case never matters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }), (s) => {
        const key = foldCase(s);
        expect(foldCase(key)).toBe(key);
        expect(foldCase(s.toUpperCase())).toBe(key);
        expect(foldCase(s.toLowerCase())).toBe(key);
      }),
    );
  });

  it('takes the short way for ASCII and agrees with the long one', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 20 }), (s) => {
        expect(foldCase(s)).toBe(
          s.normalize('NFKC').toLowerCase().toUpperCase().toLowerCase().normalize('NFKC'),
        );
      }),
    );
  });
});
