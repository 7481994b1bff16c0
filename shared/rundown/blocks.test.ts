import { describe, expect, it } from 'vitest';
import { blockName, blocksOf, pagesOf, type BlockedRow } from './blocks';
import { formatClock, formatOverUnder, hitInShow, parseClock } from './clock';

const story = (page: string | null = null): BlockedRow => ({ kind: 'story', page });
const brk: BlockedRow = { kind: 'break', page: null };

describe('blocks and pages', () => {
  it('names blocks A to Z, then AA', () => {
    expect([0, 1, 25, 26, 27].map(blockName)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
  });

  it('cuts the show into blocks at its breaks, the break ending its block', () => {
    const rows = [story(), story(), brk, story(), brk, story()];
    expect(blocksOf(rows)).toEqual(['A', 'A', 'A', 'B', 'B', 'C']);
  });

  it('numbers rows by their place in the block and keeps a typed page', () => {
    const rows = [story(), story('A2X'), story(), brk, story(), story()];
    expect(pagesOf(rows, blocksOf(rows))).toEqual(['A1', 'A2X', 'A3', 'A4', 'B1', 'B2']);
  });
});

describe('show clock', () => {
  it('writes and reads times of day', () => {
    expect(formatClock(18 * 3600 + 5)).toBe('18:00:05');
    expect(formatClock(24 * 3600 + 600)).toBe('00:10:00');
    expect(parseClock('18:00')).toBe(18 * 3600);
    expect(parseClock('6:05:30')).toBe(6 * 3600 + 5 * 60 + 30);
    expect(parseClock('24:00')).toBeNull();
    expect(parseClock('18:60')).toBeNull();
    expect(parseClock('noon')).toBeNull();
  });

  it('puts a hit earlier than on-air on the next day', () => {
    expect(hitInShow(600, 23 * 3600 + 1800)).toBe(24 * 3600 + 600);
    expect(hitInShow(23 * 3600 + 2000, 23 * 3600 + 1800)).toBe(23 * 3600 + 2000);
  });

  it('signs over/under: plus is heavy', () => {
    expect(formatOverUnder(25)).toBe('+0:25');
    expect(formatOverUnder(-40)).toBe('-0:40');
    expect(formatOverUnder(0)).toBe('0:00');
  });
});
