import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { LiveTiming } from '../editor/timing/TimingPlugin';
import type { ValueStore } from '../app/valueStore';
import type { LiveStoryTime } from './useRundown';

/**
 * The open story's time as the rundown needs it, from the editor's live timing. It changes only
 * when the TRT's whole seconds do, so the rundown is not redrawn for every keystroke.
 */
export function useLiveStoryTime(
  timing: ValueStore<LiveTiming | null>,
  storyId: string | null,
): LiveStoryTime {
  const key = useCallback(() => {
    const t = timing.get();
    return t === null ? '' : `${t.totalSec}|${t.estimatedMedia > 0 ? 1 : 0}`;
  }, [timing]);
  const value = useSyncExternalStore(timing.subscribe, key);
  return useMemo(() => {
    if (storyId === null || value === '') return null;
    const [trt, estimated] = value.split('|');
    return { storyId, trtSec: Number(trt), trtEstimated: estimated === '1' };
  }, [storyId, value]);
}
