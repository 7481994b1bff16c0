import './notices.css';
export type Notice = { id: number; kind: 'info' | 'error'; text: string };

/** Messages for the user: information fades on its own, errors stay until dismissed. */
export function Notices({
  notices,
  onDismiss,
}: {
  notices: Notice[];
  onDismiss: (id: number) => void;
}) {
  return (
    <div className="cd-notices" aria-live="polite">
      {notices.map((n) => (
        <div
          key={n.id}
          className={`cd-notice cd-notice-${n.kind}`}
          role={n.kind === 'error' ? 'alert' : 'status'}
        >
          <span>{n.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => onDismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
