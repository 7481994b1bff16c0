import { useCallback, useRef, useState, type ReactNode } from 'react';
import { formatClock, hitInShow, parseClock } from '../../shared/rundown/clock';
import type { RundownLine } from '../../shared/rundown/view';
import { formatDuration, parseDuration } from '../../shared/story/timing';
import type { RowChange } from './RundownGrid';

type CellProps = { line: RundownLine; onSet: (change: RowChange) => void };

/**
 * Something kept for the row it belongs to: a cell belongs to a place in the grid, and the row in
 * that place changes when rows move (or another desk moves them).
 */
function useRowDraft<T>(rowId: string): [T | null, (value: T | null) => void] {
  const [draft, setDraft] = useState<{ rowId: string; value: T } | null>(null);
  const set = useCallback(
    (value: T | null) => setDraft(value === null ? null : { rowId, value }),
    [rowId],
  );
  return [draft?.rowId === rowId ? draft.value : null, set];
}

/**
 * A cell's value as text that turns into a field when it is clicked or tabbed to. A grid of live
 * fields made every move lay out and paint four text fields per row on screen (each an editor of
 * its own, with its own clip); a text button costs a fraction of that. The field belongs to its
 * row: when rows move under it, the place shows the new row's value and what was typed is dropped,
 * never carried onto another row.
 */
function CellField(props: {
  rowId: string;
  label: string;
  text: string;
  className?: string;
  title?: string;
  field: (done: () => void) => ReactNode;
}) {
  const [editing, setEditing] = useRowDraft<true>(props.rowId);
  const done = useCallback(() => setEditing(null), [setEditing]);
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
  const finish = (input: HTMLInputElement, keep: boolean) => {
    if (keep && !props.take(text)) {
      setInvalid(true);
      return;
    }
    ended.current = true;
    // Focusing the grid blurs the field; `ended` keeps that blur from taking the text again.
    input.closest<HTMLElement>('[role=grid]')?.focus();
    props.onDone();
  };
  return (
    <input
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
        if (props.take(text)) {
          ended.current = true;
          props.onDone();
        } else setInvalid(true);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          finish(e.currentTarget, true);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          finish(e.currentTarget, false);
        }
      }}
    />
  );
}

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
