import { cpus, freemem, loadavg, totalmem, availableParallelism } from 'node:os';
import { STEADY_SPREAD, type SteadyRatio } from './blocks';

/**
 * One measured figure beside its baseline. `ratio` is always our cost over the baseline's cost
 * (times, bytes, megabytes): 1.0 means we are at the limit, 2.0 twice as slow or as big. A row
 * measured in alternating blocks (see blocks.ts) takes its ratio from them: the median of the
 * blocks' ratios, with their range in `steady`; `ours` and `baseline` are then over all blocks.
 */
export type Row = {
  suite: string;
  name: string;
  unit: 'ms' | 's' | 'MB' | 'kB' | 'µs';
  ours: number;
  baseline: number;
  baselineLabel: string;
  ratio: number;
  steady?: SteadyRatio;
  /** A second limit measured beside the first (e.g. the same windowed work as raw FTS5). */
  second?: { baseline: number; label: string; steady: SteadyRatio };
  /** A throughput to print beside the time, e.g. "3,412 stories/s". */
  rate?: { ours: number; baseline: number; unit: string };
  goal?: { text: string; met: boolean };
  note?: string;
};

export function row(fields: Omit<Row, 'ratio'>): Row {
  return { ...fields, ratio: fields.steady ? fields.steady.ratio : fields.ours / fields.baseline };
}

/** The warning printed under the table for a row whose blocks disagree by more than ±10 %. */
export function unsteadyWarnings(r: Row): string[] {
  const against = [
    { s: r.steady, label: r.baselineLabel },
    { s: r.second?.steady, label: r.second?.label },
  ];
  return against.flatMap(({ s, label }) =>
    !s || s.steady
      ? []
      : [
          `${r.suite}: ${r.name} (against ${label}): the ${s.blocks} block ratios range ` +
            `${s.low.toFixed(2)}–${s.high.toFixed(2)}× around ${s.ratio.toFixed(2)}×, wider than ` +
            `±${STEADY_SPREAD * 100} %: other work on the machine shook this one; read the ratio as rough`,
        ],
  );
}

function ratioText(ratio: number, s: SteadyRatio | undefined): string {
  if (!s) return `${ratio.toFixed(2)}×`;
  return `${ratio.toFixed(2)}× (${s.low.toFixed(2)}–${s.high.toFixed(2)})${s.steady ? '' : ' ⚠'}`;
}

export type Machine = {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  freeMemoryGb: number;
  node: string;
  platform: string;
  /** One-, five- and fifteen-minute load: other work on a shared machine shows up here. */
  loadAverage: number[];
  chromium?: string;
};

export function machine(): Machine {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGb: Math.round((freemem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export type Report = {
  command: string;
  mode: 'quick' | 'full' | 'custom';
  stories: number;
  seed: string;
  startedAt: string;
  durationSec: number;
  machine: Machine;
  loadAverageAtEnd: number[];
  rows: Row[];
};

function fmt(value: number, unit: Row['unit']): string {
  if (!Number.isFinite(value)) return '—';
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`;
}

function rate(value: number, unit: string): string {
  return `${Math.round(value).toLocaleString('en')} ${unit}`;
}

/** The one table the bench prints: every figure, its baseline and the ratio between them. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['Measure', 'Ours', 'Baseline', 'Ratio', 'Goal', 'Met'];
  const lines = rows.map((r) => [
    `${r.suite}: ${r.name}`,
    fmt(r.ours, r.unit) + (r.rate ? ` (${rate(r.rate.ours, r.rate.unit)})` : ''),
    `${fmt(r.baseline, r.unit)}${r.rate ? ` (${rate(r.rate.baseline, r.rate.unit)})` : ''} ${r.baselineLabel}` +
      (r.second ? `; ${fmt(r.second.baseline, r.unit)} ${r.second.label}` : ''),
    ratioText(r.ratio, r.steady) +
      (r.second ? `; ${ratioText(r.second.steady.ratio, r.second.steady)}` : ''),
    r.goal?.text ?? '',
    r.goal ? (r.goal.met ? 'yes' : 'NO') : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...lines.map(line),
    ...rows.filter((r) => r.note).map((r) => `- ${r.suite}: ${r.name}: ${r.note}`),
    ...rows.flatMap(unsteadyWarnings).map((w) => `- ⚠ ${w}`),
  ].join('\n');
}
