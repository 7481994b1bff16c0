import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchConfig, SUITES, type SuiteName } from './config';
import { formatTable } from './lib/report';
import { repoRoot } from './lib/files';
import { runBench } from './runBench';

const ROOT = repoRoot();

const USAGE = `npm run bench [-- OPTIONS]

  --quick           10,000 stories and fewer repetitions: under two minutes
  --stories N       archive size (default 100,000; 10,000 with --quick)
  --only a,b        run only these suites: ${SUITES.join(', ')}
  --seed TEXT       generator seed (default: the committed one)
  --keep            keep the generated archive for the next run (which then reuses it)
  --profile         also write a Chromium CPU profile of typing in the app
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      stories: { type: 'string' },
      only: { type: 'string' },
      seed: { type: 'string' },
      keep: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const only = values.only?.split(',').map((s) => s.trim()) ?? [];
  const unknown = only.filter((s) => !(SUITES as readonly string[]).includes(s));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown suite ${unknown.join(', ')}\n\n${USAGE}`);
    return 2;
  }
  const stories = values.stories === undefined ? undefined : Number(values.stories);
  if (stories !== undefined && !(Number.isInteger(stories) && stories >= 100)) {
    process.stderr.write('bench: --stories needs a whole number of at least 100\n');
    return 2;
  }
  const config = benchConfig({
    quick: values.quick,
    stories,
    only: only as SuiteName[],
    seed: values.seed,
    keep: values.keep,
    profile: values.profile,
    workDir: join(ROOT, 'bench/results/work'),
    resultsDir: join(ROOT, 'bench/results'),
  });
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const { report, jsonPath } = await runBench(config, command);
  const m = report.machine;
  process.stdout.write(
    `\nCopydesk bench (${report.mode}, ${report.stories.toLocaleString('en')} stories, ${report.durationSec} s)\n` +
      `${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}${m.chromium ? `, Chromium ${m.chromium}` : ''}; ` +
      `load ${m.loadAverage.join(' ')} → ${report.loadAverageAtEnd.join(' ')}\n\n` +
      `${formatTable(report.rows)}\n\nJSON: ${jsonPath}\n`,
  );
  return 0;
}

// Exits once the output is flushed: Vite's build API leaves worker threads that would otherwise
// keep the process alive for a while after the table is printed.
main().then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`, () =>
      process.exit(1),
    );
  },
);
