import { useLayoutEffect, useRef, useState } from 'react';
import { formatClock, hitInShow, parseClock } from '../../shared/rundown/clock';
import type { RundownLine } from '../../shared/rundown/view';
import { formatDuration, parseLength } from '../../shared/story/timing';
import { LENGTH_HINT } from '../common/DurationInput';
import { clipUnits, lineInput } from '../../shared/text/lineInput';
import type { RowChange } from './RundownGrid';

type CellProps = { line: RundownLine; onSet: (change: RowChange) => void };

/** The field a cell becomes, and what it does with what is typed. */
type Edit = {
  initial: string;
  placeholder?: string;
  className?: string;
  maxLength?: number;
  /** Said on the field while what is typed is not a value. */
  hint: string;
  numeric?: boolean;
  /** Takes the typed text; false for text that is not a value (the field stays, red). */
  take: (text: string) => boolean;
};

type CellFieldProps = {
  label: string;
  /** What the cell shows until it is opened, with that text's class and tooltip. */
  text: string;
  className?: string;
  title?: string;
  edit: Edit;
};

/**
 * A cell's value as text that turns into a field when it is clicked or tabbed to. A grid of live
 * fields made every move lay out and paint four text fields per row on screen (each an editor of
 * its own, with its own clip); a text button costs a fraction of that. The field belongs to its
 * row: rows are drawn by place, so each cell is keyed by its row, and when rows move under a field
 * the place shows the new row's value and what was typed is dropped, never carried onto another
 * row, nor brought back when the row returns.
 */
function CellField({ rowId, ...props }: CellFieldProps & { rowId: string }) {
  return <RowCellField key={rowId} {...props} />;
}

function RowCellField({ label, text, className, title, edit }: CellFieldProps) {
  const [editing, setEditing] = useState(false);
  if (editing) return <CellEditor {...edit} label={label} onDone={() => setEditing(false)} />;
  return (
    <span
      role="button"
      tabIndex={0}
      className={`cd-rd-field${className ? ` ${className}` : ''}`}
      // The value is part of the name: a screen reader reads a button's name, not its text.
      aria-label={text ? `${label}: ${text}` : label}
      title={title}
      onFocus={() => setEditing(true)}
      onClick={() => setEditing(true)}
    >
      {text}
    </span>
  );
}

/**
 * The field a cell becomes: the value is taken on Enter or on leaving the field, Escape leaves it
 * unchanged. Text that is not a value stays in the field, red, until it is mended or emptied.
 * Enter and Escape hand the keyboard back to the grid.
 */
function CellEditor(props: Edit & { label: string; onDone: () => void }) {
  const [text, setText] = useState(props.initial);
  const [invalid, setInvalid] = useState(false);
  const ended = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  /**
   * Closes the field, taking what was typed when `keep` (only when something was typed: passing
   * through a cell stores nothing, and does not write back a value another desk changed
   * meanwhile). Focusing the grid blurs the field; `ended` keeps that blur from ending it again.
   */
  const end = (keep: boolean, toGrid: boolean) => {
    if (ended.current) return;
    if (keep && text !== props.initial && !props.take(text)) {
      setInvalid(true);
      return;
    }
    ended.current = true;
    if (toGrid) focusGridOf(input.current);
    props.onDone();
  };
  // Taken away while it has the keyboard (another desk moved its row): the keyboard goes back to
  // the grid, not to the page, and what was typed is dropped with the field.
  useLayoutEffect(() => {
    const element = input.current;
    return () => {
      if (element && document.activeElement === element) {
        ended.current = true;
        focusGridOf(element);
      }
    };
  }, []);
  return (
    <input
      ref={input}
      // The person clicked or tabbed to this cell to type in it.
      autoFocus
      className={
        `${props.className ?? ''}${invalid ? ' cd-input-invalid' : ''}`.trim() || undefined
      }
      aria-label={props.label}
      aria-invalid={invalid}
      title={invalid ? props.hint : props.label}
      value={text}
      placeholder={props.placeholder}
      maxLength={props.maxLength}
      inputMode={props.numeric ? 'numeric' : undefined}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => end(true, false)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === 'Escape') {
          e.preventDefault();
          end(e.key === 'Enter', true);
        }
      }}
    />
  );
}

