import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchConfig, SUITES } from './config';
import { formatTable, type Report } from './lib/report';
import { MIN_BLOCKS } from './lib/blocks';
import { runBench } from './runBench';
import { SEARCH_MIX } from './suites/searchBench';
import { STORY_FORMATS } from './suites/exportBench';

const dir = mkdtempSync(join(tmpdir(), 'copydesk-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// No timing is asserted: this only proves that every suite runs end to end and reports a figure
// beside its baseline. Speed itself lives in `npm run bench`.
describe('the bench on a tiny archive', () => {
  it('runs every suite and writes the table’s numbers as JSON', async () => {
    const lines: string[] = [];
    const config = benchConfig({
      stories: 300,
      overrides: {
        searchRunsPerBlock: 1,
        openSamples: 5,
        listRuns: 2,
        exportStories: 20,
        exportRuns: 1,
        editorWords: 300,
        editorChars: 10,
        editorRundownRows: 14,
        rundownRows: 20,
        rundownMoves: 10,
        diffWords: 300,
        diffRuns: 1,
        prompterWords: 300,
        prompterSeconds: 1,
        startupRuns: 1,
        newsroomDesks: 3,
        newsroomSeconds: 2,
      },
      workDir: join(dir, 'work'),
      resultsDir: join(dir, 'results'),
      log: (line) => lines.push(line),
    });
    expect(config.suites).toEqual(SUITES);
    const { report, jsonPath } = await runBench(config, 'test');

    const saved = JSON.parse(readFileSync(jsonPath, 'utf8')) as Report;
    expect(saved.rows).toEqual(report.rows);
    expect(new Set(report.rows.map((r) => r.suite))).toEqual(
      new Set([
        'import',
        'search',
        'open/list',
        'export',
        'editor',
        'rundown',
        'diff',
        'prompter',
        'start-up',
        'newsroom',
        'mos',
      ]),
    );
    // Every query in the mix and every export format has its own row.
    expect(report.rows.filter((r) => r.suite === 'search')).toHaveLength(SEARCH_MIX.length + 3);
    expect(report.rows.filter((r) => r.suite === 'export')).toHaveLength(STORY_FORMATS.length);
    for (const row of report.rows) {
      expect(Number.isFinite(row.ours) && row.ours > 0, row.name).toBe(true);
      expect(Number.isFinite(row.baseline) && row.baseline > 0, row.name).toBe(true);
      // A row measured in blocks takes its ratio from them (median of the blocks' ratios).
      expect(row.ratio).toBeCloseTo(row.steady ? row.steady.ratio : row.ours / row.baseline);
      if (row.steady) expect(row.steady.blocks, row.name).toBeGreaterThanOrEqual(MIN_BLOCKS);
    }
    expect(formatTable(report.rows)).toContain('| import: 300 stories');
    // The generated archive is removed unless --keep asked for it.
    expect(existsSync(join(dir, 'work', 'archive-300.sqlite'))).toBe(false);
  }, 180_000);
});
