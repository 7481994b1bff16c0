import { formatClock } from '../../../shared/rundown/clock';
import type { RundownView } from '../../../shared/rundown/view';
import { formatDuration } from '../../../shared/story/timing';
import { STATUS_BADGES } from '../../../shared/story/workflow';

/** A row's kind as a spreadsheet reader says it. */
const KIND_WORDS = { story: 'Story', break: 'Break', item: 'Item' } as const;

const COLUMNS = [
  'Page',
  'Slug',
  'Kind',
  'Format',
  'Presenter',
  'Reporter',
  'Status',
  'Est',
  'Actual',
  'Float',
  'Hit',
  'Front',
  'Back',
  'Cume',
] as const;

/**
 * A field as RFC 4180 wants it, and safe to open in a spreadsheet: a cell that starts like a
 * formula (=, +, -, @, or a tab or carriage return before one) is prefixed with an apostrophe so
 * that a slug can never run as a formula.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The running order as CSV for spreadsheets: one line per row, times as the grid shows them. */
export function rundownCsv(view: RundownView): string {
  const lines = [COLUMNS.join(',')];
  for (const line of view.lines) {
    const { row, story, clock } = line;
    lines.push(
      [
        line.page,
        line.slug,
        KIND_WORDS[row.kind],
        story?.format ?? '',
        story?.presenter ?? '',
        story?.reporter ?? '',
        story ? STATUS_BADGES[story.status] : '',
        formatDuration(line.estSec),
        row.actualSec === null ? '' : formatDuration(row.actualSec),
        row.floated ? 'yes' : '',
        row.hitSec === null ? '' : formatClock(row.hitSec),
        clock ? formatClock(clock.frontSec) : '',
        clock ? formatClock(clock.backSec) : '',
        clock ? formatDuration(clock.cumeSec) : '',
      ]
        .map(csvField)
        .join(','),
    );
  }
  // A byte-order mark, so spreadsheet programs read the file as UTF-8 (Hangul slugs survive).
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
