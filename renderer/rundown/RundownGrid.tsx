import { memo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { formatClock } from '../../shared/rundown/clock';
import { describeHit, type RundownLine, type RundownView } from '../../shared/rundown/view';
import { formatDuration } from '../../shared/story/timing';
import { STATUS_BADGES } from '../../shared/story/workflow';
import type { RowDeviceStatus } from '../../shared/mos/model';
import { clockTime, statusTone } from '../mos/linkWords';
import { ActualCell, EstCell, HitCell, PageCell, focusGridOf } from './RowCells';

export type RowChange = {
  floated?: boolean;
  hitSec?: number | null;
  actualSec?: number | null;
  estSec?: number | null;
  page?: string | null;
  label?: string;
};

type Props = {
  view: RundownView;
  selectedRowId: string | null;
  openStoryId: string | null;
  /** With the story editor beside the grid: only the columns a producer needs while writing. */
  compact: boolean;
  onSelect: (rowId: string) => void;
  onOpenStory: (storyId: string) => void;
  onMove: (rowId: string, to: number) => void;
  onRemove: (rowId: string) => void;
  onSet: (rowId: string, change: RowChange) => void;
  /** What MOS devices said of each row (roElementStat, roItemStat), by row id. */
  deviceStatus?: Record<string, RowDeviceStatus[]>;
};

const DRAG_TYPE = 'application/x-copydesk-row';

/** The row's element id, for the grid's active descendant. */
const rowElementId = (rowId: string) => `cd-rd-row-${rowId}`;

/**
 * The running order: one row per story, break or item, with its page, times and clocks. Rows
 * are moved by dragging or from the keyboard (Alt+Up/Down), floated with Alt+F, removed with
 * Delete; Enter opens a story row's script beside the grid.
 */
export function RundownGrid(props: Props) {
  const { view, selectedRowId, compact } = props;
  const body = useRef<HTMLDivElement>(null);
  const [drop, setDrop] = useState<{ rowId: string; after: boolean } | null>(null);
  const dragged = useRef<string | null>(null);
  /**
   * The row under the pointer when it was pressed. Rows are drawn by place: another desk's move
   * arriving between the press and the release rewrites that place with another row, and the
   * click (or the double click, or the drag) would act on that one. It acts on the row pressed.
   */
  const pressed = useRef<string | null>(null);
  const press = (rowId: string) => {
    pressed.current = rowId;
    // Forgotten once the release's click is handled (a release outside the row makes none), or
    // when the press ends without a release: a drag begins, a touch becomes a scroll.
    const forget = () => {
      window.removeEventListener('pointerup', forget);
      window.removeEventListener('pointercancel', forget);
      setTimeout(() => (pressed.current = null), 0);
    };
    window.addEventListener('pointerup', forget);
    window.addEventListener('pointercancel', forget);
  };
  const pressedOr = (rowId: string) => pressed.current ?? rowId;

  /** Brings the row into view, if it left it, once the frame that shows the change is painted. */
  const revealRow = (rowId: string) =>
    requestAnimationFrame(() =>
      setTimeout(
        () =>
          body.current
            ?.querySelector<HTMLElement>(`[data-row-id="${rowId}"]`)
            ?.scrollIntoView({ block: 'nearest' }),
        0,
      ),
    );

  /**
   * The keyboard stays on the grid and the selected row is its active descendant: moving,
   * floating or stepping through rows moves no focus, so a move costs the cells it rewrites.
   */
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return; // typing in a cell's field, or on its button
    const lines = view.lines;
    const i = lines.findIndex((l) => l.row.id === selectedRowId);
    const line = lines[i];
    if (!line) {
      if (lines[0] && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
        e.preventDefault();
        props.onSelect(lines[0].row.id);
      }
      return;
    }
    const rowId = line.row.id;
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      const to = e.key === 'ArrowUp' ? i - 1 : i + 1;
      if (to < 0 || to >= lines.length) return;
      // The row moved stays the selected one, also when it was only shown as selected (the
      // first row, before any was picked): the next Alt+Up/Down moves it again.
      props.onSelect(rowId);
      props.onMove(rowId, to);
      revealRow(rowId);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const next = lines[e.key === 'ArrowUp' ? i - 1 : i + 1];
      if (next) {
        props.onSelect(next.row.id);
        revealRow(next.row.id);
      }
    } else if (e.altKey && e.code === 'KeyF') {
      e.preventDefault();
      props.onSet(rowId, { floated: !line.row.floated });
    } else if (e.key === 'Delete') {
      e.preventDefault();
      const next = lines[i + 1] ?? lines[i - 1];
      props.onRemove(rowId);
      if (next) {
        props.onSelect(next.row.id);
        revealRow(next.row.id);
      }
    } else if (e.key === 'Enter' && line.row.storyId) {
      e.preventDefault();
      props.onOpenStory(line.row.storyId);
    }
  };

  const dropTarget = (e: DragEvent<HTMLDivElement>, rowId: string) => {
    if (!dragged.current) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    const box = e.currentTarget.getBoundingClientRect();
    const after = e.clientY > box.top + box.height / 2;
    if (drop?.rowId !== rowId || drop.after !== after) setDrop({ rowId, after });
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    const rowId = dragged.current;
    dragged.current = null;
    const target = drop;
    setDrop(null);
    if (!rowId || !target) return;
    const ids = view.lines.map((l) => l.row.id);
    const from = ids.indexOf(rowId);
    let to = ids.indexOf(target.rowId) + (target.after ? 1 : 0);
    if (to > from) to -= 1;
    if (to !== from) props.onMove(rowId, to);
  };

  const head = (label: string, className?: string) => (
    <div role="columnheader" className={`cd-rd-cell${className ? ` ${className}` : ''}`}>
      {label}
    </div>
  );
  return (
    <div className="cd-rundown-grid-scroll">
      <div
        role="grid"
        className={`cd-rundown-grid${compact ? ' cd-rundown-compact' : ''}`}
        aria-label="Running order"
        aria-rowcount={view.lines.length + 1}
        tabIndex={0}
        aria-activedescendant={
          selectedRowId && view.lines.some((l) => l.row.id === selectedRowId)
            ? rowElementId(selectedRowId)
            : undefined
        }
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          // Arriving with the keyboard: the first row, when none is selected yet.
          if (e.target === e.currentTarget && !selectedRowId && view.lines[0])
            props.onSelect(view.lines[0].row.id);
        }}
      >
        <div role="rowgroup" className="cd-rd-head">
          <div role="row" className="cd-rd-head-row" aria-rowindex={1}>
            {head('Page', 'cd-rd-page')}
            {head('Slug', 'cd-rd-slug')}
            {head('Format')}
            {!compact && head('Presenter')}
            {!compact && head('Reporter')}
            {!compact && head('Status')}
            {head('Est', 'cd-rd-num')}
            {head('Actual', 'cd-rd-num')}
            {!compact && head('Hit', 'cd-rd-num')}
            {head('Front', 'cd-rd-num')}
            {head('Back', 'cd-rd-num')}
            {!compact && head('Cume', 'cd-rd-num')}
          </div>
        </div>
        <div role="rowgroup" ref={body} data-testid="rundown-rows">
          {view.lines.map((line, i) => (
            <Row
              // Keyed by place, not by row: a move rewrites the cells of the rows it passes and
              // moves no element, so the grid keeps its layout and the focused row its focus.
              // The cells that hold typing are keyed by row (below).
              key={i}
              index={i}
              line={line}
              onAirSec={view.onAirSec}
              compact={compact}
              selected={line.row.id === selectedRowId}
              open={line.row.storyId !== null && line.row.storyId === props.openStoryId}
              dropAbove={drop?.rowId === line.row.id && !drop.after}
              dropBelow={drop?.rowId === line.row.id && drop.after}
              onPress={() => press(line.row.id)}
              onSelect={() => props.onSelect(pressedOr(line.row.id))}
              onOpenRow={() => {
                const rowId = pressedOr(line.row.id);
                const storyId = view.lines.find((l) => l.row.id === rowId)?.row.storyId;
                if (storyId) props.onOpenStory(storyId);
              }}
              onOpenStory={props.onOpenStory}
              onSet={props.onSet}
              devices={props.deviceStatus?.[line.row.id]}
              onDragStart={(e) => {
                const rowId = pressedOr(line.row.id);
                dragged.current = rowId;
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData(DRAG_TYPE, rowId);
              }}
              onDragOver={(e) => dropTarget(e, line.row.id)}
              onDrop={onDrop}
              onDragEnd={() => {
                dragged.current = null;
                pressed.current = null;
                setDrop(null);
              }}
            />
          ))}
        </div>
      </div>
      {view.lines.length === 0 && (
        <p className="cd-rundown-empty">
          No rows yet. Add stories from the archive, a new story, a break or an item.
        </p>
      )}
    </div>
  );
}

