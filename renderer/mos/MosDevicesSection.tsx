import { useEffect, useState, type KeyboardEvent } from 'react';
import { call } from '../api/calls';
import { publishArchiveEvent } from '../api/archiveEvents';
import {
  MOS_DEFAULT_PORTS,
  type MosDevice,
  type MosPorts,
  type MosSettings,
} from '../../shared/mos/model';
import { clockTime, LINK_STATE_WORDS, retryWords } from './linkWords';
import { usePolled } from './usePolled';
import './mos.css';
import { askToConfirm } from '../common/confirm';
import { useInFlight } from '../common/useInFlight';

type DeviceDraft = Omit<MosDevice, 'id'> & { id?: string };

const EMPTY: DeviceDraft = {
  name: '',
  mosId: '',
  host: '',
  ports: { ...MOS_DEFAULT_PORTS },
  cues: 'storyItem',
};

/** Enter in a field saves this part, not the whole Settings form around it. */
const enterSaves = (save: () => Promise<unknown>) => (e: KeyboardEvent) => {
  if (e.key !== 'Enter' || !(e.target instanceof HTMLInputElement)) return;
  e.preventDefault();
  void save();
};

function PortFields({
  ports,
  onChange,
  label,
}: {
  ports: MosPorts;
  onChange: (ports: MosPorts) => void;
  label: string;
}) {
  return (
    <>
      {(['lower', 'upper', 'query'] as const).map((which) => (
        <label key={which} className="cd-stacked">
          <span>
            {label} {which} port
          </span>
          <input
            type="number"
            min={1}
            max={65535}
            value={ports[which]}
            onChange={(e) => onChange({ ...ports, [which]: Number(e.target.value) })}
          />
        </label>
      ))}
    </>
  );
}

/**
 * Settings → MOS devices: the prompters and graphics devices Copydesk sends running orders to,
 * how each link is (heartbeats, what the device says it is, the last error), and Copydesk's own
 * side: its ncsID and the ports it listens on for what devices say of the rows.
 */
