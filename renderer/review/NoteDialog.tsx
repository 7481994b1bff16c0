import { useState } from 'react';
import { Dialog } from '../common/Dialog';

/** Asks for the reason a workflow step needs (returning a script, reopening an approved one). */
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
  onSubmit: (note: string) => void;
  onClose: () => void;
}) {
  const [note, setNote] = useState('');
  return (
    <Dialog title={title} onClose={onClose} testId="note-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (note.trim()) onSubmit(note.trim());
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
          <button type="submit" className="cd-button cd-button-primary" disabled={!note.trim()}>
            {action}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