type RowProps = {
  /** The row's place, from 0. */
  index: number;
  line: RundownLine;
  onAirSec: number;
  compact: boolean;
  selected: boolean;
  open: boolean;
  dropAbove: boolean;
  dropBelow: boolean;
  /** The pointer pressed on the row: what its click, double click or drag acts on. */
  onPress: () => void;
  onSelect: () => void;
  /** Opens the script of the story row pressed (a double click). */
  onOpenRow: () => void;
  onOpenStory: (storyId: string) => void;
  onSet: (rowId: string, change: RowChange) => void;
  devices: RowDeviceStatus[] | undefined;
  onDragStart: (e: DragEvent<HTMLDivElement>) => void;
  onDragOver: (e: DragEvent<HTMLDivElement>) => void;
  onDrop: (e: DragEvent<HTMLDivElement>) => void;
  onDragEnd: () => void;
};

/** What a row's cells other than its page show. */
type Shown = Pick<RowProps, 'line' | 'onAirSec' | 'compact' | 'devices'>;
/** Handlers are recreated with every render and do not count. */
type RestProps = Shown & {
  onOpenStory: (storyId: string) => void;
  onSet: (change: RowChange) => void;
};

/** A hard hit's front time: heavy (the rows above run past it), light (time open before it) or on time. */
function hitClass(line: RundownLine): string {
  const into = line.clock?.intoHitSec;
  if (into == null) return '';
  return ` cd-rd-hit${into > 0 ? ' cd-rd-hit-heavy' : into < 0 ? ' cd-rd-hit-light' : ''}`;
}