/** Gives the keyboard to the grid that holds `element`, where it is, without scrolling. */
export const focusGridOf = (element: HTMLElement | null) =>
  element?.closest<HTMLElement>('[role=grid]')?.focus({ preventScroll: true });

/** Takes a typed m:ss length: empty clears it; anything that is not a length (up to six hours) is refused. */
function takeDuration(
  text: string,
  current: number | null,
  set: (seconds: number | null) => void,
): boolean {
  const trimmed = text.trim();
  const seconds = trimmed === '' ? null : parseLength(trimmed);
  if (trimmed !== '' && seconds === null) return false;
  if (seconds !== current) set(seconds);
  return true;
}

/** The longest page number kept (a hand-typed one). */
const PAGE_MAX = 12;

export function PageCell({ line, onSet }: CellProps) {
  const typed = line.row.page !== null;
  return (
    <CellField
      rowId={line.row.id}
      label={`Page of ${line.slug || 'UNTITLED'}`}
      text={line.page}
      className={typed ? 'cd-rd-typed' : undefined}
      title={
        typed ? 'Typed by hand: clear it to number the row by its place' : 'Numbered by its place'
      }
      edit={{
        initial: line.row.page ?? '',
        placeholder: line.page,
        maxLength: PAGE_MAX,
        hint: 'A page number',
        take: (text) => {
          const page = lineInput(text).trim();
          if (page !== (line.row.page ?? ''))
            onSet({ page: page === '' ? null : clipUnits(page, PAGE_MAX) });
          return true;
        },
      }}
    />
  );
}

export function EstCell({ line, onSet }: CellProps) {
  const { row } = line;
  const fromScript = row.kind === 'story' && row.estSec === null;
  const classes = `cd-rd-est${fromScript ? ' cd-rd-from-script' : ''}${line.estEstimated ? ' cd-rd-estimated' : ''}`;
  return (
    <span className={classes}>
      <CellField
        rowId={row.id}
        label={`Estimated length of ${line.slug || 'UNTITLED'}`}
        text={formatDuration(line.estSec)}
        title={
          fromScript
            ? `From the script${line.estEstimated ? ' (some media has no duration yet)' : ''}: type a length to override it`
            : 'Typed estimate'
        }
        edit={{
          initial: fromScript ? '' : formatDuration(row.estSec ?? 0),
          placeholder: formatDuration(line.estSec),
          hint: LENGTH_HINT,
          numeric: true,
          take: (text) =>
            // Emptied, a story's row goes back to its script's time; a break or an item keeps
            // its length (it has no script to time it).
            text.trim() === '' && row.kind !== 'story'
              ? true
              : takeDuration(text, row.estSec, (estSec) => onSet({ estSec })),
        }}
      />
    </span>
  );
}

export function ActualCell({ line, onSet }: CellProps) {
  const { row } = line;
  const shown = row.actualSec === null ? '' : formatDuration(row.actualSec);
  return (
    <CellField
      rowId={row.id}
      label={`Actual length of ${line.slug || 'UNTITLED'}`}
      text={shown}
      title="How long it ran on air"
      edit={{
        initial: shown,
        hint: LENGTH_HINT,
        numeric: true,
        take: (text) => takeDuration(text, row.actualSec, (actualSec) => onSet({ actualSec })),
      }}
    />
  );
}

export function HitCell({ line, onAirSec, onSet }: CellProps & { onAirSec: number }) {
  const hit = line.row.hitSec;
  const shown = hit === null ? '' : formatClock(hit);
  return (
    <CellField
      rowId={line.row.id}
      label={`Hard hit for ${line.slug || 'UNTITLED'}`}
      text={shown}
      className="cd-rd-hit-field"
      title="The clock time this row must start at"
      edit={{
        initial: shown,
        className: 'cd-rd-hit-field',
        hint: 'Type a clock time like 18:10:00',
        take: (text) => {
          const typed = text.trim();
          if (typed === '') {
            if (hit !== null) onSet({ hitSec: null });
            return true;
          }
          const clock = parseClock(typed);
          if (clock === null) return false;
          const sec = hitInShow(clock, onAirSec);
          if (sec !== hit) onSet({ hitSec: sec });
          return true;
        },
      }}
    />
  );
}
