import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { ok } from '../../shared/ipc/result';
import type { RundownDeviceStatus } from '../../shared/mos/model';
import { fakeArchive } from '../testing/fakeApi';
import { mount, unmountAll } from '../testing/dom';
import { usePolled } from './usePolled';

vi.mock('../api/client', async () => (await import('../testing/fakeApi')).fakeClient);

afterEach(() => {
  unmountAll();
  fakeArchive.reset();
  vi.useRealTimers();
});

const NONE: RundownDeviceStatus = { devices: [], rows: {} };
const ONE: RundownDeviceStatus = {
  devices: [{ id: 'd1', name: 'PROMPTER 1', state: 'connected', sent: null }],
  rows: {},
};

/** Moves the faked clock and lets the answers it brings in land. */
async function wait(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

describe('usePolled', () => {
  it('asks as often as the last answer says: rarely while there is nothing to watch', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let answer = NONE;
    fakeArchive.answer({ 'mos.rundownStatus': () => ok(answer) });
    const every = (last: RundownDeviceStatus | null) =>
      last && last.devices.length === 0 ? 15_000 : 1000;
    function Probe() {
      usePolled('mos.rundownStatus', { rundownId: 'show' }, every);
      return null;
    }
    mount(<Probe />);
    await wait(0);
    const asked = () => fakeArchive.callsTo('mos.rundownStatus').length;
    expect(asked()).toBe(1);
    // No device: not asked again for fifteen seconds.
    await wait(14_999);
    expect(asked()).toBe(1);
    await wait(1);
    expect(asked()).toBe(2);
    // A device appears in the answer: asked every second from then on.
    answer = ONE;
    await wait(15_000);
    expect(asked()).toBe(3);
    await wait(1000);
    expect(asked()).toBe(4);
    await wait(1000);
    expect(asked()).toBe(5);
  });

  it('asked out of turn, starts its wait again from that answer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let answer = NONE;
    fakeArchive.answer({ 'mos.rundownStatus': () => ok(answer) });
    let refresh: () => Promise<void> = () => Promise.resolve();
    function Probe() {
      refresh = usePolled('mos.rundownStatus', { rundownId: 'show' }, (last) =>
        last && last.devices.length === 0 ? 15_000 : 1000,
      ).refresh;
      return null;
    }
    mount(<Probe />);
    await wait(0);
    const asked = () => fakeArchive.callsTo('mos.rundownStatus').length;
    // A device is added (Settings tells the show): asked at once, then every second, not after
    // the fifteen seconds the answer before it called for.
    await wait(5000);
    answer = ONE;
    await act(async () => refresh());
    expect(asked()).toBe(2);
    await wait(1000);
    expect(asked()).toBe(3);
    await wait(1000);
    expect(asked()).toBe(4);
  });

  it('keeps the newer answer when an older one comes back after it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const held: ((status: RundownDeviceStatus) => void)[] = [];
    fakeArchive.answer({
      'mos.rundownStatus': () =>
        new Promise((resolve) => held.push((status) => resolve(ok(status)))),
    });
    let polled: ReturnType<typeof usePolled<'mos.rundownStatus'>> | null = null;
    function Probe() {
      polled = usePolled('mos.rundownStatus', { rundownId: 'show' }, 1000);
      return null;
    }
    mount(<Probe />);
    await wait(0);
    // Asked again out of turn (a device was added) before the first answer came.
    let refreshed: Promise<void> = Promise.resolve();
    act(() => {
      refreshed = polled!.refresh();
    });
    await wait(0);
    expect(held).toHaveLength(2);
    await act(async () => held[1]!(ONE));
    await act(async () => refreshed);
    await act(async () => held[0]!(NONE));
    await wait(0);
    expect(polled!.value).toEqual(ONE);
  });
});
