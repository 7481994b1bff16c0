import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { mount, unmountAll } from '../testing/dom';
import { useInFlight } from './useInFlight';

afterEach(unmountAll);

describe('useInFlight', () => {
  it('runs one action at a time: asking again while one is on its way does nothing', async () => {
    let inFlight: ReturnType<typeof useInFlight> | null = null;
    function Probe() {
      inFlight = useInFlight();
      return null;
    }
    mount(<Probe />);
    let finish: (value: string) => void = () => {};
    let runs = 0;
    const action = () => {
      runs++;
      return new Promise<string>((resolve) => (finish = resolve));
    };
    let first: Promise<string | undefined> = Promise.resolve(undefined);
    let second: Promise<string | undefined> = Promise.resolve(undefined);
    act(() => {
      first = inFlight!.run(action);
      second = inFlight!.run(action);
    });
    expect(runs).toBe(1);
    expect(inFlight!.busy).toBe(true);
    expect(await second).toBeUndefined();
    await act(async () => finish('stored'));
    expect(await first).toBe('stored');
    expect(inFlight!.busy).toBe(false);
    // Done: the next one runs.
    act(() => void inFlight!.run(action));
    expect(runs).toBe(2);
  });
});
