import { useCallback, useEffect, useState } from 'react';
import { SettingsSchema, type Settings } from '../../shared/settings';
import { DEFAULT_READ_RATES } from '../../shared/story/timing';
import { describeInvalidInput } from '../../shared/ipc/inputMessages';
import { call } from '../api/calls';
import { Dialog } from '../common/Dialog';
import { useInFlight } from '../common/useInFlight';
import { BackupsSection } from './BackupsSection';
import { MosDevicesSection } from '../mos/MosDevicesSection';
import { ReadRatesTable } from './ReadRatesTable';
import './settings.css';

type Props = {
  /** The settings as the app read them; null when they could not be read. */
  settings: Settings | null;
  /** Settings read (again) by the dialog, for the app to use too. */
  onLoaded: (settings: Settings) => void;
  onSaved: (settings: Settings) => void;
  onClose: () => void;
  onArchiveRestored: () => void;
  /** The name a newsroom server signed this person in with: then it is not theirs to change. */
  signedInAs: string | null;
};

/**
 * Who you are (for reviews) and how fast each presenter reads. Settings are saved whole, so the
 * dialog saves only settings it has read: when they cannot be read it says so and offers to try
 * again, and never writes defaults over the stored presenters.
 */
export function SettingsDialog({
  settings,
  onLoaded,
  onSaved,
  onClose,
  onArchiveRestored,
  signedInAs,
}: Props) {
  const [draft, setDraft] = useState<Settings | null>(settings);
  const [unread, setUnread] = useState('');
  const [error, setError] = useState('');

  const read = useCallback(async () => {
    setUnread('');
    const result = await call('settings.get', {}, { showsFailure: true });
    if (!result.ok) return setUnread(result.error.message);
    setDraft(result.value);
    onLoaded(result.value);
  }, [onLoaded]);
  useEffect(() => {
    if (!settings) void read();
    // Once, when the dialog opens without settings; “Try again” reads them after that.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // One save at a time: each times every story in the archive again at the new rates, and a
  // second Enter did it twice.
  const saving = useInFlight();
  const save = () =>
    saving.run(async () => {
      if (!draft) return setError('The settings were never read, so there is nothing to save.');
      const checked = SettingsSchema.safeParse(draft);
      // In the words the archive would use ("Words per minute must be at most 400."), not zod's.
      if (!checked.success) return setError(describeInvalidInput(checked.error, 'settings.save'));
      const result = await call('settings.save', checked.data, { showsFailure: true });
      if (!result.ok) return setError(result.error.message);
      onSaved(result.value);
      onClose();
    });
  const edit = (update: (draft: Settings) => Settings) => setDraft((d) => (d ? update(d) : d));

  return (
    <Dialog title="Settings" onClose={onClose} wide testId="settings-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {draft ? (
          <>
            <label className="cd-stacked">
              <span>
                {signedInAs === null
                  ? 'Your name (shown on reviews and history)'
                  : 'Your name (the newsroom server signed you in)'}
              </span>
              <input
                value={signedInAs ?? draft.displayName}
                maxLength={80}
                readOnly={signedInAs !== null}
                onChange={(e) => edit((d) => ({ ...d, displayName: e.target.value }))}
              />
            </label>
            <label className="cd-check">
              <input
                type="checkbox"
                checked={draft.allowSelfApproval}
                onChange={(e) => edit((d) => ({ ...d, allowSelfApproval: e.target.checked }))}
              />
              <span>
                One-person desk: let whoever wrote or last changed a story approve it (otherwise
                another editor must)
              </span>
            </label>
            <h3>Read rates</h3>
            <p className="cd-dialog-note">
              A story is timed at its presenter’s rates; a presenter cue in the script switches to
              the next presenter’s. Hangul is timed in syllables, Chinese and Japanese in
              characters.
            </p>
            <ReadRatesTable draft={draft} setDraft={edit} />
            <button
              type="button"
              className="cd-button"
              onClick={() =>
                edit((d) => ({
                  ...d,
                  presenters: [
                    ...d.presenters,
                    { name: '', rates: { ...(d.defaults ?? DEFAULT_READ_RATES) } },
                  ],
                }))
              }
            >
              Add presenter
            </button>
            <h3>Automatic backups</h3>
            <p className="cd-dialog-note">
              While Copydesk runs it backs the archive up beside it, in a <code>backups</code>{' '}
              folder, when something changed.
            </p>
            <div className="cd-inline-fields">
              <label className="cd-inline-field">
                Every
                <input
                  type="number"
                  min={5}
                  max={1440}
                  value={draft.backups.everyMinutes}
                  onChange={(e) =>
                    edit((d) => ({
                      ...d,
                      backups: { ...d.backups, everyMinutes: Number(e.target.value) },
                    }))
                  }
                />
                minutes
              </label>
              <label className="cd-inline-field">
                keep the latest
                <input
                  type="number"
                  min={1}
                  max={200}
                  value={draft.backups.keep}
                  onChange={(e) =>
                    edit((d) => ({ ...d, backups: { ...d.backups, keep: Number(e.target.value) } }))
                  }
                />
              </label>
            </div>
          </>
        ) : (
          <SettingsUnread problem={unread} onRetry={() => void read()} />
        )}
        <BackupsSection onRestored={onArchiveRestored} />
        <MosDevicesSection />
        {error && (
          <p className="cd-form-error" role="alert">
            {error}
          </p>
        )}
        <div className="cd-dialog-actions">
          <button type="button" className="cd-button cd-button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="cd-button cd-button-primary"
            disabled={!draft}
            aria-disabled={saving.busy || undefined}
          >
            Save settings
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** In place of the fields, while the settings are being read or could not be. */
function SettingsUnread({ problem, onRetry }: { problem: string; onRetry: () => void }) {
  if (!problem) return <p className="cd-dialog-note">Reading the settings…</p>;
  return (
    <>
      <p className="cd-form-error" role="alert">
        The settings could not be read, so they cannot be changed or saved now: {problem}
      </p>
      <button type="button" className="cd-button" onClick={onRetry}>
        Try again
      </button>
    </>
  );
}
