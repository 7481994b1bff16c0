import { useState } from 'react';
import type { LeaseView } from '../../shared/newsroom/channels';
import { NoteDialog } from '../review/NoteDialog';
import './newsroom.css';

/**
 * "Park Ji-won is editing": shown above a script someone else holds. It is read-only here and
 * follows their typing live; an editor may take it over, with a note that stays in its history.
 */
export function LeaseBanner({
  lease,
  canTakeOver,
  onTakeOver,
}: {
  lease: LeaseView | null;
  canTakeOver: boolean;
  /** Resolves true once the story is this desk's. */
  onTakeOver: (note: string) => Promise<boolean>;
}) {
  const [asking, setAsking] = useState(false);
  if (!lease || lease.mine) return null;
  const who = lease.sameUser ? 'You are' : `${lease.holder} is`;
  const where = lease.sameUser ? ` on ${lease.deskLabel || 'another desk'}` : '';
  return (
    <div className="cd-lease-banner" role="status" data-testid="lease-banner">
      <span className="cd-lease-avatar" aria-hidden="true">
        {lease.holder.slice(0, 1)}
      </span>
      <span>
        <strong>
          {who} editing{where}
        </strong>{' '}
        — read-only here, and you see the changes as they are made.
      </span>
      {canTakeOver && !lease.sameUser && (
        <button
          type="button"
          className="cd-button cd-button-quiet"
          onClick={() => setAsking(true)}
          data-testid="take-over"
        >
          Take over…
        </button>
      )}
      {asking && (
        <NoteDialog
          title={`Take over from ${lease.holder}`}
          prompt={`Why? ${lease.holder} sees it at once, and the note stays in the story's history.`}
          action="Take over"
          onClose={() => setAsking(false)}
          onSubmit={onTakeOver}
        />
      )}
    </div>
  );
}
