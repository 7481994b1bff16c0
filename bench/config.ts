import { DEFAULT_SEED } from './generate/stories';

export const SUITES = [
  'import',
  'search',
  'open-list',
  'export',
  'editor',
  'rundown',
  'diff',
  'prompter',
  'startup',
  'newsroom',
  'mos',
] as const;
export type SuiteName = (typeof SUITES)[number];

export type BenchConfig = {
  mode: 'quick' | 'full' | 'custom';
  seed: string;
  /** Stories in the generated archive. */
  stories: number;
  /** Stories per `import.stories` call: the contract's maximum. */
  importBatch: number;
  /**
   * Ours and the baselines run in this many alternating blocks (at least five: see
   * lib/blocks.ts); every ratio is the median of the blocks' ratios.
   */
  blocks: number;
  /** Runs of each search in the mix per block, for ours and for each baseline alike. */
  searchRunsPerBlock: number;
  openSamples: number;
  listRuns: number;
  exportStories: number;
  exportRuns: number;
  /** Read words of the long story the editor bench types into. */
  editorWords: number;
  /** Keys typed into each editor, over all blocks. */
  editorChars: number;
  /** Rows of the rundown the long story sits in, while typing in it. */
  editorRundownRows: number;
  /** Rows of the rundown whose rows are moved, and the moves made, over all blocks. */
  rundownRows: number;
  rundownMoves: number;
  /** Read words of each version in the diff bench's rewritten story, and times it is compared. */
  diffWords: number;
  diffRuns: number;
  /** Read words of the show the prompter bench scrolls, and seconds it scrolls a round. */
  prompterWords: number;
  prompterSeconds: number;
  startupRuns: number;
  /** Simulated desks on the newsroom server, and how long they work. */
  newsroomDesks: number;
  newsroomSeconds: number;
  suites: readonly SuiteName[];
  /** Where archives and builds go; `results` gets the JSON. Both under bench/results by default. */
  workDir: string;
  resultsDir: string;
  /** Keep the generated archive for the next run (`--keep`), which then skips generating it. */
  keep: boolean;
  /** Write a Chromium CPU profile of the app while typing (`--profile`), for finding hot spots. */
  profile: boolean;
  log: (line: string) => void;
};

const FULL = {
  stories: 100_000,
  blocks: 5,
  searchRunsPerBlock: 20,
  openSamples: 400,
  listRuns: 100,
  exportStories: 1000,
  exportRuns: 5,
  editorWords: 10_000,
  editorChars: 200,
  editorRundownRows: 60,
  rundownRows: 200,
  rundownMoves: 200,
  diffWords: 10_000,
  diffRuns: 5,
  prompterWords: 10_000,
  prompterSeconds: 10,
  startupRuns: 5,
  newsroomDesks: 50,
  newsroomSeconds: 60,
};

/** Under two minutes on two shared cores: a tenth of the archive, fewer repetitions. */
const QUICK: typeof FULL = {
  stories: 10_000,
  blocks: 5,
  searchRunsPerBlock: 6,
  openSamples: 150,
  listRuns: 40,
  exportStories: 1000,
  exportRuns: 1,
  editorWords: 10_000,
  editorChars: 100,
  editorRundownRows: 60,
  rundownRows: 200,
  rundownMoves: 60,
  diffWords: 10_000,
  diffRuns: 3,
  prompterWords: 10_000,
  prompterSeconds: 4,
  startupRuns: 3,
  newsroomDesks: 20,
  newsroomSeconds: 15,
};

export type ConfigArgs = {
  quick?: boolean;
  stories?: number;
  only?: readonly SuiteName[];
  seed?: string;
  keep?: boolean;
  profile?: boolean;
  workDir: string;
  resultsDir: string;
  log?: (line: string) => void;
  overrides?: Partial<typeof FULL>;
};

export function benchConfig(args: ConfigArgs): BenchConfig {
  const base = args.quick ? QUICK : FULL;
  const sizes = { ...base, ...args.overrides, ...(args.stories ? { stories: args.stories } : {}) };
  const custom = args.stories !== undefined || args.overrides !== undefined;
  return {
    mode: custom ? 'custom' : args.quick ? 'quick' : 'full',
    seed: args.seed ?? DEFAULT_SEED,
    importBatch: 2000,
    ...sizes,
    suites: args.only && args.only.length > 0 ? args.only : SUITES,
    workDir: args.workDir,
    resultsDir: args.resultsDir,
    keep: args.keep ?? false,
    profile: args.profile ?? false,
    log: args.log ?? ((line) => process.stderr.write(`${line}\n`)),
  };
}
