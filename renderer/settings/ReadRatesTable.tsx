import type { Presenter, Settings } from '../../shared/settings';
import type { ReadRates } from '../../shared/story/timing';
import './settings.css';

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

/** The default read rates and each presenter's, to edit in place. */
export function ReadRatesTable({
  draft,
  setDraft,
}: {
  draft: Settings;
  setDraft: (update: (draft: Settings) => Settings) => void;
}) {
  const setPresenter = (i: number, p: Presenter) =>
    setDraft((d) => ({ ...d, presenters: d.presenters.map((x, j) => (j === i ? p : x)) }));
  return (
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
            onChange={(defaults) => setDraft((d) => ({ ...d, defaults }))}
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
  );
}
