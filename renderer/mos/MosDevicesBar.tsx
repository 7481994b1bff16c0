import { call } from '../api/calls';
import { isRepeatClick } from '../common/repeatClick';
import { useInFlight } from '../common/useInFlight';
import type { RundownDeviceStatus } from '../../shared/mos/model';
import { clockTime, LINK_STATE_WORDS } from './linkWords';
import './mos.css';

type Props = {
  rundownId: string;
  status: RundownDeviceStatus;
  /** Ask for the status again now (after a send, a withdrawal, ready); resolves once it is shown. */
  onChanged: () => Promise<void>;
};

/**
 * The MOS devices this rundown can go to, under the rundown's toolbar: each device's link, Send
 * or Withdraw, and whether the device has every change; Mark ready tells every device the
 * show is ready to air. A device's refusal stays here until the show is sent again.
 */
export function MosDevicesBar({ rundownId, status, onChanged }: Props) {
  // One step at a time, and the buttons stay busy until the devices' new status is shown: freed
  // before it, a double click on Mark ready sent ready and then not ready, and one on Send could
  // land on the Withdraw that took its place.
  const { busy, run: runOnce } = useInFlight();
  if (status.devices.length === 0) return null;
  const onAny = status.devices.some((d) => d.sent);
  const ready = status.devices.some((d) => d.sent?.ready);
  /** A step's click: one step at a time, and one per double click. */
  const run = (action: () => Promise<unknown>) => (event: { detail: number }) => {
    if (isRepeatClick(event)) return;
    void runOnce(async () => {
      await action();
      await onChanged();
    });
  };
  return (
    <section className="cd-mos-bar" aria-label="MOS devices" data-testid="mos-devices">
      <span className="cd-mos-bar-title">Devices</span>
      <ul className="cd-mos-bar-list">
        {status.devices.map((d) => {
          const words = LINK_STATE_WORDS[d.sent ? d.state : 'stopped'];
          const sent = d.sent;
          const following = sent
            ? sent.inStep
              ? 'has every change'
              : `${sent.queued} message${sent.queued === 1 ? '' : 's'} waiting to go`
            : '';
          return (
            <li key={d.id} className="cd-mos-device" data-testid="mos-device">
              <span
                className={`cd-mos-dot cd-mos-${sent ? d.state : 'stopped'}`}
                aria-hidden="true"
              />
              <strong>{d.name}</strong>
              <span className="cd-mos-state" title={words.meaning}>
                {sent ? `${words.label}${following ? ` · ${following}` : ''}` : 'Not sent'}
                {sent?.deviceStatus ? ` · ${sent.deviceStatus}` : ''}
              </span>
              {sent ? (
                <button
                  type="button"
                  className="cd-button cd-button-quiet"
                  aria-disabled={busy}
                  onClick={run(() => call('mos.withdraw', { rundownId, deviceId: d.id }))}
                >
                  Withdraw
                </button>
              ) : (
                <button
                  type="button"
                  className="cd-button"
                  aria-disabled={busy}
                  onClick={run(() => call('mos.send', { rundownId, deviceId: d.id }))}
                >
                  Send
                </button>
              )}
              {sent?.lastProblem && (
                <span className="cd-mos-problem" role="alert">
                  {clockTime(sent.lastProblem.at)}: {sent.lastProblem.message}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {onAny && (
        <button
          type="button"
          className={`cd-button${ready ? ' cd-mos-ready' : ''}`}
          aria-pressed={ready}
          aria-disabled={busy}
          title="Tells every device the show is on (roReadyToAir)"
          onClick={run(() => call('mos.ready', { rundownId, ready: !ready }))}
        >
          {ready ? 'Ready to air ✓' : 'Mark ready'}
        </button>
      )}
    </section>
  );
}
