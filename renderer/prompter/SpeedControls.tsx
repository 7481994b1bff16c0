import { useEffect, useState } from 'react';
import { SPEED_STEP, type PrompterAction } from '../../shared/prompter/actions';
import { MAX_WPM, MIN_WPM, type Motion } from '../../shared/prompter/motion';
import type { PrompterState } from '../../shared/prompter/remote';
import { formatOverUnder } from '../../shared/rundown/clock';
import { formatDuration } from '../../shared/story/timing';

/** Play, direction, speed in words a minute with fine steps, and the presets of keys 1–9. */
export function SpeedControls({
  motion,
  presets,
  apply,
}: {
  motion: Motion;
  presets: readonly number[];
  apply: (action: PrompterAction) => void;
}) {
  const [draft, setDraft] = useState(String(motion.wordsPerMinute));
  useEffect(() => setDraft(String(motion.wordsPerMinute)), [motion.wordsPerMinute]);
  return (
    <section className="cd-pr-transport" aria-label="Speed">
      <div className="cd-pr-buttons">
        <button
          type="button"
          className="cd-button cd-button-primary cd-pr-play"
          onClick={() => apply({ type: 'toggle' })}
        >
          {motion.playing ? 'Pause' : 'Play'}
        </button>
        <button
          type="button"
          className="cd-button"
          aria-pressed={motion.direction < 0}
          onClick={() => apply({ type: 'reverse' })}
        >
          Reverse
        </button>
      </div>
      <div className="cd-pr-speed">
        <button
          type="button"
          className="cd-button"
          aria-label="Slower"
          onClick={() => apply({ type: 'adjust', by: -SPEED_STEP })}
        >
          −
        </button>
        <label>
          <span>Speed (words per minute)</span>
          <input
            type="number"
            inputMode="numeric"
            min={MIN_WPM}
            max={MAX_WPM}
            step={1}
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value);
              const wpm = Number(e.target.value);
              if (e.target.value !== '' && wpm >= MIN_WPM && wpm <= MAX_WPM)
                apply({ type: 'speed', wordsPerMinute: wpm });
            }}
            onBlur={() => setDraft(String(motion.wordsPerMinute))}
          />
        </label>
        <button
          type="button"
          className="cd-button"
          aria-label="Faster"
          onClick={() => apply({ type: 'adjust', by: SPEED_STEP })}
        >
          +
        </button>
      </div>
      <div className="cd-pr-presets" role="group" aria-label="Speed presets">
        {presets.map((wpm, i) => (
          <button
            key={i}
            type="button"
            className={`cd-button cd-button-quiet${wpm === motion.wordsPerMinute ? ' cd-pr-preset-on' : ''}`}
            title={`Key ${i + 1} (Shift+${i + 1} in reverse)`}
            onClick={() => apply({ type: 'preset', index: i, reverse: false })}
          >
            <span className="cd-pr-preset-key">{i + 1}</span> {wpm}
          </button>
        ))}
      </div>
    </section>
  );
}

/** Elapsed, what is left of the story and the show at this speed, and over/under. */
export function Timers({ state }: { state: PrompterState }) {
  const ou = state.overUnderSec;
  return (
    <dl className="cd-pr-timers" aria-label="Prompter clocks">
      <div>
        <dt>Elapsed</dt>
        <dd data-testid="prompter-elapsed">{formatDuration(state.elapsedSec)}</dd>
      </div>
      <div>
        <dt>Story left</dt>
        <dd data-testid="prompter-story-left">{formatDuration(state.storyLeftSec)}</dd>
      </div>
      <div>
        <dt>Show left</dt>
        <dd data-testid="prompter-show-left">{formatDuration(state.showLeftSec)}</dd>
      </div>
      <div className={ou !== null && ou > 0 ? 'cd-pr-heavy' : undefined}>
        <dt>Over/under</dt>
        <dd data-testid="prompter-over-under">{ou === null ? '—' : formatOverUnder(ou)}</dd>
      </div>
      <div>
        <dt>Story</dt>
        <dd data-testid="prompter-current-story">
          {state.story ? `${state.story.page || state.story.number} ${state.story.slug}` : '—'}
        </dd>
      </div>
    </dl>
  );
}
