import { useEffect, useRef } from 'react';
import { formatDuration } from '../../shared/story/timing';
import type { LiveTiming } from '../editor/timing/TimingPlugin';
import { useStoreValue, type ValueStore } from './valueStore';
import type { SaveState } from './useStoryDocument';
import './statusBar.css';

// Made once: the bar is painted with every key and after every save.
const SAVED_AT = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });
const COUNT = new Intl.NumberFormat();

function saveLabel(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return state.at ? `Saved ${SAVED_AT.format(new Date(state.at))}` : 'Saved';
    case 'dirty':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'error':
      return 'Not saved';
    case 'empty':
      return 'New: stored once it has a slug or text';
  }
}

/** What the TRT's colours say, on hovering it. */
const TRT_HELP =
  'TRT: read time plus media. Red when over the story’s target length, green when under; no colour without a target (set it in Target, m:ss).';

type Props = {
  timing: ValueStore<LiveTiming | null>;
  targetSec: number | undefined;
  saveState: ValueStore<SaveState>;
  focusMode: boolean;
  onToggleFocus: () => void;
};

/** Writes a field's text and shows or hides its row, touching the DOM only when it changes. */
function show(root: HTMLElement, field: string, text: string | null, title?: string): void {
  const value = root.querySelector<HTMLElement>(`[data-testid="${field}"]`);
  const row = value?.closest<HTMLElement>('[data-row]') ?? value;
  if (!value || !row) return;
  if (row.hidden !== (text === null)) row.hidden = text === null;
  if (text !== null && value.textContent !== text) {
    // The text node's data, not a new node: nothing to restyle, only the text to lay out again.
    const node = value.firstChild;
    if (node instanceof Text && node === value.lastChild) node.data = text;
    else value.textContent = text;
  }
  if (title !== undefined && value.title !== title) value.title = title;
}

/**
 * The producer's numbers: words, read time, media, TRT against the target, and whether the story
 * is safe. They change as fast as someone types, so they are painted straight into the DOM: a
 * React render while the editor has the caret makes React walk the whole script to save and
 * restore the selection, which on a one-hour special cost more than the keystroke itself.
 */
export function StatusBar({ timing, targetSec, saveState, focusMode, onToggleFocus }: Props) {
  const root = useRef<HTMLElement>(null);
  const target = useRef(targetSec);

  useEffect(() => {
    const paint = () => {
      const element = root.current;
      if (!element) return;
      const t = timing.get();
      const bar = element.querySelector<HTMLElement>('.cd-timing')!;
      if (bar.hidden !== (t === null)) bar.hidden = t === null;
      if (!t) return;
      const estimated = t.estimatedMedia > 0;
      show(element, 'words', String(t.read.words));
      show(element, 'hangul', t.read.hangul > 0 ? String(t.read.hangul) : null);
      show(element, 'cjk', t.read.cjk > 0 ? String(t.read.cjk) : null);
      show(element, 'read-time', formatDuration(t.readSec));
      show(
        element,
        'media-time',
        `${formatDuration(t.mediaSec)}${estimated ? ' est.' : ''}`,
        estimated
          ? `${t.estimatedMedia} block(s) without a duration, estimated from the transcript`
          : '',
      );
      show(element, 'trt', formatDuration(t.totalSec));
      const delta = target.current === undefined ? null : t.totalSec - target.current;
      show(
        element,
        'over-under',
        delta === null ? null : formatDuration(Math.abs(delta)),
        delta === null ? '' : `Target ${formatDuration(target.current!)}`,
      );
      const overUnder = element.querySelector<HTMLElement>('[data-row="over-under"]')!;
      const against = delta === null ? '' : delta > 0 ? 'cd-over' : 'cd-under';
      if (overUnder.className !== against) overUnder.className = against;
      // Red means over to a producer: TRT takes a colour only against a target.
      const trt = element.querySelector<HTMLElement>('[data-row="trt"]')!;
      const trtClass = `cd-trt${against ? ` ${against}` : ''}`;
      if (trt.className !== trtClass) trt.className = trtClass;
      const word = delta !== null && delta > 0 ? 'Over' : 'Under';
      const label = overUnder.querySelector('dt')!;
      if (label.textContent !== word) label.textContent = word;
      show(element, 'chars', COUNT.format(t.characters));
      show(
        element,
        'selection-time',
        t.selection
          ? `${t.selection.read.words + t.selection.read.hangul + t.selection.read.cjk} · ${formatDuration(t.selection.readSec)}`
          : null,
      );
    };
    target.current = targetSec;
    paint();
    return timing.subscribe(paint);
  }, [timing, targetSec]);

  return (
    <footer className="cd-status" aria-label="Timing and save state" ref={root}>
      <dl className="cd-timing" data-testid="timing" hidden>
        <div data-row="words">
          <dt>Words</dt>
          <dd data-testid="words" />
        </div>
        <div data-row="hangul" hidden>
          <dt>Hangul syl.</dt>
          <dd data-testid="hangul" />
        </div>
        <div data-row="cjk" hidden>
          <dt>CJK chars</dt>
          <dd data-testid="cjk" />
        </div>
        <div data-row="read-time">
          <dt>Read</dt>
          <dd data-testid="read-time" />
        </div>
        <div data-row="media-time">
          <dt>Media</dt>
          <dd data-testid="media-time" />
        </div>
        <div className="cd-trt" data-row="trt" title={TRT_HELP}>
          <dt>TRT</dt>
          <dd data-testid="trt" />
        </div>
        <div data-row="over-under" hidden>
          <dt>Under</dt>
          <dd data-testid="over-under" />
        </div>
        <div data-row="chars">
          <dt>Chars</dt>
          <dd data-testid="chars" />
        </div>
        <div className="cd-selection-time" data-row="selection-time" hidden>
          <dt>Selection</dt>
          <dd data-testid="selection-time" />
        </div>
      </dl>
      <button
        type="button"
        className="cd-button cd-button-quiet cd-focus-toggle"
        aria-pressed={focusMode}
        onClick={onToggleFocus}
        title="Focus mode (Ctrl+Alt+F)"
      >
        {focusMode ? 'Leave focus mode' : 'Focus'}
      </button>
      <SaveLabel state={saveState} />
    </footer>
  );
}

/** The save state changes a few times a second at most, and renders only this. */
function SaveLabel({ state }: { state: ValueStore<SaveState> }) {
  const saveState = useStoreValue(state);
  return (
    <div
      className={`cd-save cd-save-${saveState.kind}`}
      role="status"
      data-testid="save-state"
      title={saveState.kind === 'error' ? saveState.message : undefined}
    >
      {saveLabel(saveState)}
    </div>
  );
}

/** Shown while the last save failed: what went wrong, and that the text is safe on screen. */
export function SaveErrorBanner({
  state,
  onRetry,
}: {
  state: ValueStore<SaveState>;
  onRetry: () => void;
}) {
  const saveState = useStoreValue(state);
  if (saveState.kind !== 'error') return null;
  return (
    <div className="cd-save-error" role="alert">
      <strong>Not saved.</strong> {saveState.message} Your text is still here.
      <button type="button" className="cd-button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
