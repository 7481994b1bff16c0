/** The question asked when a story waiting for an editor is changed, and how it is answered. */
export type ReviewAsk = { slug: string; answer: (withdraw: boolean) => void };

/**
 * Asks whether a story waiting for an editor is taken back out of review, without taking the
 * keyboard: a dialog opened under a reporter's fingers (at the autosave after a pause) swallowed
 * the keys typed next. The script keeps them; nothing is stored until the question is answered,
 * and keeping the story in review takes back everything typed since.
 */
export function ReviewQuestion({ ask }: { ask: ReviewAsk }) {
  return (
    <div className="cd-review-question" role="group" aria-label="Withdraw from review?">
      <p role="alert">
        <strong>“{ask.slug || 'UNTITLED'}” is waiting for an editor.</strong> Changing it takes it
        back out of review, to Draft: submit it again when it is ready. Keeping it in review takes
        this change back. Nothing is saved until you choose.
      </p>
      <div className="cd-dialog-actions">
        <button type="button" className="cd-button" onClick={() => ask.answer(false)}>
          Keep it in review
        </button>
        <button
          type="button"
          className="cd-button cd-button-primary"
          onClick={() => ask.answer(true)}
        >
          Withdraw and edit
        </button>
      </div>
    </div>
  );
}
