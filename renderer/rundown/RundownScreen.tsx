import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { parseLength } from '../../shared/story/timing';
import { clipUnits, lineInput } from '../../shared/text/lineInput';
import { TEMPLATE_NAME_CHARS } from '../../shared/rundown/template';
import { describeChange, type RundownHistoryEntry } from '../../shared/rundown/history';
import type { RundownRow } from '../../shared/rundown/model';
import type { RundownDeviceStatus } from '../../shared/mos/model';
import { call } from '../api/calls';
import { onArchiveEvent } from '../api/archiveEvents';
import { Dialog } from '../common/Dialog';
import { isRepeatClick } from '../common/repeatClick';
import { useInFlight } from '../common/useInFlight';
import { AddStoryDialog } from './AddStoryDialog';
import { RundownGrid } from './RundownGrid';
import { ShowClock } from './ShowClock';
import { ShowDialog } from './ShowDialog';
import { useRundown, type LiveStoryTime } from './useRundown';
import { MosDevicesBar } from '../mos/MosDevicesBar';
import { usePolled } from '../mos/usePolled';
import './rundown.css';

type Props = {
  rundownId: string;
  /** The live time of the story open in the editor, so its row follows the typing. */
  live: LiveStoryTime;
  openStoryId: string | null;
  /** The open story's editor, shown beside the grid. */
  storyPane: ReactNode;
  onOpenStory: (storyId: string) => void;
  onCloseStory: () => void;
  onExport: (rundown: { id: string; title: string }) => void;
  onDeleted: () => void;
  onNotify: (message: string) => void;
};

// Made once: a formatter per render costs more than drawing the header.
const AIR_DATE = new Intl.DateTimeFormat([], {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});

/** How often a show asks the MOS devices of its rows: a desk with none has nothing to watch. */
const DEVICE_POLL_MS = 1000;
const NO_DEVICE_POLL_MS = 15_000;
const devicePollMs = (status: RundownDeviceStatus | null) =>
  status && status.devices.length === 0 ? NO_DEVICE_POLL_MS : DEVICE_POLL_MS;

/** Nothing on the page has the keyboard: what had it was closed or taken away. */
function keyboardLoose(): boolean {
  const active = document.activeElement;
  return !active || active === document.body;
}

/** How long a removed row can be put back with Undo or Ctrl+Z. */
const UNDO_OFFER_MS = 15_000;

type Panel = 'add-story' | 'add-break' | 'add-item' | 'show' | 'template' | 'history' | null;

/**
 * A show being built: its clocks, its running order and, beside it, the script of the story
 * being written. Rows are added below the selected one.
 */
