import { useState } from 'react';
import { SettingsSchema, type Presenter, type Settings } from '../../shared/settings';
import { DEFAULT_READ_RATES, type ReadRates } from '../../shared/story/timing';
import { api } from '../api/client';
import { Dialog } from '../common/Dialog';
import { BackupsSection } from './BackupsSection';
import './settings.css';

type Props = {
  settings: Settings;
  onSaved: (settings: Settings) => void;
  onClose: () => void;
  onArchiveRestored: () => void;
  onError: (message: string) => void;
};

function RateInputs({
  rates,
  onChange,
  label,
}: {
  rates: ReadRates;
  onChange: (rates: ReadRates) => void;
  label: string;
}) {
  const field = (key: keyof ReadRates, title: string) => (
    <input
      type="number"
      aria-label={`${label}: ${title}`}
      title={title}
      value={rates[key]}
      min={key === 'wordsPerMinute' ? 60 : 100}
      max={key === 'wordsPerMinute' ? 400 : 800}
      onChange={(e) => onChange({ ...rates, [key]: Number(e.target.value) })}
    />
  );
  return (
    <>
      <td>{field('wordsPerMinute', 'Words a minute')}</td>
      <td>{field('hangulSyllablesPerMinute', 'Hangul syllables a minute')}</td>
      <td>{field('cjkCharactersPerMinute', 'Chinese/Japanese characters a minute')}</td>
    </>
  );
}

/** Who you are (for reviews) and how fast each presenter reads. */
export function SettingsDialog({ settings, onSaved, onClose, onArchiveRestored, onError }: Props) {
  const [draft, setDraft] = useState<Settings>(settings);
  const [error, setError] = useState('');
  const setPresenter = (i: number, p: Presenter) =>
    setDraft((d) => ({ ...d, presenters: d.presenters.map((x, j) => (j === i ? p : x)) }));

  const save = async () => {
    const checked = SettingsSchema.safeParse(draft);
    if (!checked.success) return setError(checked.error.issues[0]?.message ?? 'Check the values.');
    const result = await api['settings.save'](checked.data);
    if (!result.ok) return setError(result.error.message);
    onSaved(result.value);
    onClose();
  };

  return (
    <Dialog title="Settings" onClose={onClose} wide testId="settings-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="cd-stacked">
          <span>Your name (shown on reviews and history)</span>
          <input
            value={draft.displayName}
            maxLength={80}
            onChange={(e) => setDraft({ ...draft, displayName: e.target.value })}
          />
        </label>
        <h3>Read rates</h3>
        <p className="cd-dialog-note">
          A story is timed at its presenter’s rates; a presenter cue in the script switches to the
          next presenter’s. Hangul is timed in syllables, Chinese and Japanese in characters.
        </p>
        <table className="cd-table cd-rates">
          <thead>
            <tr>
              <th>Presenter</th>
              <th>Words/min</th>
              <th>Hangul syl./min</th>
              <th>CJK chars/min</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            <tr>
              <td className="cd-muted">Everyone else (default)</td>
              <RateInputs
                rates={draft.defaults}
                label="Default"
                onChange={(defaults) => setDraft({ ...draft, defaults })}
              />
              <td />
            </tr>
            {draft.presenters.map((p, i) => (
              <tr key={i}>
                <td>
                  <input
                    aria-label="Presenter name"
                    value={p.name}
                    placeholder="Name"
                    maxLength={120}
                    onChange={(e) => setPresenter(i, { ...p, name: e.target.value })}
                  />
                </td>
                <RateInputs
                  rates={p.rates}
                  label={p.name || 'Presenter'}
                  onChange={(rates) => setPresenter(i, { ...p, rates })}
                />
                <td>
                  <button
                    type="button"
                    className="cd-button cd-button-quiet cd-danger"
                    onClick={() =>
                      setDraft((d) => ({
                        ...d,
                        presenters: d.presenters.filter((_, j) => j !== i),
                      }))
                    }
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          type="button"
          className="cd-button"
          onClick={() =>
            setDraft((d) => ({
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
          While Copydesk runs it backs the archive up beside it, in a <code>backups</code> folder,
          when something changed.
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
                setDraft({
                  ...draft,
                  backups: { ...draft.backups, everyMinutes: Number(e.target.value) },
                })
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
                setDraft({ ...draft, backups: { ...draft.backups, keep: Number(e.target.value) } })
              }
            />
          </label>
        </div>
        <BackupsSection onRestored={onArchiveRestored} onError={onError} />
        {error && (
          <p className="cd-form-error" role="alert">
            {error}
          </p>
        )}
        <div className="cd-dialog-actions">
          <button type="button" className="cd-button cd-button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="cd-button cd-button-primary">
            Save settings
          </button>
        </div>
      </form>
    </Dialog>
  );
}
