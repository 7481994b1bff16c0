import { formatDuration } from '../../shared/story/timing';
import type { LiveTiming } from '../editor/timing/TimingPlugin';
import { useStoreValue, type ValueStore } from './valueStore';
import type { SaveState } from './useStoryDocument';

function saveLabel(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return state.at
        ? `Saved ${new Date(state.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`
        : 'Saved';
    case 'dirty':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'error':
      return 'Not saved';
  }
}

type Props = {
  timing: ValueStore<LiveTiming | null>;
  targetSec: number | undefined;
  saveState: ValueStore<SaveState>;
  focusMode: boolean;
  onToggleFocus: () => void;
};

/** The producer's numbers: words, read time, media, TRT against the target, and whether it is safe. */
export function StatusBar({
  timing,
  targetSec,
  saveState: saveStore,
  focusMode,
  onToggleFocus,
}: Props) {
  const t = useStoreValue(timing);
  const saveState = useStoreValue(saveStore);
  const delta = t && targetSec !== undefined ? t.totalSec - targetSec : null;
  return (
    <footer className="cd-status" aria-label="Timing and save state">
      {t && (
        <dl className="cd-timing" data-testid="timing">
          <div>
            <dt>Words</dt>
            <dd data-testid="words">{t.read.words}</dd>
          </div>
          {t.read.hangul > 0 && (
            <div>
              <dt>Hangul syl.</dt>
              <dd data-testid="hangul">{t.read.hangul}</dd>
            </div>
          )}
          {t.read.cjk > 0 && (
            <div>
              <dt>CJK chars</dt>
              <dd data-testid="cjk">{t.read.cjk}</dd>
            </div>
          )}
          <div>
            <dt>Read</dt>
            <dd data-testid="read-time">{formatDuration(t.readSec)}</dd>
          </div>
          <div>
            <dt>Media</dt>
            <dd
              data-testid="media-time"
              title={
                t.estimatedMedia
                  ? `${t.estimatedMedia} block(s) without a duration, estimated from the transcript`
                  : undefined
              }
            >
              {formatDuration(t.mediaSec)}
              {t.estimatedMedia > 0 && <span className="cd-estimate"> est.</span>}
            </dd>
          </div>
          <div className="cd-trt">
            <dt>TRT</dt>
            <dd data-testid="trt">{formatDuration(t.totalSec)}</dd>
          </div>
          {delta !== null && (
            <div className={delta > 0 ? 'cd-over' : 'cd-under'}>
              <dt>{delta > 0 ? 'Over' : 'Under'}</dt>
              <dd data-testid="over-under" title={`Target ${formatDuration(targetSec!)}`}>
                {formatDuration(Math.abs(delta))}
              </dd>
            </div>
          )}
          <div>
            <dt>Chars</dt>
            <dd>{t.characters.toLocaleString()}</dd>
          </div>
          {t.selection && (
            <div className="cd-selection-time">
              <dt>Selection</dt>
              <dd data-testid="selection-time">
                {t.selection.read.words + t.selection.read.hangul + t.selection.read.cjk} ·{' '}
                {formatDuration(t.selection.readSec)}
              </dd>
            </div>
          )}
        </dl>
      )}
      <button
        type="button"
        className="cd-button cd-button-quiet cd-focus-toggle"
        aria-pressed={focusMode}
        onClick={onToggleFocus}
        title="Focus mode (Ctrl+Alt+F)"
      >
        {focusMode ? 'Leave focus mode' : 'Focus'}
      </button>
      <div
        className={`cd-save cd-save-${saveState.kind}`}
        role="status"
        data-testid="save-state"
        title={saveState.kind === 'error' ? saveState.message : undefined}
      >
        {saveLabel(saveState)}
      </div>
    </footer>
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
