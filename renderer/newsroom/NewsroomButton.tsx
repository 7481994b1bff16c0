import type { NewsroomStatus } from '../../shared/newsroom/channels';
import { ROLE_LABELS } from '../../shared/newsroom/roles';
import './newsroom.css';

/** The connection at a glance in the top bar; a click connects, or shows the details. */
export function NewsroomButton({
  status,
  onClick,
}: {
  status: NewsroomStatus | null;
  onClick: () => void;
}) {
  if (!status) return null;
  const { state, identity, pending, conflicts } = status;
  const label =
    state === 'alone' || !identity
      ? 'Connect to newsroom…'
      : state === 'online'
        ? `${identity.displayName} · online`
        : state === 'offline'
          ? `Offline${pending > 0 ? ` · ${pending} waiting` : ''}`
          : 'Signed out: sign in again';
  const title =
    state === 'alone' || !identity
      ? 'This desk works alone. Connect it to the newsroom server.'
      : `${identity.displayName}, ${ROLE_LABELS[identity.role]}, at ${status.url}${status.problem ? `\n${status.problem}` : ''}`;
  return (
    <button
      type="button"
      className={`cd-button cd-newsroom-button cd-newsroom-${state}`}
      onClick={onClick}
      title={title}
      data-testid="newsroom-button"
    >
      <span className="cd-newsroom-dot" aria-hidden="true" />
      {label}
      {conflicts.length > 0 && (
        <span className="cd-count" title="Stories to settle">
          {conflicts.length}
        </span>
      )}
    </button>
  );
}
