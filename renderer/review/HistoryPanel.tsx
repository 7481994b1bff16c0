import { useEffect, useState } from 'react';
import type { Story } from '../../shared/story/model';
import type { RevisionSummary } from '../../shared/ipc/types';
import { STATUS_LABELS } from '../../shared/story/workflow';
import type { WordDiff } from '../../shared/diff/wordDiff';
import {
  comparableReadText,
  storyFieldChanges,
  type FieldChange,
} from '../../shared/diff/storyChanges';
import { call } from '../api/calls';
import { askToConfirm } from '../common/confirm';
import { compareText } from './compareText';
import './review.css';

const KIND_LABELS: Record<RevisionSummary['kind'], string> = {
  create: 'Created',
  save: 'Saved',
  autosave: 'Autosaved',
  restore: 'Restored',
  status: 'Status',
  import: 'Imported',
  merge: 'Merged',
};

type Props = {
  story: Story;
  /** Bumped when the story changed, so the list reloads. */
  version: number;
  locked: boolean;
  /** Two versions to compare as soon as the list is there (a conflict's two sides). */
  initialPair?: string[] | null;
  /**
   * Stores what was typed and not saved yet, so that it is a version too before another is
   * restored over it; false when it could not be stored (then nothing is restored).
   */
  onBeforeRestore: () => Promise<boolean>;
  onRestored: (story: Story) => void;
  onClose: () => void;
};

type Comparison = {
  older: RevisionSummary;
  newer: RevisionSummary;
  fields: FieldChange[];
  /** Null while the read text is being compared (a long story's diff runs in a worker). */
  diff: WordDiff | null;
};

/** Every version of the story; any two compared word by word; any one restored as a new version. */
export function HistoryPanel({
  story,
  version,
  locked,
  initialPair,
  onBeforeRestore,
  onRestored,
  onClose,
}: Props) {
  const [revisions, setRevisions] = useState<RevisionSummary[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [comparison, setComparison] = useState<Comparison | null>(null);

  useEffect(() => {
    void call('stories.history', { id: story.id }).then((r) => {
      if (!r.ok) return;
      setRevisions(r.value.revisions);
      if (initialPair && initialPair.length === 2) return setPicked(initialPair);
      setPicked((p) =>
        p.length === 0 && r.value.revisions.length > 1
          ? [r.value.revisions[1]!.id, r.value.revisions[0]!.id]
          : p,
      );
    });
  }, [story.id, version, initialPair]);

  useEffect(() => {
    if (picked.length !== 2) {
      setComparison(null);
      return;
    }
    const [a, b] = picked
      .map((id) => revisions.find((r) => r.id === id))
      .filter((r): r is RevisionSummary => r !== undefined);
    if (!a || !b) return;
    const [older, newer] = a.number < b.number ? [a, b] : [b, a];
    let cancelled = false;
    void Promise.all([
      call('stories.revision', { id: story.id, revisionId: older.id }),
      call('stories.revision', { id: story.id, revisionId: newer.id }),
    ]).then(([x, y]) => {
      if (cancelled) return;
      if (!x.ok || !y.ok) return;
      setComparison({ older, newer, fields: storyFieldChanges(x.value, y.value), diff: null });
      void compareText(comparableReadText(x.value), comparableReadText(y.value)).then((diff) => {
        if (!cancelled) setComparison((c) => (c && c.newer === newer ? { ...c, diff } : c));
      });
    });
    return () => {
      cancelled = true;
    };
  }, [picked, revisions, story.id]);

  const toggle = (id: string) =>
    setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p.slice(-1), id]));
  const restore = async (revision: RevisionSummary) => {
    const sure = await askToConfirm({
      title: `Restore version ${revision.number}`,
      message: `Restore version ${revision.number} (${KIND_LABELS[revision.kind].toLowerCase()} ${new Date(revision.at).toLocaleString()})? It becomes a new version; nothing is lost.`,
      action: 'Restore',
    });
    if (!sure || !(await onBeforeRestore())) return;
    const result = await call('stories.restore', { id: story.id, revisionId: revision.id });
    if (!result.ok) return;
    onRestored(result.value);
  };

  return (
    <aside className="cd-side-panel" aria-label="History" data-testid="history-panel">
      <header className="cd-side-head">
        <h2>History</h2>
        <button
          type="button"
          className="cd-icon-button"
          aria-label="Close history"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <p className="cd-side-note">Tick two versions to compare them.</p>
      <ol className="cd-revisions">
        {revisions.map((r) => (
          <li key={r.id} className={picked.includes(r.id) ? 'cd-picked' : undefined}>
            <label>
              <input
                type="checkbox"
                checked={picked.includes(r.id)}
                onChange={() => toggle(r.id)}
                aria-label={`Compare version ${r.number}`}
              />
              <span className="cd-rev-main">
                <strong>
                  {r.number}. {KIND_LABELS[r.kind]}
                  {r.kind === 'status' ? `: ${STATUS_LABELS[r.status]}` : ''}
                </strong>
                <span className="cd-rev-meta">
                  {r.author || 'Unknown'} ·{' '}
                  {new Date(r.at).toLocaleString([], {
                    month: 'short',
                    day: 'numeric',
                    hour: '2-digit',
                    minute: '2-digit',
                  })}
                </span>
                {r.note && <span className="cd-rev-note">“{r.note}”</span>}
              </span>
            </label>
            {r.number !== revisions[0]?.number && !locked && (
              <button
                type="button"
                className="cd-button cd-button-quiet"
                onClick={() => void restore(r)}
              >
                Restore
              </button>
            )}
          </li>
        ))}
      </ol>
      {comparison && (
        <section className="cd-compare" aria-label="Comparison" data-testid="comparison">
          <h3>
            Version {comparison.older.number} → {comparison.newer.number}
          </h3>
          {comparison.fields.length > 0 && (
            <dl className="cd-field-changes">
              {comparison.fields.map((f) => (
                <div key={f.field}>
                  <dt>{f.field}</dt>
                  <dd>
                    <del>{f.before || '—'}</del> → <ins>{f.after || '—'}</ins>
                  </dd>
                </div>
              ))}
            </dl>
          )}
          {comparison.diff?.wordByWord === false && (
            <p className="cd-side-note" data-testid="diff-whole">
              Rewritten passages are shown removed and added whole: too much changed in them to
              compare word by word.
            </p>
          )}
          <div className="cd-diff" data-testid="diff" aria-busy={comparison.diff === null}>
            {comparison.diff === null ? (
              <p className="cd-side-note">Comparing the read text…</p>
            ) : comparison.diff.parts.every((p) => p.op === 'same') ? (
              <p className="cd-side-note">The read text is the same.</p>
            ) : (
              comparison.diff.parts.map((part, i) =>
                part.op === 'same' ? (
                  <span key={i}>{part.text}</span>
                ) : part.op === 'del' ? (
                  <del key={i}>{part.text}</del>
                ) : (
                  <ins key={i}>{part.text}</ins>
                ),
              )
            )}
          </div>
        </section>
      )}
    </aside>
  );
}
