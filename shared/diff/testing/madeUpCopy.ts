const WORDS = ['council', 'budget', 'bridge', 'harbor', 'vote', 'tonight', 'mayor', 'storm'];

/**
 * A paragraph of made-up copy for diff tests: `n` words from a small vocabulary, chosen by a
 * seeded xorshift32, so each seed reads differently and the same seed the same on every run.
 */
export function madeUpParagraph(seed: number, n: number): string {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out.push(WORDS[(x >>> 0) % WORDS.length]!);
  }
  return `${out.join(' ')}.`;
}
