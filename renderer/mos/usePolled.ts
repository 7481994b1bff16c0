import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../api/calls';
import type { Channel, Input, Output } from '../../shared/ipc/contract';

/**
 * A channel's answer, asked again every `everyMs` while the component is on screen: how a MOS
 * link is doing changes without anyone touching the window. `everyMs` may depend on the last
 * answer (ask rarely while there is nothing to watch). A failure is not a notice every second:
 * `unavailable` says this copy of Copydesk has no MOS links (FORBIDDEN), `problem` any other
 * failure, shown where the answer would be.
 */
export function usePolled<K extends Channel>(
  channel: K,
  input: Input<K>,
  everyMs: number | ((last: Output<K> | null) => number),
) {
  const [value, setValue] = useState<Output<K> | null>(null);
  const [problem, setProblem] = useState('');
  const [unavailable, setUnavailable] = useState(false);
  const key = JSON.stringify(input);
  // The same answer again is no change: the screen around it is not drawn again every second.
  const last = useRef('');
  const lastValue = useRef<Output<K> | null>(null);
  // Each question is numbered: an answer overtaken by a later question's is dropped.
  const asked = useRef(0);
  const ask = useCallback(async () => {
    const mine = ++asked.current;
    const result = await call(channel, JSON.parse(key) as Input<K>, { showsFailure: true });
    if (mine !== asked.current) return true;
    if (result.ok) {
      const seen = JSON.stringify(result.value);
      if (seen !== last.current) {
        last.current = seen;
        lastValue.current = result.value;
        setValue(result.value);
      }
      setProblem('');
      return true;
    }
    if (result.error.code === 'FORBIDDEN') {
      setUnavailable(true);
      return false;
    }
    setProblem(result.error.message);
    return true;
  }, [channel, key]);
  const interval = useRef(everyMs);
  interval.current = everyMs;
  const poll = useRef<(() => Promise<void>) | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Asked now, and then again after the interval the answer calls for. Asking out of turn
    // (refresh) starts the wait again from its answer: a slow interval does not outlive the
    // answer that ended it.
    const tick = async () => {
      clearTimeout(timer);
      // The number `ask` is about to take: a tick overtaken by a later one schedules nothing.
      const mine = asked.current + 1;
      const again = await ask();
      if (stopped || !again || mine !== asked.current) return;
      const every = interval.current;
      timer = setTimeout(
        () => void tick(),
        typeof every === 'function' ? every(lastValue.current) : every,
      );
    };
    poll.current = tick;
    void tick();
    return () => {
      stopped = true;
      poll.current = null;
      clearTimeout(timer);
    };
  }, [ask]);
  const refresh = useCallback(() => poll.current?.() ?? Promise.resolve(), []);
  return { value, problem, unavailable, refresh };
}
