import { median, percentile } from './stats';

/**
 * Steady ratios on a shared machine. Ours and the baseline run in alternating blocks (ours then
 * the baseline, then the baseline then ours, so neither always goes first), and each pair of
 * blocks gives one ratio of the same statistic. Other work on the machine comes and goes over
 * seconds: within a pair both sides meet about the same load, so the pairs' ratios agree far
 * better than the raw times do. The row reports the median of those ratios and their range.
 */

/** Samples of one side, one array per block. */
export type BlockSamples = number[][];

/** At least this many blocks of each side: the minimum for a median to mean anything. */
export const MIN_BLOCKS = 5;

/** A range of block ratios wider than this around their median prints a warning. */
export const STEADY_SPREAD = 0.1;

/**
 * Runs `blocks` rounds; in each, every side measures one block, in the given order in even rounds
 * and the reverse order in odd ones, so no side always runs first or last. Each call measures one
 * block and returns its samples. The result holds, per side, one array of samples per block.
 */
export async function alternateBlocks(
  blocks: number,
  sides: readonly ((block: number) => Promise<number[]> | number[])[],
): Promise<BlockSamples[]> {
  const out: BlockSamples[] = sides.map(() => []);
  for (let block = 0; block < blocks; block++) {
    const order = sides.map((_, i) => i);
    if (block % 2 === 1) order.reverse();
    for (const i of order) out[i]![block] = await sides[i]!(block);
  }
  return out;
}

/**
 * Runs `blocks` blocks of `perBlock` rounds in which each side is measured once, in turn (the
 * finest interleaving, for measurements of a few milliseconds such as a search): per side, the
 * samples of each block. The order within a round alternates from round to round.
 */
export async function interleavedBlocks(
  blocks: number,
  perBlock: number,
  sides: readonly ((round: number) => Promise<number> | number)[],
): Promise<BlockSamples[]> {
  const out: BlockSamples[] = sides.map(() => Array.from({ length: blocks }, () => []));
  let round = 0;
  for (let block = 0; block < blocks; block++) {
    for (let i = 0; i < perBlock; i++, round++) {
      const order = sides.map((_, s) => s);
      if (round % 2 === 1) order.reverse();
      for (const s of order) out[s]![block]!.push(await sides[s]!(round));
    }
  }
  return out;
}

export type SteadyRatio = {
  /** Median of the blocks' ratios: the figure a goal is judged on. */
  ratio: number;
  low: number;
  high: number;
  blocks: number;
  /** False when the range reaches further than STEADY_SPREAD from the median. */
  steady: boolean;
};

/** The statistic a row reports, taken per block: p95 for latencies, a sum for totals. */
export type BlockStat = (samples: readonly number[]) => number;

export const p95: BlockStat = (s) => percentile(s, 95);
export const p50: BlockStat = (s) => percentile(s, 50);
export const sum: BlockStat = (s) => s.reduce((a, b) => a + b, 0);

/** The median and range of ours over the baseline, block by block (block i of each side). */
export function steadyRatio(
  ours: BlockSamples,
  base: BlockSamples,
  stat: BlockStat = p95,
): SteadyRatio {
  const pairs = Math.min(ours.length, base.length);
  const ratios: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const o = ours[i]!;
    const b = base[i]!;
    if (o.length === 0 || b.length === 0) continue;
    ratios.push(stat(o) / stat(b));
  }
  const ratio = median(ratios);
  const low = ratios.length ? Math.min(...ratios) : Number.NaN;
  const high = ratios.length ? Math.max(...ratios) : Number.NaN;
  return {
    ratio,
    low,
    high,
    blocks: ratios.length,
    steady: high <= ratio * (1 + STEADY_SPREAD) && low >= ratio * (1 - STEADY_SPREAD),
  };
}

/** Splits `total` repetitions into `blocks` blocks as evenly as possible (none empty). */
export function blockSizes(total: number, blocks: number): number[] {
  const n = Math.max(1, Math.min(blocks, total));
  return Array.from({ length: n }, (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0));
}
