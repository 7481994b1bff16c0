import { describe, expect, it } from 'vitest';
import { alternateBlocks, blockSizes, interleavedBlocks, steadyRatio, sum } from './blocks';

describe('steady ratios from alternating blocks', () => {
  it('alternates which side runs first, block after block', async () => {
    const order: string[] = [];
    const side = (name: string) => (block: number) => {
      order.push(`${name}${block}`);
      return [block];
    };
    const [a, b] = await alternateBlocks(4, [side('a'), side('b')]);
    expect(order).toEqual(['a0', 'b0', 'b1', 'a1', 'a2', 'b2', 'b3', 'a3']);
    expect(a).toEqual([[0], [1], [2], [3]]);
    expect(b).toEqual([[0], [1], [2], [3]]);
  });

  it('interleaves sides run by run within blocks', async () => {
    const order: string[] = [];
    const [a, b] = await interleavedBlocks(2, 2, [
      (round) => (order.push(`a${round}`), round),
      (round) => (order.push(`b${round}`), 10 + round),
    ]);
    expect(order).toEqual(['a0', 'b0', 'b1', 'a1', 'a2', 'b2', 'b3', 'a3']);
    expect(a).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(b).toEqual([
      [10, 11],
      [12, 13],
    ]);
  });

  it('reports the median of the blocks’ ratios and their range, and whether it is steady', () => {
    const ours = [[11], [12], [10], [30], [11]];
    const base = [[10], [10], [10], [10], [10]];
    const r = steadyRatio(ours, base, sum);
    expect(r.ratio).toBeCloseTo(1.1);
    expect(r.low).toBeCloseTo(1.0);
    expect(r.high).toBeCloseTo(3.0);
    expect(r.blocks).toBe(5);
    expect(r.steady).toBe(false);
    expect(steadyRatio([[10], [11], [10.5]], [[10], [10], [10]], sum).steady).toBe(true);
  });

  it('splits repetitions into blocks as evenly as it can', () => {
    expect(blockSizes(200, 5)).toEqual([40, 40, 40, 40, 40]);
    expect(blockSizes(7, 5)).toEqual([2, 2, 1, 1, 1]);
    expect(blockSizes(3, 5)).toEqual([1, 1, 1]);
  });
});
