import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ServiceHandlers } from '../../shared/ipc/contract';
import type { ExportFile, ExportResult } from '../../shared/ipc/types';
import type { Block } from '../../shared/story/model';
import { EXPORT_FORMATS, exportFormatSpec } from '../../shared/export/formats';
import { invokeService } from '../../main/services/serviceTable';
import type { BenchConfig } from '../config';
import { median } from '../lib/stats';
import { ensureDir } from '../lib/files';
import { row, type Row } from '../lib/report';

const EXPORT_BUDGET_MS = 12_000;

/**
 * The limit: read the same stories' rows, take their read text, write it as one plain file.
 * Whatever an export does beyond that (layout, escaping, a file format) is its own cost.
 */
function plainReadText(db: Database, ids: readonly string[], path: string): void {
  const rows = db
    .prepare('SELECT body_json FROM stories WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as { body_json: string }[];
  const text = rows
    .map((r) =>
      (JSON.parse(r.body_json) as Block[])
        .map((b) => (b.type === 'paragraph' ? b.runs.map((run) => run.text).join('') : ''))
        .filter((line) => line !== '')
        .join('\n'),
    )
    .join('\n\n');
  writeFileSync(path, text);
}

function bytesOf(file: ExportFile): Buffer {
  return Buffer.from(file.data, file.encoding === 'base64' ? 'base64' : 'utf8');
}

/**
 * Every story format in EXPORT_FORMATS, so formats added later are measured without touching
 * this. The formats of a rundown itself (its grid as PDF or CSV) are made from a rundown, not
 * from a selection of stories.
 */
export const STORY_FORMATS = EXPORT_FORMATS.filter(
  (f) => exportFormatSpec(f).fileHolds !== 'rundown',
);

export async function exportBench(
  config: BenchConfig,
  db: Database,
  services: ServiceHandlers,
): Promise<Row[]> {
  const ids = (
    db
      .prepare('SELECT id FROM stories ORDER BY updated_at DESC, seq DESC LIMIT ?')
      .all(config.exportStories) as { id: string }[]
  ).map((r) => r.id);
  const n = ids.length;
  const dir = ensureDir(join(config.workDir, 'export'));
  config.log(`export: ${n} stories to ${STORY_FORMATS.join(', ')}…`);
  const rows: Row[] = [];
  for (const format of STORY_FORMATS) {
    const ours: number[] = [];
    const base: number[] = [];
    let size = 0;
    let spent = 0;
    // One warm-up run, then up to exportRuns timed ones within the time budget: a format that
    // takes seconds (PDF lays out every page) is measured fewer times, and its first run counts.
    for (let i = -1; ours.length < config.exportRuns; i++) {
      if (ours.length > 0 && spent > EXPORT_BUDGET_MS) break;
      let start = performance.now();
      const result = await invokeService(services, 'export.stories', {
        selection: { ids },
        format,
      });
      if (!result.ok) throw new Error(`export ${format} failed: ${result.error.message}`);
      size = 0;
      for (const file of (result.value as ExportResult).files) {
        const bytes = bytesOf(file);
        writeFileSync(join(dir, file.fileName), bytes);
        size += bytes.length;
      }
      const o = performance.now() - start;
      start = performance.now();
      plainReadText(db, ids, join(dir, 'plain.txt'));
      const b = performance.now() - start;
      spent += o;
      if (i >= 0 || o > 1000) {
        ours.push(o);
        base.push(b);
      }
    }
    const o = median(ours);
    const b = median(base);
    rows.push(
      row({
        suite: 'export',
        name: `${n.toLocaleString('en')} stories to ${format}, median`,
        unit: 'ms',
        ours: o,
        baseline: b,
        baselineLabel: 'read text as a plain file',
        rate: { ours: n / (o / 1000), baseline: n / (b / 1000), unit: 'stories/s' },
        note: `${(size / 1024).toFixed(0)} kB written; ${ours.length} timed run${ours.length === 1 ? '' : 's'}`,
      }),
    );
  }
  return rows;
}