export function RundownScreen(props: Props) {
  const { rundownId } = props;
  const doc = useRundown(rundownId, props.live);
  // What the MOS devices have of this show, and say of its rows: asked every second while the
  // desk has devices, rarely while it has none, and at once when one is added in Settings.
  const devices = usePolled('mos.rundownStatus', { rundownId }, devicePollMs);
  const refreshDevices = devices.refresh;
  useEffect(
    () => onArchiveEvent((e) => e.type === 'mos-devices' && void refreshDevices()),
    [refreshDevices],
  );
  const [selected, setSelected] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [undo, setUndo] = useState<{ row: RundownRow; index: number; slug: string } | null>(null);

  const lines = doc.view?.lines ?? [];
  const selectedIndex = lines.findIndex((l) => l.row.id === selected);
  // The grid shows the first row as selected until one is picked: the row buttons act on it too.
  const shownIndex = selectedIndex < 0 && lines.length > 0 ? 0 : selectedIndex;
  const selectedLine = lines[shownIndex] ?? null;
  const selectedName = selectedLine?.slug || 'UNTITLED';
  // After a row button, the keys (arrows, Alt+F, Delete) work on the grid again.
  const screen = useRef<HTMLDivElement>(null);
  const backToGrid = () =>
    screen.current?.querySelector<HTMLElement>('[role=grid]')?.focus({ preventScroll: true });
  /**
   * After a dialog or the script beside closes: what had the keyboard is gone, and the keys
   * would go nowhere. Once it is gone from the page, the grid takes them.
   */
  const closeToGrid = (close: () => void) => {
    close();
    setTimeout(() => keyboardLoose() && backToGrid(), 0);
  };
  // A show just opened (or just made) takes the keyboard, unless something on the page has it.
  const loaded = doc.detail !== null && doc.view !== null;
  useEffect(() => {
    if (loaded && keyboardLoose()) backToGrid();
  }, [loaded, rundownId]);
  const insertAt = selectedIndex < 0 ? lines.length : selectedIndex + 1;

  const add = useCallback(
    async (row: Parameters<typeof doc.add>[0], at: number) => {
      const rowId = await doc.add(row, at);
      if (rowId) setSelected(rowId);
      return rowId;
    },
    [doc],
  );

  // One add of a new story, or of a removed row back, at a time: a double click made two.
  const adding = useInFlight();
  const newStoryHere = () =>
    adding.run(async () => {
      const created = await call('stories.create', { format: 'READER' });
      if (!created.ok) return;
      const rowId = await add({ kind: 'story', storyId: created.value.id }, insertAt);
      if (rowId) props.onOpenStory(created.value.id);
      // Not in the show after all (another desk changed it first): no empty story is left.
      else await call('stories.delete', { id: created.value.id }, { showsFailure: true });
    });

  const remove = async (rowId: string) => {
    const line = lines.find((l) => l.row.id === rowId);
    const removed = await doc.remove(rowId);
    if (removed) setUndo({ ...removed, slug: line?.slug || 'UNTITLED' });
  };

  const runAdding = adding.run;
  const undoRemove = useCallback(async () => {
    if (!undo) return;
    const { row, index } = undo;
    // Kept until the row is back: an undo that fails can be tried again.
    const back = await runAdding(() => add({ ...row, storyId: row.storyId ?? undefined }, index));
    if (back) setUndo(null);
  }, [undo, add, runAdding]);

  // The offer lasts 15 s from the removal: counted from it, not from the screen's last redraw
  // (`undoRemove` is new whenever the show is, and restarting on it kept the offer up).
  const latestUndo = useRef(undoRemove);
  useEffect(() => {
    latestUndo.current = undoRemove;
  }, [undoRemove]);
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), UNDO_OFFER_MS);
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, [contenteditable="true"]')) return;
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        void latestUndo.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKey);
    };
  }, [undo]);

  if (doc.problem) {
    return (
      <div className="cd-empty">
        <h1>This rundown cannot be shown</h1>
        <p>{doc.problem}</p>
      </div>
    );
  }
  if (!doc.detail || !doc.view) return <div className="cd-rundown-loading">Loading rundown…</div>;
  const { rundown } = doc.detail;
  const view = doc.view;
  const compact = props.openStoryId !== null;
  const openLine = lines.find((l) => l.row.storyId === props.openStoryId);

  return (
    <div
      ref={screen}
      className={`cd-rundown${compact ? ' cd-rundown-with-story' : ''}${undo ? ' cd-rundown-offering' : ''}`}
      data-testid="rundown-screen"
    >
      <header className="cd-rundown-head">
        <div className="cd-rundown-title">
          <h1>{rundown.title}</h1>
          <span className="cd-rundown-date">
            {AIR_DATE.format(new Date(`${rundown.airDate}T12:00:00`))}
          </span>
          <button
            type="button"
            className="cd-button cd-button-quiet"
            onClick={() => setPanel('show')}
          >
            Show details…
          </button>
        </div>
        <ShowClock airDate={rundown.airDate} view={view} />
      </header>
      <div className="cd-rundown-toolbar" role="toolbar" aria-label="Rundown">
        <button type="button" className="cd-button" onClick={() => setPanel('add-story')}>
          + Story…
        </button>
        <button
          type="button"
          className="cd-button"
          aria-disabled={adding.busy || undefined}
          onClick={() => void newStoryHere()}
        >
          + New story
        </button>
        <button type="button" className="cd-button" onClick={() => setPanel('add-break')}>
          + Break
        </button>
        <button type="button" className="cd-button" onClick={() => setPanel('add-item')}>
          + Item
        </button>
        {selectedLine && (
          <span className="cd-rundown-row-actions" role="group" aria-label="Selected row">
            <button
              type="button"
              className="cd-button cd-button-quiet"
              title={
                selectedLine.row.floated
                  ? `Put ${selectedName} back in the timing and the prompter (Alt+F)`
                  : `Float ${selectedName}: it stays in the rundown, out of the timing and the prompter (Alt+F)`
              }
              // A double click's second click would unfloat it again under the new label.
              onClick={(e) => {
                if (!isRepeatClick(e))
                  void doc.set(selectedLine.row.id, { floated: !selectedLine.row.floated });
                backToGrid();
              }}
            >
              {selectedLine.row.floated ? 'Unfloat' : 'Float'}
            </button>
            <button
              type="button"
              className="cd-button cd-button-quiet"
              title={`Take ${selectedName} out of the rundown (Delete); Undo puts it back`}
              // A double click's second click would take the next row too, past its undo.
              onClick={(e) => {
                backToGrid();
                if (isRepeatClick(e)) return;
                const next = lines[shownIndex + 1] ?? lines[shownIndex - 1];
                void remove(selectedLine.row.id);
                if (next) setSelected(next.row.id);
              }}
            >
              Remove
            </button>
          </span>
        )}
        <span className="cd-rundown-toolbar-gap" />
        <button
          type="button"
          className="cd-button"
          onClick={() => props.onExport({ id: rundown.id, title: rundown.title })}
        >
          Export…
        </button>
        <button
          type="button"
          className="cd-button cd-button-quiet"
          onClick={() => setPanel('template')}
        >
          Save as template…
        </button>
        <button
          type="button"
          className="cd-button cd-button-quiet"
          aria-pressed={panel === 'history'}
          onClick={() => setPanel((p) => (p === 'history' ? null : 'history'))}
        >
          History
        </button>
      </div>
      {devices.value && (
        <MosDevicesBar rundownId={rundown.id} status={devices.value} onChanged={devices.refresh} />
      )}
      {/* The live region is always there, empty until a removal: a region put in together with
          its text is not announced by every screen reader. */}
      <div role="status" className="cd-rundown-undo">
        {undo && (
          <>
            <span className="cd-rundown-undo-text" title={undo.slug}>
              Removed {undo.slug} from the rundown.
            </span>
            <button type="button" className="cd-button" onClick={() => void undoRemove()}>
              Undo
            </button>
          </>
        )}
      </div>
      <div className="cd-rundown-body">
        <RundownGrid
          view={view}
          selectedRowId={selectedLine?.row.id ?? null}
          openStoryId={props.openStoryId}
          // Beside the script or the history, the grid keeps the columns a move or a time needs.
          compact={compact || panel === 'history'}
          onSelect={setSelected}
          onOpenStory={props.onOpenStory}
          onMove={(rowId, to) => void doc.move(rowId, to)}
          onRemove={(rowId) => void remove(rowId)}
          onSet={(rowId, change) => void doc.set(rowId, change)}
          deviceStatus={devices.value?.rows}
        />
        {panel === 'history' && (
          <RundownHistory
            rundownId={rundown.id}
            version={rundown.version}
            onClose={() => setPanel(null)}
          />
        )}
        {compact && (
          <section className="cd-rundown-story" aria-label="Story">
            <div className="cd-rundown-story-bar">
              <span>
                {openLine ? `${openLine.page} · ` : ''}Script beside the rundown: its time flows
                into the row as you type
              </span>
              <button
                type="button"
                className="cd-button cd-button-quiet"
                onClick={() => closeToGrid(props.onCloseStory)}
              >
                Close script
              </button>
            </div>
            {props.storyPane}
          </section>
        )}
      </div>
      {panel === 'add-story' && (
        <AddStoryDialog
          onClose={() => closeToGrid(() => setPanel(null))}
          onAdd={async (story) =>
            (await add({ kind: 'story', storyId: story.id }, insertAt)) !== null
          }
        />
      )}
      {(panel === 'add-break' || panel === 'add-item') && (
        <RowDialog
          kind={panel === 'add-break' ? 'break' : 'item'}
          onClose={() => closeToGrid(() => setPanel(null))}
          onAdd={async (label, estSec) =>
            (await add(
              { kind: panel === 'add-break' ? 'break' : 'item', label, estSec },
              insertAt,
            )) !== null
          }
        />
      )}
      {panel === 'show' && (
        <ShowDialog
          rundown={rundown}
          onClose={() => setPanel(null)}
          onSubmit={(f) =>
            doc.update({
              title: f.title,
              airDate: f.airDate,
              onAirSec: f.onAirSec,
              lengthSec: f.lengthSec,
            })
          }
        />
      )}
      {panel === 'template' && (
        <TemplateDialog
          title={rundown.title}
          onClose={() => setPanel(null)}
          onSave={async (name) => {
            const result = await call('showTemplates.fromRundown', { id: rundown.id, name });
            if (!result.ok) return false;
            props.onNotify(
              `Saved “${name}” as a show template: breaks, items, times and budgets, no stories.`,
            );
            return true;
          }}
        />
      )}
    </div>
  );
}

