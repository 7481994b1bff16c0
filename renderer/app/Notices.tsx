import './notices.css';
export type Notice = {
  id: number;
  /** `warn`: something to look at that is no failure (another desk's value was replaced). */
  kind: 'info' | 'warn' | 'error';
  text: string;
  /** The story the notice is about, if it is about one: it goes when that story closes. */
  about?: string;
};

/**
 * Messages for the user, in a strip of their own at the foot of the window: they take their own
 * room instead of floating over the page, so they never cover a field someone is typing in.
 */
export function Notices({
  notices,
  onDismiss,
}: {
  notices: Notice[];
  onDismiss: (id: number) => void;
}) {
  return (
    <div className="cd-notices" aria-live="polite" data-testid="notices">
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
