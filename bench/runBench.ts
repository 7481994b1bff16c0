import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openArchive } from '../main/archive/open';
import { schemaVersion } from '../main/archive/migrate';
import { MIGRATIONS } from '../main/archive/migrations';
import { createServices } from '../main/services/serviceTable';
import type { BenchConfig, SuiteName } from './config';
import { ensureDir, readStamp, removeDatabase, writeStamp } from './lib/files';
import { machine, type Report, type Row } from './lib/report';
import { importBench } from './suites/importBench';
import { searchBench } from './suites/searchBench';
import { openListBench } from './suites/openListBench';
import { exportBench } from './suites/exportBench';
import { editorBench } from './suites/editorBench';
import { rundownBench } from './suites/rundownBench';
import { diffBench } from './suites/diffBench';
import { prompterBench } from './suites/prompterBench';
import { startupBench } from './suites/startupBench';
import { newsroomBench } from './suites/newsroomBench';
import { mosBench } from './suites/mosBench';

export type BenchOutcome = { report: Report; jsonPath: string };

/** Runs the chosen suites in order and writes their rows as JSON; returns the report. */
export async function runBench(config: BenchConfig, command: string): Promise<BenchOutcome> {
  const started = Date.now();
  const startMachine = machine();
  ensureDir(config.workDir);
  ensureDir(config.resultsDir);
  const archivePath = join(config.workDir, `archive-${config.stories}.sqlite`);
  const stampPath = `${archivePath}.json`;
  const rows: Row[] = [];
  const wants = (suite: SuiteName) => config.suites.includes(suite);

  // Every suite but the editor's, the rundown's, the diff's, the prompter's, the newsroom's and
  // MOS's reads the generated archive (they build their own); a kept one is reused.
  const needsArchive = config.suites.some(
    (s) => !['editor', 'rundown', 'diff', 'prompter', 'newsroom', 'mos'].includes(s),
  );
  const stamp = readStamp(stampPath);
  const reusable =
    stamp !== null &&
    stamp.seed === config.seed &&
    stamp.stories === config.stories &&
    stamp.schema === MIGRATIONS.at(-1)?.version;
  const generated = wants('import') || (needsArchive && !reusable);
  if (generated) {
    rows.push(...(await importBench(config, archivePath, join(config.workDir, 'baseline.sqlite'))));
  }
  if (needsArchive) {
    const archive = openArchive(archivePath);
    writeStamp(stampPath, {
      seed: config.seed,
      stories: config.stories,
      schema: schemaVersion(archive.db),
    });
    try {
      const services = createServices({ archive, version: 'bench' });
      if (wants('search')) rows.push(...(await searchBench(config, archive.db, services)));
      if (wants('open-list')) rows.push(...(await openListBench(config, archive.db, services)));
      if (wants('export')) rows.push(...(await exportBench(config, archive.db, services)));
    } finally {
      archive.close();
    }
  }
  if (wants('editor')) rows.push(...(await editorBench(config)));
  if (wants('rundown')) rows.push(...(await rundownBench(config)));
  if (wants('diff')) rows.push(...(await diffBench(config)));
  if (wants('prompter')) rows.push(...(await prompterBench(config)));
  if (wants('startup')) rows.push(...(await startupBench(config, archivePath)));
  if (wants('newsroom')) rows.push(...(await newsroomBench(config)));
  if (wants('mos')) rows.push(...(await mosBench(config)));

  // An archive this run made is removed unless --keep asked for it; a kept one is left alone.
  if (generated && !config.keep) {
    removeDatabase(archivePath);
    removeDatabase(stampPath);
  }
  const report: Report = {
    command,
    mode: config.mode,
    stories: config.stories,
    seed: config.seed,
    startedAt: new Date(started).toISOString(),
    durationSec: Math.round((Date.now() - started) / 100) / 10,
    machine: startMachine,
    loadAverageAtEnd: machine().loadAverage,
    rows,
  };
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const jsonPath = join(
    config.resultsDir,
    `bench-${config.mode}-${report.startedAt.replace(/[:.]/g, '-')}.json`,
  );
  writeFileSync(jsonPath, json);
  writeFileSync(join(config.resultsDir, `latest-${config.mode}.json`), json);
  return { report, jsonPath };
}