function RowDialog({
  kind,
  onAdd,
  onClose,
}: {
  kind: 'break' | 'item';
  onAdd: (label: string, estSec: number) => Promise<boolean>;
  onClose: () => void;
}) {
  const [label, setLabel] = useState(kind === 'break' ? 'BREAK' : '');
  const [length, setLength] = useState(kind === 'break' ? '2:00' : '0:30');
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, run } = useInFlight();
  return (
    <Dialog title={kind === 'break' ? 'Add a break' : 'Add an item'} onClose={onClose}>
      <form
        className="cd-rd-show-form"
        onSubmit={(e) => {
          e.preventDefault();
          const estSec = parseLength(length);
          if (!label.trim()) return setProblem(`Give the ${kind} a name.`);
          if (estSec === null) return setProblem('Type the length as M:SS, up to 6:00:00.');
          void run(() => onAdd(label.trim(), estSec)).then((done) => done && onClose());
        }}
      >
        <label>
          Name
          <input
            value={label}
            data-autofocus
            maxLength={120}
            placeholder={kind === 'break' ? 'BREAK 1' : 'HEADLINES'}
            onChange={(e) => setLabel(lineInput(e.target.value))}
          />
        </label>
        <label>
          Length
          <input value={length} onChange={(e) => setLength(e.target.value)} placeholder="m:ss" />
        </label>
        {problem && (
          <p className="cd-form-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="cd-dialog-actions">
          <button type="button" className="cd-button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="cd-button cd-button-primary"
            aria-disabled={busy || undefined}
          >
            Add {kind}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function TemplateDialog({
  title,
  onSave,
  onClose,
}: {
  title: string;
  onSave: (name: string) => Promise<boolean>;
  onClose: () => void;
}) {
  // The show's title (up to 120 characters) starts the name; a name holds 80.
  const [name, setName] = useState(clipUnits(title, TEMPLATE_NAME_CHARS));
  // One save at a time: a second Enter saved it again and said so twice.
  const saving = useInFlight();
  return (
    <Dialog title="Save as show template" onClose={onClose}>
      <form
        className="cd-rd-show-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          void saving.run(async () => {
            if (await onSave(name.trim())) onClose();
          });
        }}
      >
        <label>
          Template name
          <input
            value={name}
            data-autofocus
            maxLength={TEMPLATE_NAME_CHARS}
            onChange={(e) => setName(lineInput(e.target.value))}
          />
        </label>
        <p className="cd-dialog-note">
          The template keeps the show’s title, times, block budgets, breaks and standing items; a
          template of the same name is replaced.
        </p>
        <div className="cd-dialog-actions">
          <button type="button" className="cd-button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="cd-button cd-button-primary"
            aria-disabled={saving.busy || undefined}
          >
            Save template
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function RundownHistory({
  rundownId,
  version,
  onClose,
}: {
  rundownId: string;
  version: number;
  onClose: () => void;
}) {
  const [entries, setEntries] = useState<RundownHistoryEntry[] | null>(null);
  useEffect(() => {
    void call('rundowns.history', { id: rundownId }).then((r) => r.ok && setEntries(r.value));
  }, [rundownId, version]);
  return (
    <aside className="cd-rundown-history" aria-label="Rundown history">
      <header>
        <h2>History</h2>
        <button
          type="button"
          className="cd-icon-button"
          aria-label="Close history"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <ol>
        {(entries ?? []).map((e) => (
          <li key={e.seq}>
            <span className="cd-rd-history-what">{describeChange(e)}</span>
            <span className="cd-rd-history-who">
              {e.author || 'Unnamed user'} ·{' '}
              {new Date(e.at).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}
            </span>
          </li>
        ))}
      </ol>
      {entries?.length === 0 && <p>No changes yet.</p>}
    </aside>
  );
}