function sameApartFromPage(a: Shown, b: Shown): boolean {
  const x = a.line;
  const y = b.line;
  return (
    x.row === y.row &&
    x.slug === y.slug &&
    x.story === y.story &&
    x.estSec === y.estSec &&
    x.estEstimated === y.estEstimated &&
    x.clock?.frontSec === y.clock?.frontSec &&
    x.clock?.backSec === y.clock?.backSec &&
    x.clock?.cumeSec === y.clock?.cumeSec &&
    x.clock?.intoHitSec === y.clock?.intoHitSec &&
    a.compact === b.compact &&
    a.onAirSec === b.onAirSec &&
    JSON.stringify(a.devices) === JSON.stringify(b.devices)
  );
}

/** What a row shows; handlers are recreated with every render and do not count. */
function sameRow(a: RowProps, b: RowProps): boolean {
  return (
    sameApartFromPage(a, b) &&
    a.line.page === b.line.page &&
    a.index === b.index &&
    a.selected === b.selected &&
    a.open === b.open &&
    a.dropAbove === b.dropAbove &&
    a.dropBelow === b.dropBelow
  );
}

const Row = memo(function Row(props: RowProps) {
  const { line, compact } = props;
  const { row } = line;
  const floated = row.floated;
  const classes = [
    'cd-rd-row',
    `cd-rd-${row.kind}`,
    floated && 'cd-rd-floated',
    props.selected && 'cd-rd-selected',
    props.open && 'cd-rd-open',
    props.dropAbove && 'cd-rd-drop-above',
    props.dropBelow && 'cd-rd-drop-below',
  ]
    .filter(Boolean)
    .join(' ');
  const name = line.slug || 'UNTITLED';
  const set = (change: RowChange) => props.onSet(row.id, change);
  return (
    <div
      role="row"
      className={classes}
      data-row-id={row.id}
      data-testid="rundown-row"
      id={rowElementId(row.id)}
      aria-rowindex={props.index + 2}
      aria-selected={props.selected}
      aria-label={`${line.page} ${name}${floated ? ', floated' : ''}`}
      draggable
      onPointerDown={props.onPress}
      onClick={props.onSelect}
      // Tabbing into one of its cells selects the row too: Enter in the cell hands the keyboard
      // back to the grid on this row, and Delete or Alt+Up act on it.
      onFocus={props.onSelect}
      onDoubleClick={props.onOpenRow}
      onDragStart={props.onDragStart}
      onDragOver={props.onDragOver}
      onDrop={props.onDrop}
      onDragEnd={props.onDragEnd}
    >
      <div role="gridcell" className="cd-rd-cell cd-rd-page">
        <PageCell line={line} onSet={set} />
      </div>
      <RowRest
        line={line}
        onAirSec={props.onAirSec}
        compact={compact}
        devices={props.devices}
        onOpenStory={props.onOpenStory}
        onSet={set}
      />
    </div>
  );
}, sameRow);

