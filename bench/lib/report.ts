import { cpus, freemem, loadavg, totalmem, availableParallelism } from 'node:os';

/**
 * One measured figure beside its baseline. `ratio` is always our cost over the baseline's cost
 * (times, bytes, megabytes): 1.0 means we are at the limit, 2.0 twice as slow or as big.
 */
export type Row = {
  suite: string;
  name: string;
  unit: 'ms' | 's' | 'MB' | 'kB';
  ours: number;
  baseline: number;
  baselineLabel: string;
  ratio: number;
  /** A throughput to print beside the time, e.g. "3,412 stories/s". */
  rate?: { ours: number; baseline: number; unit: string };
  goal?: { text: string; met: boolean };
  note?: string;
};

export function row(fields: Omit<Row, 'ratio'>): Row {
  return { ...fields, ratio: fields.ours / fields.baseline };
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
    `${fmt(r.baseline, r.unit)}${r.rate ? ` (${rate(r.rate.baseline, r.rate.unit)})` : ''} ${r.baselineLabel}`,
    `${r.ratio.toFixed(2)}×`,
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
  ].join('\n');
}
