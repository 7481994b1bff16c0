import { useState, type ReactNode } from 'react';
import { ArchiveProblemScreen } from './ArchiveProblemScreen';
import { useArchiveStatus } from './useArchiveStatus';
import './archiveProblem.css';

/**
 * The app, once its archive is open. An archive that could not be opened shows the problem
 * screen instead; one opened read-only, or put back from a backup, says so above the app.
 */
export function ArchiveGate({ children }: { children: ReactNode }) {
  const archive = useArchiveStatus();
  const [noticeSeen, setNoticeSeen] = useState(-1);
  const { status } = archive;
  if (!status) return null;
  if (status.state === 'problem')
    return <ArchiveProblemScreen problem={status} actions={archive} />;
  const notice = noticeSeen === archive.generation ? null : status.notice;
  return (
    <div className="cd-archive-gate">
      {status.readOnly && (
        <div className="cd-archive-banner" role="status" data-testid="read-only-banner">
          <strong>Read-only.</strong> This archive is open for reading, searching and exporting;
          nothing in it can be changed from here.
        </div>
      )}
      {notice && (
        <div className="cd-archive-banner cd-archive-banner-info" role="status">
          {notice}
          <button
            type="button"
            className="cd-button cd-button-quiet"
            onClick={() => setNoticeSeen(archive.generation)}
          >
            Dismiss
          </button>
        </div>
      )}
      <div className="cd-archive-gate-body" key={archive.generation}>
        {children}
      </div>
    </div>
  );
}
