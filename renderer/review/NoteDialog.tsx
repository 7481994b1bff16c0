import { useState } from 'react';
import { Dialog } from '../common/Dialog';
import { useInFlight } from '../common/useInFlight';

/**
 * Asks for the reason a workflow step needs (returning a script, reopening an approved one). It
 * closes once the step is done; a step that fails leaves it open, the reason still in it, and
 * it is sent once however often it is sent while on its way.
 */
export function NoteDialog({
  title,
  prompt,
  action,
  onSubmit,
  onClose,
}: {
  title: string;
  prompt: string;
  action: string;
  /** Resolves true once the step is done. */
  onSubmit: (note: string) => Promise<boolean>;
  onClose: () => void;
}) {
  const [note, setNote] = useState('');
  const { busy, run } = useInFlight();
  const submit = async () => {
    const reason = note.trim();
    if (reason && (await run(() => onSubmit(reason)))) onClose();
  };
  return (
    <Dialog title={title} onClose={onClose} testId="note-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="cd-stacked">
          <span>{prompt}</span>
          <textarea
            className="cd-note-input"
            rows={4}
            value={note}
            maxLength={2000}
            autoFocus
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <div className="cd-dialog-actions">
          <button type="button" className="cd-button cd-button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="cd-button cd-button-primary"
            disabled={!note.trim()}
            aria-disabled={busy || undefined}
          >
            {action}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
