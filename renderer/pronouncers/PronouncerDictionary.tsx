import { useMemo, useState } from 'react';
import type { PronouncerEntry } from '../../shared/settings';
import { foldCase, sameFolded } from '../../shared/text/foldCase';
import { askToConfirm } from '../common/confirm';
import { call } from '../api/calls';
import { Dialog } from '../common/Dialog';
import { isRepeatClick } from '../common/repeatClick';
import { useInFlight } from '../common/useInFlight';
import './pronouncers.css';

type Props = {
  entries: readonly PronouncerEntry[];
  onChanged: () => void;
  onClose: () => void;
};

/** The archive's pronouncer dictionary: every name a script has spelled out, to browse and correct. */
export function PronouncerDictionary({ entries, onChanged, onClose }: Props) {
  const [filter, setFilter] = useState('');
  const [term, setTerm] = useState('');
  const [phonetic, setPhonetic] = useState('');
  const [editing, setEditing] = useState<{ term: string; phonetic: string } | null>(null);
  const shown = useMemo(() => {
    const f = foldCase(filter.trim());
    return f
      ? entries.filter((e) => foldCase(e.term).includes(f) || foldCase(e.phonetic).includes(f))
      : entries;
  }, [entries, filter]);

  /** True when saved; on a failure what was typed stays in the fields. */
  const save = async (entry: { term: string; phonetic: string }): Promise<boolean> => {
    const result = await call('pronouncers.save', entry);
    if (result.ok) onChanged();
    return result.ok;
  };
  // One add and one delete at a time: a second Enter added it twice, and the second click of a
  // double click on Delete landed on the row that moved up under the pointer.
  const adding = useInFlight();
  const removing = useInFlight();
  const remove = (t: string) =>
    removing.run(async () => {
      const result = await call('pronouncers.delete', { term: t });
      if (result.ok) onChanged();
    });

  return (
    <Dialog title="Pronouncer dictionary" onClose={onClose} wide testId="pronouncer-dictionary">
      <p className="cd-dialog-note">
        Every pronouncer saved in a script lands here, and the editor offers it when the name comes
        up again. Supers are typed from the spelling, so the spelling never changes.
      </p>
      <form
        className="cd-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!term.trim() || !phonetic.trim()) return;
          const sent = { term, phonetic };
          void adding.run(async () => {
            const entry = { term: term.trim(), phonetic: phonetic.trim() };
            // A vetted pronouncer is not replaced by a slip in the Add row without a word.
            const known = entries.find((e) => sameFolded(e.term, entry.term));
            if (
              known &&
              known.phonetic !== entry.phonetic &&
              !(await askToConfirm({
                title: 'Replace pronouncer',
                message: `“${known.term}” is in the dictionary as ${known.phonetic}. Replace it with ${entry.phonetic}?`,
                action: 'Replace',
              }))
            )
              return;
            if (!(await save(entry))) return;
            // Emptied for the next entry, unless the next entry is already being typed.
            setTerm((now) => (now === sent.term ? '' : now));
            setPhonetic((now) => (now === sent.phonetic ? '' : now));
          });
        }}
      >
        <input
          aria-label="Word or name"
          placeholder="Word or name"
          value={term}
          onChange={(e) => setTerm(e.target.value)}
          maxLength={120}
        />
        <input
          aria-label="How to say it"
          placeholder="How to say it (RAH-goo-NAH-tun)"
          value={phonetic}
          onChange={(e) => setPhonetic(e.target.value)}
          maxLength={120}
        />
        <button
          type="submit"
          className="cd-button cd-button-primary"
          disabled={!term.trim() || !phonetic.trim()}
        >
          Add
        </button>
      </form>
      <input
        className="cd-filter"
        type="search"
        aria-label="Filter the dictionary"
        placeholder={`Filter ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}`}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <div className="cd-table-scroll">
        <table className="cd-table">
          <thead>
            <tr>
              <th>Word or name</th>
              <th>How to say it</th>
              <th>Last used</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {shown.map((entry) => (
              <tr key={entry.term}>
                <td>{entry.term}</td>
                <td>
                  {editing?.term === entry.term ? (
                    <input
                      aria-label={`How to say ${entry.term}`}
                      value={editing.phonetic}
                      autoFocus
                      onChange={(e) => setEditing({ term: entry.term, phonetic: e.target.value })}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter' && editing.phonetic.trim()) {
                          e.preventDefault();
                          void save({ term: entry.term, phonetic: editing.phonetic.trim() }).then(
                            (saved) => saved && setEditing(null),
                          );
                        } else if (e.key === 'Escape') {
                          e.preventDefault();
                          setEditing(null);
                        }
                      }}
                    />
                  ) : (
                    <span className="cd-phonetic">{entry.phonetic}</span>
                  )}
                </td>
                <td className="cd-muted">
                  {entry.updatedAt ? new Date(entry.updatedAt).toLocaleDateString() : ''}
                </td>
                <td className="cd-row-actions">
                  <button
                    type="button"
                    className="cd-button cd-button-quiet"
                    onClick={() => setEditing({ term: entry.term, phonetic: entry.phonetic })}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="cd-button cd-button-quiet cd-danger"
                    onClick={(e) => !isRepeatClick(e) && void remove(entry.term)}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 && (
          <p className="cd-empty-list">
            {entries.length
              ? 'Nothing matches.'
              : 'No pronouncers yet. Select a name in a script and press Ctrl+Alt+R.'}
          </p>
        )}
      </div>
    </Dialog>
  );
}
