// Run by the diff bench in a process of its own, so that the peak memory it reports is the
// comparison's and nothing else's: `node --import tsx bench/diffProbe.ts ours|baseline FILE RUNS`.
// FILE holds the two texts as JSON; the answer is one line of JSON on stdout.
import { readFileSync } from 'node:fs';
import { tokenize, wordDiff } from '../shared/diff/wordDiff';

export type ProbeAnswer = {
  /** Each run's wall time, the first one (cold) included. */
  times: number[];
  /** CPU time of all runs together, which other work on a shared machine barely touches. */
  cpuMs: number;
  /** Peak resident memory during the first run, above what the process held before it. */
  peakAboveStartMb: number;
  parts: number;
  wordByWord: boolean;
};

const [kind, file, runs] = process.argv.slice(2);
const { before, after } = JSON.parse(readFileSync(file!, 'utf8')) as {
  before: string;
  after: string;
};
// The baseline is the least any word diff does: reading both texts into words.
const job =
  kind === 'ours'
    ? () => wordDiff(before, after)
    : () => ({ parts: [...tokenize(before), ...tokenize(after)], wordByWord: true });

const startRss = process.memoryUsage().rss;
const times: number[] = [];
const cpu = process.cpuUsage();
let peakAboveStartMb = 0;
let result: { parts: unknown[]; wordByWord: boolean } = { parts: [], wordByWord: true };
for (let i = 0; i < Number(runs); i++) {
  const start = performance.now();
  result = job();
  times.push(performance.now() - start);
  if (i === 0) peakAboveStartMb = (process.resourceUsage().maxRSS * 1024 - startRss) / 2 ** 20;
}
const used = process.cpuUsage(cpu);
process.stdout.write(
  `${JSON.stringify({
    times,
    cpuMs: (used.user + used.system) / 1000,
    peakAboveStartMb: Math.max(0, peakAboveStartMb),
    parts: result.parts.length,
    wordByWord: result.wordByWord,
  } satisfies ProbeAnswer)}\n`,
);
