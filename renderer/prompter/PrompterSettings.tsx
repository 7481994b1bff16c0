import { useEffect, useState } from 'react';
import { CUE_STYLES } from '../../shared/export/options';
import { KEYS } from '../../shared/prompter/controllers';
import {
  PROMPTER_THEMES,
  type PrompterPrefs,
  type PrompterTheme,
} from '../../shared/prompter/prefs';
import type { RemoteAccess } from '../../shared/prompter/remote';
import type { PrompterDisplay } from '../../shared/ipc/api';
import { bridge } from '../api/client';
import { ControllerMappingDialog } from './ControllerMappingDialog';
import type { ControllerStatus } from './useControllers';
import { NumberSetting, Switch } from './SettingFields';

type Update = (change: Partial<PrompterPrefs>) => void;

const CUE_LABELS: Record<(typeof CUE_STYLES)[number], string> = {
  hidden: 'Hidden',
  bracketed: 'In grey brackets',
  reverse: 'Reverse video',
  red: 'Red',
};

/** The talent output: where it opens, and the mirroring its glass needs. */
function OutputSettings({ prefs, update }: { prefs: PrompterPrefs; update: Update }) {
  const [displays, setDisplays] = useState<PrompterDisplay[]>([]);
  const [displayId, setDisplayId] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!bridge) return;
    void bridge.shell.prompterDisplays().then((r) => r.ok && setDisplays(r.value));
  }, []);
  const open = async () => {
    setProblem(null);
    if (bridge) {
      const r = await bridge.shell.openPrompterOutput({ displayId });
      if (!r.ok) setProblem(r.error.message);
      return;
    }
    const url = new URL(location.href);
    url.hash = '#/prompter/output';
    const opened = window.open(url.href, 'copydesk-prompter-output', 'popup,width=1280,height=720');
    if (!opened) setProblem('The browser blocked the output window: allow pop-ups for Copydesk.');
  };
  return (
    <section className="cd-pr-section" aria-label="Talent output">
      <h2>Talent output</h2>
      {bridge && displays.length > 0 && (
        <label className="cd-pr-setting">
          <span>Display</span>
          <select
            value={displayId ?? ''}
            onChange={(e) => setDisplayId(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">The other display</option>
            {displays.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label} ({d.width}×{d.height}
                {d.primary ? ', main' : ''})
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="button" className="cd-button" onClick={() => void open()}>
        Open output window
      </button>
      {!bridge && (
        <p className="cd-pr-hint">
          Or open this page’s address ending in <code>#/prompter/output</code> in another window of
          this browser; double-click the output for full screen.
        </p>
      )}
      {problem && (
        <p className="cd-form-problem" role="alert">
          {problem}
        </p>
      )}
      <Switch
        label="Mirror horizontally"
        checked={prefs.mirrorH}
        onChange={(mirrorH) => update({ mirrorH })}
      />
      <Switch
        label="Mirror vertically"
        checked={prefs.mirrorV}
        onChange={(mirrorV) => update({ mirrorV })}
      />
    </section>
  );
}

function DisplaySettings({ prefs, update }: { prefs: PrompterPrefs; update: Update }) {
  return (
    <details className="cd-pr-section" open>
      <summary>Type and colours</summary>
      <NumberSetting
        label="Type size (output, px)"
        value={prefs.fontSize}
        min={16}
        max={240}
        onChange={(fontSize) => update({ fontSize })}
      />
      <NumberSetting
        label="Type size (preview, px)"
        value={prefs.previewFontSize}
        min={10}
        max={80}
        onChange={(previewFontSize) => update({ previewFontSize })}
      />
      <NumberSetting
        label="Line height"
        value={prefs.lineHeight}
        min={1}
        max={2.5}
        step={0.05}
        onChange={(lineHeight) => update({ lineHeight })}
      />
      <NumberSetting
        label="Margins (%)"
        value={prefs.margin}
        min={0}
        max={40}
        onChange={(margin) => update({ margin })}
      />
      <NumberSetting
        label="Reading line (% from top)"
        value={prefs.readingLine}
        min={5}
        max={90}
        onChange={(readingLine) => update({ readingLine })}
      />
      <label className="cd-pr-setting">
        <span>Colours</span>
        <select
          value={prefs.theme}
          onChange={(e) => update({ theme: e.target.value as PrompterTheme })}
        >
          {Object.entries(PROMPTER_THEMES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="cd-pr-setting">
        <span>Production cues</span>
        <select
          value={prefs.cues}
          onChange={(e) => update({ cues: e.target.value as PrompterPrefs['cues'] })}
        >
          {CUE_STYLES.map((c) => (
            <option key={c} value={c}>
              {CUE_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      <label className="cd-pr-setting">
        <span>Presenter instructions</span>
        <select
          value={prefs.instructions}
          onChange={(e) =>
            update({ instructions: e.target.value as PrompterPrefs['instructions'] })
          }
        >
          <option value="reverse">Reverse video</option>
          <option value="red">Red</option>
        </select>
      </label>
      <Switch label="Capitals" checked={prefs.caps} onChange={(caps) => update({ caps })} />
    </details>
  );
}

function PresetSettings({ prefs, update }: { prefs: PrompterPrefs; update: Update }) {
  return (
    <details className="cd-pr-section">
      <summary>Speed presets (keys 1–9)</summary>
      <div className="cd-pr-preset-grid">
        {prefs.presets.map((wpm, i) => (
          <NumberSetting
            key={i}
            label={`Key ${i + 1}`}
            value={wpm}
            min={20}
            max={600}
            onChange={(v) => update({ presets: prefs.presets.map((p, j) => (j === i ? v : p)) })}
          />
        ))}
      </div>
    </details>
  );
}

function RemoteSettings({
  remote,
  prefs,
  update,
}: {
  remote: RemoteAccess | { problem: string } | null;
  prefs: PrompterPrefs;
  update: Update;
}) {
  const [shown, setShown] = useState(false);
  return (
    <details className="cd-pr-section" data-testid="prompter-remote">
      <summary>Remote control</summary>
      {remote === null && <p>Starting…</p>}
      {remote && 'problem' in remote && (
        <p className="cd-form-problem" role="alert">
          {remote.problem}
        </p>
      )}
      {remote && 'url' in remote && (
        <>
          <p>
            Address <code data-testid="remote-url">{remote.url}</code>
          </p>
          <p>
            Token <code data-testid="remote-token">{shown ? remote.token : '••••••••'}</code>{' '}
            <button
              type="button"
              className="cd-button cd-button-quiet"
              onClick={() => setShown((s) => !s)}
            >
              {shown ? 'Hide' : 'Show'}
            </button>
          </p>
          <p className="cd-pr-hint">
            For example <code>curl -X POST -H "Authorization: Bearer TOKEN" {remote.url}next</code>;
            see the README for every command and the WebSocket.
          </p>
        </>
      )}
      {bridge && (
        <NumberSetting
          label="Port (0: any free port)"
          value={prefs.remotePort}
          min={0}
          max={65535}
          onChange={(remotePort) => update({ remotePort })}
        />
      )}
    </details>
  );
}

/** Everything but speed: the talent output, type and colours, presets, controllers, remote. */
export function PrompterSettings({
  prefs,
  update,
  remote,
  controllers,
  onResetElapsed,
}: {
  prefs: PrompterPrefs;
  update: Update;
  remote: RemoteAccess | { problem: string } | null;
  controllers: ControllerStatus;
  onResetElapsed: () => void;
}) {
  const [mapping, setMapping] = useState(false);
  return (
    <>
      <OutputSettings prefs={prefs} update={update} />
      <DisplaySettings prefs={prefs} update={update} />
      <PresetSettings prefs={prefs} update={update} />
      <details className="cd-pr-section">
        <summary>Controllers</summary>
        <p>Gamepad: {controllers.gamepad ?? 'none connected (press a button on it)'}</p>
        <p>MIDI: {controllers.midi}</p>
        <button type="button" className="cd-button" onClick={() => setMapping(true)}>
          Edit mappings…
        </button>
        <button type="button" className="cd-button cd-button-quiet" onClick={onResetElapsed}>
          Reset elapsed
        </button>
      </details>
      <RemoteSettings remote={remote} prefs={prefs} update={update} />
      <details className="cd-pr-section">
        <summary>Keys</summary>
        <table className="cd-pr-keys">
          <tbody>
            {KEYS.map(([key, what]) => (
              <tr key={key}>
                <th scope="row">{key}</th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {mapping && (
        <ControllerMappingDialog
          prefs={prefs}
          update={update}
          lastInput={controllers.lastInput}
          onClose={() => setMapping(false)}
        />
      )}
    </>
  );
}
