import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { PrompterAction } from '../../shared/prompter/actions';
import { storyIndexAt, storyStart, type PrompterDocument } from '../../shared/prompter/document';
import { pointAt, resolvePoint } from '../../shared/prompter/liveEdit';
import { atEnd, clampWpm, positionAt, rebase, type Motion } from '../../shared/prompter/motion';
import { pixelAt, wordsAt, type Track } from '../../shared/prompter/track';
import { sharedNow } from './outputChannel';

export type ActionOutcome = { ok: true } | { ok: false; message: string };

/**
 * The prompter's engine, in the operator's window: where the show is, how fast and which way it
 * moves, and every action any control asks for. It changes the motion only; each screen draws
 * the motion at its own size (useScrollSurface).
 */
export function usePrompterEngine(options: {
  doc: PrompterDocument | null;
  initialWpm: number;
  presets: readonly number[];
  /** The operator's preview, to turn a wheel's pixels into words. */
  previewTrack: RefObject<Track | null>;
}) {
  const { doc } = options;
  const motionRef = useRef<Motion | null>(null);
  const [motion, setMotionState] = useState<Motion | null>(null);
  const docRef = useRef<PrompterDocument | null>(null);
  const presets = useRef(options.presets);
  presets.current = options.presets;
  const playedMs = useRef(0);
  const playingSince = useRef<number | null>(null);

  const setMotion = useCallback((next: Motion) => {
    const now = next.at;
    if (next.playing && playingSince.current === null) playingSince.current = now;
    if (!next.playing && playingSince.current !== null) {
      playedMs.current += now - playingSince.current;
      playingSince.current = null;
    }
    motionRef.current = next;
    setMotionState(next);
  }, []);

  // A new show starts at the top at the presenter's rate; an edited one keeps its place.
  useEffect(() => {
    if (!doc) return;
    const before = docRef.current;
    docRef.current = doc;
    const now = sharedNow();
    const current = motionRef.current;
    if (!current || !before) {
      setMotion({
        w: 0,
        at: now,
        playing: false,
        direction: 1,
        wordsPerMinute: clampWpm(options.initialWpm),
      });
      return;
    }
    const here = rebase(current, now, before.words);
    const point = pointAt(before, here.w);
    const w = point ? resolvePoint(point, before, doc) : Math.min(here.w, doc.words);
    setMotion({ ...here, w });
    // initialWpm only matters for the first show.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, setMotion]);

  const elapsedSec = useCallback(() => {
    const since = playingSince.current;
    return (playedMs.current + (since === null ? 0 : sharedNow() - since)) / 1000;
  }, []);

  const resetElapsed = useCallback(() => {
    playedMs.current = 0;
    if (playingSince.current !== null) playingSince.current = sharedNow();
  }, []);

  /** The position now, in words. */
  const position = useCallback(() => {
    const m = motionRef.current;
    const d = docRef.current;
    return m && d ? positionAt(m, sharedNow(), d.words) : 0;
  }, []);

  const apply = useCallback(
    (action: PrompterAction): ActionOutcome => {
      const current = motionRef.current;
      const d = docRef.current;
      if (!current || !d) return { ok: false, message: 'The show is still loading.' };
      const now = sharedNow();
      const m = rebase(current, now, d.words);
      const jump = (w: number) => setMotion({ ...m, w: Math.min(d.words, Math.max(0, w)) });
      const story = storyIndexAt(d, m.w);
      switch (action.type) {
        case 'toggle':
        case 'play':
        case 'pause': {
          const playing = action.type === 'toggle' ? !m.playing : action.type === 'play';
          // Play at the end of the show (or the top, in reverse) turns round instead of sitting.
          const stuck = playing && (m.direction > 0 ? m.w >= d.words : m.w <= 0);
          setMotion({ ...m, playing: playing && !stuck });
          return { ok: true };
        }
        case 'adjust':
          setMotion({ ...m, wordsPerMinute: clampWpm(m.wordsPerMinute + action.by) });
          return { ok: true };
        case 'speed':
          setMotion({ ...m, wordsPerMinute: clampWpm(action.wordsPerMinute) });
          return { ok: true };
        case 'preset': {
          const wpm = presets.current[action.index];
          if (wpm === undefined) return { ok: false, message: 'There is no such preset.' };
          setMotion({
            ...m,
            wordsPerMinute: clampWpm(wpm),
            direction: action.reverse ? -1 : 1,
            playing: true,
          });
          return { ok: true };
        }
        case 'reverse':
          setMotion({ ...m, direction: m.direction > 0 ? -1 : 1 });
          return { ok: true };
        case 'drive':
          if (action.wordsPerMinute === 0) setMotion({ ...m, playing: false });
          else
            setMotion({
              ...m,
              playing: true,
              direction: action.direction,
              wordsPerMinute: clampWpm(action.wordsPerMinute),
            });
          return { ok: true };
        case 'nextStory':
          if (story >= d.stories.length - 1)
            return { ok: false, message: 'This is the last story.' };
          jump(storyStart(d, story + 1));
          return { ok: true };
        case 'previousStory': {
          // A few words into a story, "previous" goes back to its top first, as players do.
          const top = storyStart(d, story);
          jump(m.w > top + 2 || story === 0 ? top : storyStart(d, story - 1));
          return { ok: true };
        }
        case 'top':
          jump(0);
          return { ok: true };
        case 'end':
          jump(d.words);
          return { ok: true };
        case 'goto': {
          const wanted = action.page.trim().toLocaleUpperCase();
          const index = d.stories.findIndex((s) => s.page.toLocaleUpperCase() === wanted);
          if (index < 0)
            return { ok: false, message: `No story in this show has page ${action.page}.` };
          jump(storyStart(d, index));
          return { ok: true };
        }
        case 'story':
          jump(storyStart(d, action.index));
          return { ok: true };
        case 'scroll': {
          const track = options.previewTrack.current;
          if (!track) return { ok: true };
          jump(wordsAt(track, pixelAt(track, m.w) + action.pixels));
          return { ok: true };
        }
      }
    },
    [options.previewTrack, setMotion],
  );

  // A show that runs into its end (or its top, in reverse) stops there.
  useEffect(() => {
    if (!motion?.playing) return;
    const timer = setInterval(() => {
      const m = motionRef.current;
      const d = docRef.current;
      const now = sharedNow();
      if (m && d && atEnd(m, now, d.words))
        setMotion({ ...rebase(m, now, d.words), playing: false });
    }, 100);
    return () => clearInterval(timer);
  }, [motion?.playing, setMotion]);

  return { motion, motionRef, apply, position, elapsedSec, resetElapsed };
}
