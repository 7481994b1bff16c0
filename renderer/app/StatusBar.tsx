import { useSyncExternalStore } from 'react';
import { formatDuration } from '../../shared/story/timing';
import type { LiveTimingStore } from './liveTimingStore';
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

/** The producer's numbers: words, read time, media, TRT, and whether the story is safe. */
export function StatusBar({
  timing,
  saveState,
}: {
  timing: LiveTimingStore;
  saveState: SaveState;
}) {
  const t = useSyncExternalStore(timing.subscribe, timing.get);
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
              <dd>{t.read.cjk}</dd>
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
          <div>
            <dt>Chars</dt>
            <dd>{t.characters.toLocaleString()}</dd>
          </div>
          {t.selection && (
            <div className="cd-selection-time">
              <dt>Selection</dt>
              <dd>
                {t.selection.read.words + t.selection.read.hangul + t.selection.read.cjk} ·{' '}
                {formatDuration(t.selection.readSec)}
              </dd>
            </div>
          )}
        </dl>
      )}
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
