import { useSyncExternalStore } from 'react';
import { Dialog } from './Dialog';

/** What a confirmation asks: a title, what will happen, and the words on its two buttons. */
export type ConfirmRequest = {
  title: string;
  message: string;
  /** The button that goes ahead ("Delete", "Restore"). */
  action: string;
  /** Defaults to "Cancel". */
  cancel?: string;
  /**
   * Destroys or replaces something: the button is red and the keyboard starts on Cancel, so an
   * Enter pressed by habit does not do it.
   */
  danger?: boolean;
};

type Pending = ConfirmRequest & { answer: (yes: boolean) => void };

let pending: Pending | null = null;
const listeners = new Set<() => void>();
const publish = () => listeners.forEach((listener) => listener());

/**
 * Asks the person in the app's own dialog (never the browser's `confirm()`, which a browser may
 * suppress and which blocks the page); resolves true only when they choose the action. A second
 * question while one is open answers the first "no".
 */
export function askToConfirm(request: ConfirmRequest): Promise<boolean> {
  pending?.answer(false);
  return new Promise((resolve) => {
    const asked: Pending = {
      ...request,
      answer: (yes) => {
        if (pending !== asked) return;
        pending = null;
        publish();
        resolve(yes);
      },
    };
    pending = asked;
    publish();
  });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Draws the open confirmation, if any. Mounted once, at the root, so every screen can ask. */
export function ConfirmHost() {
  const asked = useSyncExternalStore(subscribe, () => pending);
  if (!asked) return null;
  return <ConfirmDialog key={asked.title + asked.message} request={asked} />;
}

function ConfirmDialog({ request }: { request: Pending }) {
  const { title, message, action, cancel = 'Cancel', danger = false, answer } = request;
  return (
    <Dialog title={title} onClose={() => answer(false)} testId="confirm-dialog">
      <p className="cd-confirm-message">{message}</p>
      <div className="cd-dialog-actions">
        <button
          type="button"
          className="cd-button cd-button-quiet"
          data-autofocus={danger ? '' : undefined}
          onClick={() => answer(false)}
        >
          {cancel}
        </button>
        <button
          type="button"
          className={`cd-button ${danger ? 'cd-button-danger' : 'cd-button-primary'}`}
          data-autofocus={danger ? undefined : ''}
          onClick={() => answer(true)}
        >
          {action}
        </button>
      </div>
    </Dialog>
  );
}
