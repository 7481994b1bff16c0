import { useEffect, useMemo, useState } from 'react';
import type { LiveTiming } from '../editor/timing/TimingPlugin';
import type { ValueStore } from '../app/valueStore';
import type { LiveStoryTime } from './useRundown';

/**
 * How long typing must pause before the rundown takes the open story's new time. Any React
 * commit while the caret is in the script makes React save and restore the selection, walking
 * every text node before the caret: on a one-hour special beside a 60-row rundown that made each
 * key that changed the story's time (one in a few) take several frames. Waiting for a pause keeps
 * every keystroke in its frame; the row and the clocks follow as soon as the reporter stops.
 */
export const LIVE_ROW_PAUSE_MS = 300;

const keyOf = (t: LiveTiming | null) =>
  t === null ? '' : `${t.totalSec}|${t.estimatedMedia > 0 ? 1 : 0}`;

/**
 * The open story's time as the rundown needs it, from the editor's live timing. It changes only
 * when the TRT's whole seconds do, and only once typing pauses (LIVE_ROW_PAUSE_MS), so the
 * rundown is not redrawn while keys are coming.
 */
export function useLiveStoryTime(
  timing: ValueStore<LiveTiming | null>,
  storyId: string | null,
): LiveStoryTime {
  const [value, setValue] = useState(() => keyOf(timing.get()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = timing.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(() => setValue(keyOf(timing.get())), LIVE_ROW_PAUSE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [timing]);
  return useMemo(() => {
    if (storyId === null || value === '') return null;
    const [trt, estimated] = value.split('|');
    return { storyId, trtSec: Number(trt), trtEstimated: estimated === '1' };
  }, [storyId, value]);
}
