import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { ZERO_COUNT } from '../../shared/story/timing';
import type { LiveTiming } from '../editor/timing/TimingPlugin';
import { createValueStore } from '../app/valueStore';
import { LIVE_ROW_PAUSE_MS, useLiveStoryTime } from './useLiveStoryTime';
import type { LiveStoryTime } from './useRundown';
import { render, unmountAll } from '../testing/dom';

afterEach(() => {
  unmountAll();
  vi.useRealTimers();
});

const timingOf = (totalSec: number): LiveTiming => ({
  read: ZERO_COUNT,
  readSec: totalSec,
  mediaSec: 0,
  estimatedMedia: 0,
  totalSec,
  characters: 0,
  selection: null,
});

describe('the open story’s time in the rundown', () => {
  it('follows the typing once it pauses, without redrawing the rundown on every key', () => {
    vi.useFakeTimers();
    const timing = createValueStore<LiveTiming | null>(timingOf(30));
    const seen: LiveStoryTime[] = [];
    function Probe() {
      seen.push(useLiveStoryTime(timing, 'story-1'));
      return null;
    }
    render(<Probe />);
    expect(seen.at(-1)).toEqual({ storyId: 'story-1', trtSec: 30, trtEstimated: false });
    const renders = seen.length;

    // Keys every 100 ms: the time grows, but the rundown waits.
    for (let sec = 31; sec <= 35; sec++) {
      act(() => {
        timing.set(timingOf(sec));
        vi.advanceTimersByTime(100);
      });
    }
    expect(seen.length).toBe(renders);
    act(() => vi.advanceTimersByTime(LIVE_ROW_PAUSE_MS));
    expect(seen.at(-1)).toEqual({ storyId: 'story-1', trtSec: 35, trtEstimated: false });
    expect(seen.length).toBe(renders + 1);
  });
});
