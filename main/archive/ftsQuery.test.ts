import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import BetterSqlite3 from 'better-sqlite3';
import { toFtsQuery } from './ftsQuery';

function ftsDb() {
  const db = new BetterSqlite3(':memory:');
  db.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')");
  const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
  for (const body of [
    'Kim Min-ji reports from Seoul on the GSOMIA pact',
    'The harbor bridge closes tonight',
    'Bridge repairs will take until March',
    '정부는 오늘 국가안전보장회의를 열었습니다',
  ]) {
    insert.run(body);
  }
  const search = db.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid');
  return (q: string) => {
    const fts = toFtsQuery(q);
    return fts === null ? [] : (search.all(fts) as { rowid: number }[]).map((r) => r.rowid);
  };
}

describe('toFtsQuery', () => {
  const search = ftsDb();

  it('finds words, phrases and prefixes', () => {
    expect(search('bridge')).toEqual([2, 3]);
    expect(search('harbor bridge')).toEqual([2]);
    expect(search('"bridge closes"')).toEqual([2]);
    expect(search('"closes bridge"')).toEqual([]);
    expect(search('brid*')).toEqual([2, 3]);
    expect(search('Min-ji')).toEqual([1]);
    expect(search('국가안전보장회의를')).toEqual([4]);
  });

  it('leaves out words after a dash', () => {
    expect(search('bridge -march')).toEqual([2]);
    expect(search('-march')).toEqual([]);
  });

  it.each([
    '"',
    '"unbalanced phrase',
    '((bridge',
    'bridge)',
    'NEAR(bridge harbor)',
    'body:bridge',
    '*',
    '-',
    '--',
    'bridge AND OR NOT',
    '^bridge',
    "it's",
    '"" "" ""',
    '\\"; DROP TABLE t; --',
    '   ',
  ])('never throws on %j', (q) => {
    expect(() => search(q)).not.toThrow();
  });

  it('treats FTS5 operators typed by the user as words', () => {
    expect(toFtsQuery('bridge OR march')).toBe('"bridge" "OR" "march"');
  });

  it('never produces an expression SQLite rejects, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (q) => {
        search(q);
      }),
      { numRuns: 500 },
    );
  });
});
