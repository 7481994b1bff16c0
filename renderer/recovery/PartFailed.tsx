import './recovery.css';

/** In place of one part of the window that stopped drawing; the rest keeps working. */
export function PartFailed({ what, onRetry }: { what: string; onRetry: () => void }) {
  return (
    <div className="cd-part-failed" role="alert">
      <span>{what} stopped working; the details are in the error log.</span>
      <button type="button" className="cd-button cd-button-quiet" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
