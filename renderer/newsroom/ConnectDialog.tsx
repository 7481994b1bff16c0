import { useState } from 'react';
import { Dialog } from '../common/Dialog';
import type { NewsroomStatus } from '../../shared/newsroom/channels';
import { PASSWORD_MIN } from '../../shared/newsroom/channels';
import { call } from '../api/calls';
import './newsroom.css';

/**
 * Connects the desk to a newsroom server: its address, a user name and a password. A new person's
 * first password is a one-time one: the dialog then asks for their own, twice.
 */
export function ConnectDialog({
  status,
  onClose,
  onConnected,
}: {
  status: NewsroomStatus | null;
  onClose: () => void;
  onConnected: () => void;
}) {
  const [url, setUrl] = useState(status?.url ?? 'http://127.0.0.1:7433');
  const [name, setName] = useState(status?.identity?.name ?? '');
  const [password, setPassword] = useState('');
  const [newPassword, setNewPassword] = useState<string | null>(null);
  const [again, setAgain] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (newPassword !== null && newPassword !== again) {
      setError('The two new passwords differ.');
      return;
    }
    setBusy(true);
    setError('');
    const result = await call(
      'newsroom.connect',
      { url, name, password, ...(newPassword !== null && { newPassword }) },
      { showsFailure: true },
    );
    setBusy(false);
    if (result.ok) {
      onConnected();
      return;
    }
    if (/one-time password/.test(result.error.message) && newPassword === null) {
      setNewPassword('');
      setError(result.error.message);
      return;
    }
    setError(result.error.message);
  }

  return (
    <Dialog title="Connect to the newsroom" onClose={onClose} testId="connect-dialog">
      <form
        className="cd-connect"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="cd-connect-intro">
          Your stories stay on this desk and keep working offline; connected, they go to the
          newsroom server and everyone else&apos;s come here.
        </p>
        <label className="cd-stacked">
          <span>Server address</span>
          <input
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            required
            data-autofocus
            data-testid="connect-url"
          />
        </label>
        <label className="cd-stacked">
          <span>User name</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="username"
            required
            data-testid="connect-name"
          />
        </label>
        <label className="cd-stacked">
          <span>{newPassword === null ? 'Password' : 'One-time password'}</span>
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
            data-testid="connect-password"
          />
        </label>
        {newPassword !== null && (
          <>
            <label className="cd-stacked">
              <span>Your new password (at least {PASSWORD_MIN} characters)</span>
              <input
                type="password"
                value={newPassword}
                minLength={PASSWORD_MIN}
                onChange={(e) => setNewPassword(e.target.value)}
                autoComplete="new-password"
                required
                data-testid="connect-new-password"
              />
            </label>
            <label className="cd-stacked">
              <span>The new password again</span>
              <input
                type="password"
                value={again}
                onChange={(e) => setAgain(e.target.value)}
                autoComplete="new-password"
                required
                data-testid="connect-new-password-again"
              />
            </label>
          </>
        )}
        {error && (
          <p className="cd-form-error" role="alert" data-testid="connect-error">
            {error}
          </p>
        )}
        <div className="cd-dialog-actions">
          <button type="button" className="cd-button cd-button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="cd-button cd-button-primary" disabled={busy}>
            {busy ? 'Connecting…' : 'Connect'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
