import { useState } from 'react';
import type { Settings } from '../../shared/settings';
import { call } from '../api/calls';
import { Dialog } from '../common/Dialog';

/**
 * The first question on a new desk: who is working. The name goes on every version, comment and
 * status change, and it is how the desk knows not to let you approve your own story. Asked until
 * given; changed later in Settings.
 */
export function NameDialog({
  settings,
  onSaved,
  onClose,
}: {
  settings: Settings;
  onSaved: (settings: Settings) => void;
  onClose: () => void;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const save = async () => {
    const displayName = name.trim();
    if (!displayName) return setError('Type your name, as colleagues know you.');
    const result = await call(
      'settings.save',
      { ...settings, displayName },
      { showsFailure: true },
    );
    if (!result.ok) return setError(result.error.message);
    onSaved(result.value);
  };
  return (
    <Dialog title="Who is working at this desk?" onClose={onClose} testId="name-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="cd-stacked">
          <span>Your name</span>
          <input
            value={name}
            maxLength={80}
            autoComplete="name"
            data-autofocus
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <p className="cd-dialog-note">
          It goes on your versions, comments and status changes, so the desk can tell who did what.
          An editor does not approve a story they wrote or last changed. You can change it in
          Settings.
        </p>
        {error && (
          <p className="cd-form-error" role="alert">
            {error}
          </p>
        )}
        <div className="cd-dialog-actions">
          <button type="button" className="cd-button cd-button-quiet" onClick={onClose}>
            Later
          </button>
          <button type="submit" className="cd-button cd-button-primary">
            Start
          </button>
        </div>
      </form>
    </Dialog>
  );
}
