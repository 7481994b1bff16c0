/** Summary statistics of timing samples, in the samples' unit. */
export type Summary = {
  n: number;
  p50: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
};

/** Nearest-rank percentile: a value that was actually measured, never an interpolation. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  const n = samples.length;
  return {
    n,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    mean: n ? samples.reduce((a, b) => a + b, 0) / n : Number.NaN,
    min: n ? Math.min(...samples) : Number.NaN,
    max: n ? Math.max(...samples) : Number.NaN,
  };
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Milliseconds spent in `fn`, from a monotonic clock. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}
