import { useState } from 'react';
import type { NewsroomStatus } from '../../shared/newsroom/channels';
import { ROLE_LABELS } from '../../shared/newsroom/roles';
import { Dialog } from '../common/Dialog';
import { call } from '../api/calls';
import { useInFlight } from '../common/useInFlight';

/** The connection in detail: who, where, what waits to go up, what to settle; disconnect. */
export function NewsroomDialog({
  status,
  onClose,
  onChanged,
  onOpenStory,
}: {
  status: NewsroomStatus;
  onClose: () => void;
  onChanged: () => void;
  onOpenStory: (id: string) => void;
}) {
  const { identity } = status;
  const disconnecting = useInFlight();
  /** Notices put away here, gone at once (the status that no longer lists them follows). */
  const [putAway, setPutAway] = useState<ReadonlySet<string>>(new Set());
  const notices = status.notices.filter((n) => !putAway.has(`${n.kind}:${n.id}`));
  const putAwayNotice = async (kind: string, id: string) => {
    setPutAway((s) => new Set(s).add(`${kind}:${id}`));
    const done = await call('newsroom.dismissNotice', { kind, id });
    if (done.ok) onChanged();
    // Not put away: it shows again.
    else setPutAway((s) => new Set([...s].filter((k) => k !== `${kind}:${id}`)));
  };
  return (
    <Dialog title="Newsroom" onClose={onClose} testId="newsroom-dialog">
      <div className="cd-newsroom-details">
        {identity && (
          <p>
            <strong>{identity.displayName}</strong> ({identity.name}), {ROLE_LABELS[identity.role]},
            at {status.url}
          </p>
        )}
        <p data-testid="newsroom-state">
          {status.state === 'online'
            ? 'Online: changes go both ways as they are made.'
            : status.state === 'offline'
              ? `Offline${status.problem ? `: ${status.problem}` : ''} Everything keeps working here and goes up when the server is back.`
              : `Signed out: ${status.problem ?? 'sign in again.'}`}
        </p>
        <p>
          {status.pending === 0
            ? 'Nothing waiting to go up.'
            : `${status.pending} ${status.pending === 1 ? 'change' : 'changes'} waiting to go up.`}{' '}
          This desk keeps the last {status.keepDays} days; search the whole newsroom for older
          stories.
        </p>
        {status.conflicts.length > 0 && (
          <>
            <h3>To settle</h3>
            <ul className="cd-newsroom-list">
              {status.conflicts.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    className="cd-link"
                    onClick={() => {
                      onOpenStory(c.id);
                      onClose();
                    }}
                  >
                    {c.slug || 'Untitled'}
                  </button>{' '}
                  changed here and in the newsroom: compare and keep one.
                </li>
              ))}
            </ul>
          </>
        )}
        {notices.length > 0 && (
          <>
            <h3>From the newsroom</h3>
            <ul className="cd-newsroom-list">
              {notices.map((n) => (
                <li key={`${n.kind}:${n.id}`}>
                  {n.label && <strong>{n.label}: </strong>}
                  {n.message}{' '}
                  <button
                    type="button"
                    className="cd-link"
                    aria-label={`Put away the notice${n.label ? ` about ${n.label}` : ''}`}
                    onClick={() => void putAwayNotice(n.kind, n.id)}
                  >
                    Put away
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className="cd-dialog-actions">
        <button
          type="button"
          className="cd-button cd-button-quiet"
          aria-disabled={disconnecting.busy || undefined}
          // Signing out of an unreachable server takes a while: one at a time, and it says so.
          onClick={() =>
            void disconnecting.run(async () => {
              await call('newsroom.disconnect', {});
              onChanged();
              onClose();
            })
          }
          data-testid="newsroom-disconnect"
        >
          {disconnecting.busy ? 'Disconnecting…' : 'Disconnect'}
        </button>
        <button type="button" className="cd-button cd-button-primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
