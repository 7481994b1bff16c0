import { useEffect, useRef, useState } from 'react';
import type { Settings } from '../../shared/settings';
import { call } from '../api/calls';
import './settings.css';

/**
 * The first question on a new desk: who is working. The name goes on every version, comment and
 * status change, and it is how the desk knows not to let you approve your own story. Asked until
 * given (changed later in Settings), across the top of the story column: it takes the keyboard
 * first, unless someone is already typing elsewhere, and blocks nothing, so someone who only came
 * to read can.
 */
export function NamePrompt({
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
  const field = useRef<HTMLInputElement>(null);
  // It takes the keyboard on a window nobody is typing in yet, never from a field someone is
  // typing in (the archive search, when the settings were read a moment after the list).
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) field.current?.focus();
  }, []);
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
    <form
      className="cd-name-prompt"
      aria-label="Who is working at this desk?"
      data-testid="name-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label className="cd-name-field">
        <strong>Who is working at this desk?</strong>
        <input
          ref={field}
          value={name}
          maxLength={80}
          autoComplete="name"
          placeholder="Your name"
          aria-label="Your name"
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <button type="submit" className="cd-button cd-button-primary">
        Start
      </button>
      <button type="button" className="cd-button cd-button-quiet" onClick={onClose}>
        Later
      </button>
      <p className="cd-name-why">
        Your name goes on your versions, comments and status changes; an editor does not approve a
        story they wrote or last changed. Settings changes it.
      </p>
      {error && (
        <p className="cd-form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
