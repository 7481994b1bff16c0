import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { comparableReadText } from '../../shared/diff/storyChanges';
import { generateLongStory } from '../generate/stories';
import type { ProbeAnswer } from '../diffProbe';
import type { BenchConfig } from '../config';
import { ensureDir, repoRoot } from '../lib/files';
import { median } from '../lib/stats';
import { row, type Row } from '../lib/report';

/** One probe in a fresh Node process (see bench/diffProbe.ts). */
function probe(kind: 'ours' | 'baseline', file: string, runs: number): Promise<ProbeAnswer> {
  const root = repoRoot();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'bench/diffProbe.ts'), kind, file, String(runs)],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(stdout) as ProbeAnswer)
        : reject(new Error(`diff probe exited with ${code}: ${stderr}`)),
    ),
  );
}

/**
 * The history's word diff on its worst case: a long story rewritten from top to bottom between
 * two versions (two generated stories of the same length). Time and peak memory, each in a
 * process of its own, against reading both texts into words.
 */
export async function diffBench(config: BenchConfig): Promise<Row[]> {
  const before = comparableReadText(generateLongStory(`${config.seed}-before`, config.diffWords));
  const after = comparableReadText(generateLongStory(`${config.seed}-after`, config.diffWords));
  const words = config.diffWords.toLocaleString('en');
  config.log(`diff: a fully rewritten ${words}-word story…`);
  const file = join(ensureDir(join(config.workDir, 'diff')), 'texts.json');
  writeFileSync(file, JSON.stringify({ before, after }));
  const ours = await probe('ours', file, config.diffRuns);
  const base = await probe('baseline', file, config.diffRuns);
  const shown = ours.wordByWord
    ? 'every change word by word'
    : 'rewritten passages shown whole past the edit cap';
  return [
    row({
      suite: 'diff',
      name: `fully rewritten ${words}-word story, median`,
      unit: 'ms',
      ours: median(ours.times),
      baseline: median(base.times),
      baselineLabel: 'both texts read into words',
      note: `CPU ${ours.cpuMs.toFixed(0)} ms vs ${base.cpuMs.toFixed(0)} ms for ${config.diffRuns} run${config.diffRuns === 1 ? '' : 's'}; ${ours.parts} parts, ${shown}`,
    }),
    row({
      suite: 'diff',
      name: `fully rewritten ${words}-word story, peak memory`,
      unit: 'MB',
      // A floor of 0.1 MB keeps the ratio finite when a run fits in memory already held.
      ours: Math.max(0.1, ours.peakAboveStartMb),
      baseline: Math.max(0.1, base.peakAboveStartMb),
      baselineLabel: 'both texts read into words',
      note: 'resident memory above the process’s own before the first run',
    }),
  ];
}
