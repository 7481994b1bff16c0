import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { formatClock, hitInShow, parseClock } from '../../shared/rundown/clock';
import type { RundownLine } from '../../shared/rundown/view';
import { formatDuration, parseDuration } from '../../shared/story/timing';
import type { RowChange } from './RundownGrid';

type CellProps = { line: RundownLine; onSet: (change: RowChange) => void };

/**
 * A cell's value as text that turns into a field when it is clicked or tabbed to. A grid of live
 * fields made every move lay out and paint four text fields per row on screen (each an editor of
 * its own, with its own clip); a text button costs a fraction of that. The field belongs to its
 * row: rows are drawn by place, so each cell is keyed by its row (CellField below), and when rows
 * move under a field the place shows the new row's value and what was typed is dropped, never
 * carried onto another row, nor brought back when the row returns.
 */
function CellField({ rowId, ...props }: CellFieldProps & { rowId: string }) {
  return <RowCellField key={rowId} {...props} />;
}

type CellFieldProps = {
  label: string;
  text: string;
  className?: string;
  title?: string;
  field: (done: () => void) => ReactNode;
};

function RowCellField(props: CellFieldProps) {
  const [editing, setEditing] = useState(false);
  const done = useCallback(() => setEditing(false), []);
  if (editing) return props.field(done);
  return (
    <span
      role="button"
      tabIndex={0}
      className={`cd-rd-field${props.className ? ` ${props.className}` : ''}`}
      // The value is part of the name: a screen reader reads a button's name, not its text.
      aria-label={props.text ? `${props.label}: ${props.text}` : props.label}
      title={props.title}
      onFocus={() => setEditing(true)}
      onClick={() => setEditing(true)}
    >
      {props.text}
    </span>
  );
}

/**
 * The field a cell becomes: the value is taken on Enter or on leaving the field, Escape leaves it
 * unchanged. `take` answers false for text that is not a value: the field stays, red, with what
 * was typed, until it is mended or emptied. Enter and Escape hand the keyboard back to the grid.
 */
function CellEditor(props: {
  label: string;
  initial: string;
  placeholder?: string;
  className?: string;
  maxLength?: number;
  hint: string;
  numeric?: boolean;
  take: (text: string) => boolean;
  onDone: () => void;
}) {
  const [text, setText] = useState(props.initial);
  const [invalid, setInvalid] = useState(false);
  const ended = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  // Taken only when something was typed: passing through a cell stores nothing, and does not
  // write back a value another desk changed meanwhile.
  const accepted = () => text === props.initial || props.take(text);
  const finish = (keep: boolean) => {
    if (keep && !accepted()) {
      setInvalid(true);
      return;
    }
    ended.current = true;
    // Focusing the grid blurs the field; `ended` keeps that blur from taking the text again.
    gridOf(input.current)?.focus({ preventScroll: true });
    props.onDone();
  };
  // Taken away while it has the keyboard (another desk moved its row): the keyboard goes back to
  // the grid, not to the page, and what was typed is dropped with the field.
  useLayoutEffect(() => {
    const element = input.current;
    return () => {
      if (element && document.activeElement === element) {
        ended.current = true;
        gridOf(element)?.focus({ preventScroll: true });
      }
    };
  }, []);
  return (
    <input
      ref={input}
      // The person clicked or tabbed to this cell to type in it.
      autoFocus
      className={`cd-rd-cell-input${props.className ? ` ${props.className}` : ''}${invalid ? ' cd-input-invalid' : ''}`}
      aria-label={props.label}
      aria-invalid={invalid}
      title={invalid ? props.hint : props.label}
      value={text}
      placeholder={props.placeholder}
      maxLength={props.maxLength}
      inputMode={props.numeric ? 'numeric' : undefined}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => {
        if (ended.current) return;
        if (accepted()) {
          ended.current = true;
          props.onDone();
        } else setInvalid(true);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          finish(true);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          finish(false);
        }
      }}
    />
  );
}

const gridOf = (element: HTMLElement | null) => element?.closest<HTMLElement>('[role=grid]');

