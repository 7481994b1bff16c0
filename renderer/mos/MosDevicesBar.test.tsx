import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { ok } from '../../shared/ipc/result';
import type { RundownDeviceStatus, SentRundown } from '../../shared/mos/model';
import { fakeArchive } from '../testing/fakeApi';
import { render, settle, unmountAll } from '../testing/dom';
import { MosDevicesBar } from './MosDevicesBar';

vi.mock('../api/client', async () => (await import('../testing/fakeApi')).fakeClient);

afterEach(() => {
  unmountAll();
  fakeArchive.reset();
});

const RUNDOWN = '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d';
const SENT: SentRundown = {
  rundownId: RUNDOWN,
  title: '6 PM NEWS',
  inStep: true,
  queued: 0,
  ready: false,
  deviceStatus: null,
  lastProblem: null,
};
const onPrompter = (ready: boolean): RundownDeviceStatus => ({
  devices: [{ id: 'prompter', name: 'PROMPTER A', state: 'connected', sent: { ...SENT, ready } }],
  rows: {},
});

describe('the MOS devices bar', () => {
  it('takes a second click on Mark ready only once the devices’ new status is shown', async () => {
    fakeArchive.answer({ 'mos.ready': () => ok({ devices: 1 }) });
    let answerStatus: () => void = () => {};
    const onChanged = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          answerStatus = resolve;
        }),
    );
    const host = render(
      <MosDevicesBar rundownId={RUNDOWN} status={onPrompter(false)} onChanged={onChanged} />,
    );
    const ready = () =>
      [...host.querySelectorAll('button')].find((b) => /ready/i.test(b.textContent ?? ''))!;

    // A double click: the second lands after the device took the first, before its status is back.
    act(() => ready().click());
    await settle();
    expect(onChanged).toHaveBeenCalledTimes(1);
    act(() => ready().click());
    await settle();
    // Sent once: a second roReadyToAir would have said "not ready" (the bar still showed it so).
    expect(fakeArchive.callsTo('mos.ready')).toEqual([{ rundownId: RUNDOWN, ready: true }]);
    expect(ready().getAttribute('aria-disabled')).toBe('true');
    await act(async () => answerStatus());
    expect(ready().getAttribute('aria-disabled')).toBe('false');
  });

  it('takes one click of a double click on Send: the second would land on the Withdraw in its place', async () => {
    fakeArchive.answer({ 'mos.send': () => ok(SENT) });
    const host = render(
      <MosDevicesBar
        rundownId={RUNDOWN}
        status={{
          devices: [{ id: 'prompter', name: 'PROMPTER A', state: 'connected', sent: null }],
          rows: {},
        }}
        onChanged={async () => {}}
      />,
    );
    const send = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Send')!;
    act(() => {
      send.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 2 }));
    });
    await settle();
    expect(fakeArchive.callsTo('mos.send')).toHaveLength(0);
    act(() => {
      send.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1 }));
    });
    await settle();
    expect(fakeArchive.callsTo('mos.send')).toHaveLength(1);
  });

  it('counts what is still to go to a device as messages, not as changes nobody made', () => {
    const host = render(
      <MosDevicesBar
        rundownId={RUNDOWN}
        status={{
          devices: [
            {
              id: 'prompter',
              name: 'PROMPTER A',
              state: 'disconnected',
              sent: { ...SENT, inStep: false, queued: 16 },
            },
          ],
          rows: {},
        }}
        onChanged={async () => {}}
      />,
    );
    expect(host.textContent).toContain('16 messages waiting to go');
  });
});