/**
 * Every cell of a row but its page. Moving a break renumbers the pages of a whole block, and only
 * those: each of those rows draws its page again and skips the rest.
 */
const RowRest = memo(function RowRest(props: RestProps) {
  const { line, compact, onSet: set } = props;
  const { row, story } = line;
  const floated = row.floated;
  const name = line.slug || 'UNTITLED';
  return (
    <>
      <div role="gridcell" className="cd-rd-cell cd-rd-slug">
        {row.storyId ? (
          <button
            type="button"
            className="cd-rd-slug-button"
            tabIndex={-1}
            onClick={(e) => {
              props.onOpenStory(row.storyId!);
              // The keyboard stays with the running order (Alt+Up moves the row just opened);
              // a click in the script types there.
              focusGridOf(e.currentTarget);
            }}
            // The whole slug, which the column may cut short.
            title={`${name}: open the script beside the rundown`}
          >
            {name}
          </button>
        ) : (
          <span className="cd-rd-label" title={name}>
            {name}
          </span>
        )}
        {floated && <span className="cd-badge cd-rd-float-badge">Float</span>}
        {props.devices?.map((d) => (
          <span
            key={`${d.deviceId}-${d.itemId ?? ''}`}
            className={`cd-badge cd-rd-device cd-rd-device-${statusTone(d.status)}`}
            data-testid="row-device-status"
            title={`${d.deviceName}${d.itemId ? ` (item ${d.itemId})` : ''}: ${d.status} at ${clockTime(d.at)}`}
          >
            {d.deviceName} {d.status}
          </span>
        ))}
      </div>
      <div role="gridcell" className="cd-rd-cell">
        {story ? (
          <span className={`cd-badge cd-format-${story.format.replace('/', '-').toLowerCase()}`}>
            {story.format}
          </span>
        ) : (
          <span className="cd-rd-kind">{row.kind === 'break' ? 'BREAK' : 'ITEM'}</span>
        )}
      </div>
      {!compact && (
        <div role="gridcell" className="cd-rd-cell cd-rd-person">
          {story?.presenter}
        </div>
      )}
      {!compact && (
        <div role="gridcell" className="cd-rd-cell cd-rd-person">
          {story?.reporter}
        </div>
      )}
      {!compact && (
        <div role="gridcell" className="cd-rd-cell">
          {story && (
            <span className={`cd-badge cd-status-badge cd-status-${story.status}`}>
              {STATUS_BADGES[story.status]}
            </span>
          )}
        </div>
      )}
      <div role="gridcell" className="cd-rd-cell cd-rd-num">
        <EstCell line={line} onSet={set} />
      </div>
      {/* Beside a script too: an actual entered after air is the length the clocks use. */}
      <div role="gridcell" className="cd-rd-cell cd-rd-num">
        <ActualCell line={line} onSet={set} />
      </div>
      {!compact && (
        <div role="gridcell" className="cd-rd-cell cd-rd-num">
          <HitCell line={line} onAirSec={props.onAirSec} onSet={set} />
        </div>
      )}
      <div
        role="gridcell"
        className={`cd-rd-cell cd-rd-num cd-rd-clock${hitClass(line)}`}
        title={
          row.hitSec !== null && line.clock?.intoHitSec != null
            ? describeHit(row.hitSec, line.clock.intoHitSec)
            : undefined
        }
      >
        {line.clock ? formatClock(line.clock.frontSec) : ''}
      </div>
      <div role="gridcell" className="cd-rd-cell cd-rd-num cd-rd-clock">
        {line.clock ? formatClock(line.clock.backSec) : ''}
      </div>
      {!compact && (
        <div role="gridcell" className="cd-rd-cell cd-rd-num cd-rd-clock">
          {line.clock ? formatDuration(line.clock.cumeSec) : ''}
        </div>
      )}
    </>
  );
}, sameApartFromPage);