/** Takes a typed m:ss length: empty clears it, anything else that is not a length is refused. */
function takeDuration(
  text: string,
  current: number | null,
  set: (seconds: number | null) => void,
): boolean {
  const trimmed = text.trim();
  const seconds = trimmed === '' ? null : parseDuration(trimmed);
  if (trimmed !== '' && seconds === null) return false;
  if (seconds !== current) set(seconds);
  return true;
}

const DURATION_HINT = 'Type a time like 1:45 or 0:20';

export function PageCell({ line, onSet }: CellProps) {
  const typed = line.row.page !== null;
  const label = `Page of ${line.slug || 'UNTITLED'}`;
  return (
    <CellField
      rowId={line.row.id}
      label={label}
      text={line.page}
      className={typed ? 'cd-rd-typed' : undefined}
      title={
        typed ? 'Typed by hand: clear it to number the row by its place' : 'Numbered by its place'
      }
      field={(done) => (
        <CellEditor
          label={label}
          initial={line.row.page ?? ''}
          placeholder={line.page}
          maxLength={12}
          hint="A page number"
          take={(text) => {
            const page = text.trim();
            if (page !== (line.row.page ?? ''))
              onSet({ page: page === '' ? null : page.slice(0, 12) });
            return true;
          }}
          onDone={done}
        />
      )}
    />
  );
}

export function EstCell({ line, onSet }: CellProps) {
  const { row } = line;
  const fromScript = row.kind === 'story' && row.estSec === null;
  const label = `Estimated length of ${line.slug || 'UNTITLED'}`;
  const classes = `cd-rd-est${fromScript ? ' cd-rd-from-script' : ''}${line.estEstimated ? ' cd-rd-estimated' : ''}`;
  return (
    <span className={classes}>
      <CellField
        rowId={row.id}
        label={label}
        text={formatDuration(line.estSec)}
        title={
          fromScript
            ? `From the script${line.estEstimated ? ' (some media has no duration yet)' : ''}: type a length to override it`
            : 'Typed estimate'
        }
        field={(done) => (
          <CellEditor
            label={label}
            initial={fromScript ? '' : formatDuration(row.estSec ?? 0)}
            placeholder={formatDuration(line.estSec)}
            hint={DURATION_HINT}
            numeric
            take={(text) =>
              // Emptied, a story's row goes back to its script's time; a break or an item keeps
              // its length (it has no script to time it).
              text.trim() === '' && row.kind !== 'story'
                ? true
                : takeDuration(text, row.estSec, (estSec) => onSet({ estSec }))
            }
            onDone={done}
          />
        )}
      />
    </span>
  );
}

export function ActualCell({ line, onSet }: CellProps) {
  const { row } = line;
  const label = `Actual length of ${line.slug || 'UNTITLED'}`;
  return (
    <CellField
      rowId={row.id}
      label={label}
      text={row.actualSec === null ? '' : formatDuration(row.actualSec)}
      title="How long it ran on air"
      field={(done) => (
        <CellEditor
          label={label}
          initial={row.actualSec === null ? '' : formatDuration(row.actualSec)}
          hint={DURATION_HINT}
          numeric
          take={(text) => takeDuration(text, row.actualSec, (actualSec) => onSet({ actualSec }))}
          onDone={done}
        />
      )}
    />
  );
}

export function HitCell({ line, onAirSec, onSet }: CellProps & { onAirSec: number }) {
  const hit = line.row.hitSec;
  const shown = hit === null ? '' : formatClock(hit);
  const label = `Hard hit for ${line.slug || 'UNTITLED'}`;
  return (
    <CellField
      rowId={line.row.id}
      label={label}
      text={shown}
      className="cd-rd-hit-field"
      title="The clock time this row must start at"
      field={(done) => (
        <CellEditor
          label={label}
          initial={shown}
          className="cd-rd-hit-field"
          hint="Type a clock time like 18:10:00"
          take={(text) => {
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
          }}
          onDone={done}
        />
      )}
    />
  );
}
