import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../api/calls';
import type { Channel, Input, Output } from '../../shared/ipc/contract';

/**
 * A channel's answer, asked again every `everyMs` while the component is on screen: how a MOS
 * link is doing changes without anyone touching the window. A failure is not a notice every
 * second: `unavailable` says this copy of Copydesk has no MOS links (FORBIDDEN), `problem` any
 * other failure, shown where the answer would be.
 */
export function usePolled<K extends Channel>(channel: K, input: Input<K>, everyMs: number) {
  const [value, setValue] = useState<Output<K> | null>(null);
  const [problem, setProblem] = useState('');
  const [unavailable, setUnavailable] = useState(false);
  const key = JSON.stringify(input);
  // The same answer again is no change: the screen around it is not drawn again every second.
  const last = useRef('');
  const ask = useCallback(async () => {
    const result = await call(channel, JSON.parse(key) as Input<K>, { showsFailure: true });
    if (result.ok) {
      const seen = JSON.stringify(result.value);
      if (seen !== last.current) {
        last.current = seen;
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
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const again = await ask();
      if (!stopped && again) timer = setTimeout(() => void tick(), everyMs);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [ask, everyMs]);
  return { value, problem, unavailable, refresh: ask };
}
