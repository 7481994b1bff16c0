import { useState } from 'react';
import type { ArchiveProblemCode, ArchiveStatus } from '../../shared/ipc/types';
import type { ArchiveStatusState } from './useArchiveStatus';
import './archiveProblem.css';

type Problem = Extract<ArchiveStatus, { state: 'problem' }>;

const HEADINGS: Record<ArchiveProblemCode, string> = {
  ARCHIVE_READ_ONLY: 'This archive is read-only here',
  ARCHIVE_CORRUPT: 'This archive is damaged',
  ARCHIVE_TOO_NEW: 'This archive is from a newer Copydesk',
  NOT_AN_ARCHIVE: 'This file is not a Copydesk archive',
  ARCHIVE_UNAVAILABLE: 'This archive cannot be reached',
  ARCHIVE_BUSY: 'This archive is busy',
  ARCHIVE_MISSING: 'There is no archive here',
};

/** What the person can do about each problem, in a sentence, before the buttons. */
const ADVICE: Partial<Record<ArchiveProblemCode, string>> = {
  ARCHIVE_READ_ONLY:
    'The file is sound, but its folder or drive cannot be written. You can open it to read, search and export; nothing can be changed in it.',
  ARCHIVE_CORRUPT:
    'Nothing was written to it. Put one of its backups in its place to go on working: the damaged file is kept beside it, under another name.',
  ARCHIVE_TOO_NEW:
    'It was written by a newer version of Copydesk and this one could misread it, so it was not opened. Update Copydesk to work in it.',
  ARCHIVE_BUSY: 'Another Copydesk is updating it. Wait a moment, then reload this page.',
};

function when(at: string): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function size(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Shown instead of the app when the archive could not be opened: which problem it is, in words,
 * and the ways forward — open it read-only, put a backup in its place, choose another archive.
 */
export function ArchiveProblemScreen({
  problem,
  actions,
}: {
  problem: Problem;
  actions: Pick<
    ArchiveStatusState,
    'openReadOnly' | 'openBackup' | 'chooseAnother' | 'busy' | 'error'
  >;
}) {
  const [backup, setBackup] = useState(problem.backups[0]?.path ?? '');
  const file = problem.path.split(/[\\/]/).pop();
  return (
    <main className="cd-archive-problem" data-testid="archive-problem" data-code={problem.code}>
      <section className="cd-archive-problem-card" aria-labelledby="cd-archive-problem-title">
        <p className="cd-archive-problem-kicker">Copydesk could not open its archive</p>
        <h1 id="cd-archive-problem-title">{HEADINGS[problem.code]}</h1>
        <p className="cd-archive-problem-file" title={problem.path}>
          {file}
          <span>{problem.path}</span>
        </p>
        {ADVICE[problem.code] && <p>{ADVICE[problem.code]}</p>}
        <details className="cd-archive-problem-details">
          <summary>What Copydesk found</summary>
          <p>{problem.message}</p>
        </details>

        {problem.backups.length > 0 && (
          <fieldset className="cd-archive-problem-backups" disabled={actions.busy}>
            <legend>Backups of this archive</legend>
            {problem.backups.slice(0, 5).map((b, i) => (
              <label key={b.path}>
                <input
                  type="radio"
                  name="backup"
                  value={b.path}
                  checked={backup === b.path}
                  onChange={() => setBackup(b.path)}
                />
                <span>
                  {when(b.at)}
                  {i === 0 && <em> latest</em>}
                </span>
                <span className="cd-archive-problem-size">{size(b.bytes)}</span>
              </label>
            ))}
          </fieldset>
        )}
        {problem.code === 'ARCHIVE_CORRUPT' && problem.backups.length === 0 && (
          <p className="cd-archive-problem-note">There is no backup beside this archive.</p>
        )}

        {actions.error && (
          <p className="cd-archive-problem-error" role="alert">
            {actions.error}
          </p>
        )}

        <div className="cd-archive-problem-actions">
          {problem.readOnlyPossible && (
            <button
              type="button"
              className="cd-button cd-button-primary"
              disabled={actions.busy}
              onClick={() => void actions.openReadOnly()}
              data-testid="open-read-only"
            >
              Open read-only
            </button>
          )}
          {problem.backups.length > 0 && (
            <button
              type="button"
              className="cd-button cd-button-primary"
              disabled={actions.busy || !backup}
              onClick={() => void actions.openBackup(backup)}
              data-testid="open-backup"
            >
              Use this backup
            </button>
          )}
          {actions.chooseAnother && (
            <button
              type="button"
              className="cd-button"
              disabled={actions.busy}
              onClick={() => void actions.chooseAnother?.()}
              data-testid="choose-another-archive"
            >
              Choose another archive…
            </button>
          )}
        </div>
        {!actions.chooseAnother && (
          <p className="cd-archive-problem-note" data-testid="choose-another-hint">
            To work in another archive, stop this Copydesk (Ctrl+C where it runs) and start it again
            with <code>copydesk web --archive PATH</code>.
          </p>
        )}
      </section>
    </main>
  );
}
