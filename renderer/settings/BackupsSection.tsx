import { useEffect, useState } from 'react';
import { call } from '../api/calls';
import { askToConfirm } from '../common/confirm';
import './settings.css';

type Backup = { path: string; at: string; bytes: number };

function size(bytes: number): string {
  return bytes > 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

/** Backups of the open archive: make one now, see the automatic ones, restore one after confirming. */
export function BackupsSection({ onRestored }: { onRestored: () => void }) {
  const [backups, setBackups] = useState<Backup[]>([]);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const load = () =>
    void call('archive.backups', {}).then((r) => {
      if (r.ok) setBackups(r.value);
    });
  useEffect(load, []);

  const backupNow = async () => {
    setBusy(true);
    const result = await call('archive.backup', {});
    setBusy(false);
    if (!result.ok) return;
    setNote(`Backed up to ${result.value.path} (${size(result.value.bytes)}, checked).`);
    load();
  };
  const restore = async (backup: Backup) => {
    const when = new Date(backup.at).toLocaleString();
    const sure = await askToConfirm({
      title: 'Restore a backup',
      message: `Replace everything in the archive with the backup of ${when}? Stories written since then will be gone from the archive (a copy of it as it is now is kept beside the backups).`,
      action: 'Restore this backup',
      danger: true,
    });
    if (!sure) return;
    setBusy(true);
    const result = await call('archive.restore', { path: backup.path });
    setBusy(false);
    if (!result.ok) return;
    onRestored();
  };

  return (
    <section className="cd-backups" aria-label="Backups" data-testid="backups">
      <div className="cd-backups-head">
        <h3>Backups</h3>
        <button
          type="button"
          className="cd-button"
          disabled={busy}
          onClick={() => void backupNow()}
        >
          Back up now
        </button>
      </div>
      {note && <p className="cd-dialog-note">{note}</p>}
      {backups.length === 0 ? (
        <p className="cd-dialog-note">No backups yet.</p>
      ) : (
        <ul className="cd-backup-list">
          {backups.slice(0, 8).map((b) => (
            <li key={b.path}>
              <span title={b.path}>
                {new Date(b.at).toLocaleString()} · {size(b.bytes)}
              </span>
              <button
                type="button"
                className="cd-button cd-button-quiet"
                disabled={busy}
                onClick={() => void restore(b)}
              >
                Restore…
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