export function MosDevicesSection() {
  const status = usePolled('mos.status', {}, 2000);
  const [draft, setDraft] = useState<DeviceDraft | null>(null);
  const [ncs, setNcs] = useState<MosSettings | null>(null);
  /** What a save said, shown beside the part it was about (the device form, or Copydesk's side). */
  const [said, setSaid] = useState<{
    about: 'device' | 'ncs';
    text: string;
    problem: boolean;
  } | null>(null);
  const saidAbout = (about: 'device' | 'ncs') =>
    said?.about === about && (
      <p
        className={said.problem ? 'cd-form-error' : 'cd-dialog-note'}
        role={said.problem ? 'alert' : 'status'}
      >
        {said.text}
      </p>
    );

  useEffect(() => {
    void call('mos.settings.get', {}).then((r) => r.ok && setNcs(r.value));
  }, []);

  // One save at a time: each restarts links (a device's, or every one), and a double click or a
  // second Enter restarted them twice and sent every rundown on them again.
  const saving = useInFlight();
  const saveDevice = () =>
    saving.run(async () => {
      if (!draft) return;
      const result = await call('mos.devices.save', draft, { showsFailure: true });
      if (!result.ok)
        return setSaid({ about: 'device', text: result.error.message, problem: true });
      setDraft(null);
      setSaid({ about: 'device', text: `${result.value.name} saved.`, problem: false });
      void status.refresh();
      publishArchiveEvent({ type: 'mos-devices' });
    });
  const remove = async (device: MosDevice) => {
    const sure = await askToConfirm({
      title: 'Remove MOS device',
      message: `Remove ${device.name}? Copydesk stops sending to it; what the device has stays on it.`,
      action: 'Remove',
      danger: true,
    });
    if (!sure) return;
    const result = await call('mos.devices.remove', { id: device.id });
    if (!result.ok) return;
    void status.refresh();
    publishArchiveEvent({ type: 'mos-devices' });
  };
  const saveNcs = () =>
    saving.run(async () => {
      if (!ncs) return;
      const result = await call('mos.settings.save', ncs, { showsFailure: true });
      if (!result.ok) return setSaid({ about: 'ncs', text: result.error.message, problem: true });
      setSaid({
        about: 'ncs',
        text: 'MOS settings saved: every link starts again.',
        problem: false,
      });
    });

  const devices = status.value?.devices ?? [];
  return (
    <section className="cd-mos-settings" aria-label="MOS devices" data-testid="mos-settings">
      <div className="cd-backups-head">
        <h3>MOS devices</h3>
        <button
          type="button"
          className="cd-button"
          onClick={() => {
            setDraft({ ...EMPTY });
            setSaid(null);
          }}
        >
          Add device
        </button>
      </div>
      <p className="cd-dialog-note">
        Prompters, character generators and playout servers that speak MOS. Send a rundown to one
        from the rundown screen; every change after that follows as it happens.
      </p>
      {status.unavailable && (
        <p className="cd-dialog-note">This copy of Copydesk does not send to MOS devices.</p>
      )}
      {status.problem && (
        <p className="cd-form-error" role="alert">
          {status.problem}
        </p>
      )}
      {devices.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">Address</th>
              <th scope="col">Link</th>
              <th scope="col" aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => {
              const words = LINK_STATE_WORDS[d.state];
              return (
                <tr key={d.device.id} data-testid="mos-settings-device">
                  <td>
                    <strong>{d.device.name}</strong>
                    <br />
                    <code>{d.device.mosId}</code>
                  </td>
                  <td>
                    {d.device.host}:{d.device.ports.lower}/{d.device.ports.upper}/
                    {d.device.ports.query}
                    {d.device.cues === 'pi' && <div>cues as pi</div>}
                  </td>
                  <td>
                    <span className={`cd-mos-dot cd-mos-${d.state}`} aria-hidden="true" />{' '}
                    <span title={words.meaning}>{words.label}</span>
                    {d.state !== 'stopped' && d.detail !== words.label && ` (${d.detail})`}
                    {d.lastHeartbeatAt && <div>Last heartbeat {clockTime(d.lastHeartbeatAt)}</div>}
                    {d.retryEveryMs !== null && (
                      <div>Trying again every {retryWords(d.retryEveryMs)}</div>
                    )}
                    {d.machine && (
                      <div>
                        {d.machine.manufacturer} {d.machine.model} {d.machine.softwareRevision}
                      </div>
                    )}
                    {d.rundowns.length > 0 && (
                      <div>On it: {d.rundowns.map((r) => r.title).join(', ')}</div>
                    )}
                    {d.lastError && (
                      <span className="cd-mos-problem">
                        {clockTime(d.lastError.at)}: {d.lastError.message}
                      </span>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="cd-button cd-button-quiet"
                      onClick={() => setDraft({ ...d.device })}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="cd-button cd-button-quiet"
                      onClick={() => void remove(d.device)}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {!draft && saidAbout('device')}
      {draft && (
        <div
          className="cd-mos-form"
          role="group"
          aria-label="MOS device"
          onKeyDown={enterSaves(saveDevice)}
        >
          <label className="cd-stacked">
            <span>Name</span>
            <input
              value={draft.name}
              // The person pressed Add device to type its name.
              autoFocus
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
          </label>
          <label className="cd-stacked">
            <span>Its MOS ID (mosID)</span>
            <input
              value={draft.mosId}
              onChange={(e) => setDraft({ ...draft, mosId: e.target.value })}
            />
          </label>
          <label className="cd-stacked">
            <span>Host or IP address</span>
            <input
              value={draft.host}
              onChange={(e) => setDraft({ ...draft, host: e.target.value })}
            />
          </label>
          <label className="cd-stacked">
            <span>Production cues</span>
            <select
              value={draft.cues}
              onChange={(e) => setDraft({ ...draft, cues: e.target.value as DeviceDraft['cues'] })}
            >
              <option value="storyItem">as storyItems</option>
              <option value="pi">as pi text</option>
            </select>
          </label>
          <PortFields
            label="MOS"
            ports={draft.ports}
            onChange={(ports) => setDraft({ ...draft, ports })}
          />
          {saidAbout('device')}
          <div className="cd-dialog-actions">
            <button
              type="button"
              className="cd-button cd-button-quiet"
              onClick={() => {
                setDraft(null);
                setSaid(null);
              }}
            >
              Cancel
            </button>
            <button
              type="button"
              className="cd-button"
              aria-disabled={saving.busy}
              onClick={() => void saveDevice()}
            >
              Save device
            </button>
          </div>
        </div>
      )}
      {ncs && (
        <details>
          <summary>Copydesk on MOS links: {ncs.ncsId}</summary>
          <div className="cd-mos-form" onKeyDown={enterSaves(saveNcs)}>
            <label className="cd-stacked">
              <span>Copydesk’s ncsID</span>
              <input
                value={ncs.ncsId}
                onChange={(e) => setNcs({ ...ncs, ncsId: e.target.value })}
              />
            </label>
            <PortFields
              label="Listen"
              ports={ncs.ports}
              onChange={(ports) => setNcs({ ...ncs, ports })}
            />
            <label className="cd-inline-field">
              <input
                type="checkbox"
                checked={ncs.listen}
                onChange={(e) => setNcs({ ...ncs, listen: e.target.checked })}
              />
              Listen for device status (READY, PLAY…)
            </label>
            {status.value?.listening.problem && (
              <span className="cd-mos-problem">{status.value.listening.problem}</span>
            )}
            {status.value?.listening.refused && (
              <span className="cd-mos-problem" data-testid="mos-refused">
                {clockTime(status.value.listening.refused.at)}: refused a MOS connection from{' '}
                {status.value.listening.refused.from}, which is none of these devices.
              </span>
            )}
            {saidAbout('ncs')}
            <button
              type="button"
              className="cd-button"
              aria-disabled={saving.busy}
              onClick={() => void saveNcs()}
            >
              Save MOS settings
            </button>
          </div>
        </details>
      )}
    </section>
  );
}
