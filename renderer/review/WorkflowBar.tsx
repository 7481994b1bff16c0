import { useState } from 'react';
import type { Story } from '../../shared/story/model';
import {
  LOCKED_STATUSES,
  STATUS_LABELS,
  TRANSITIONS,
  type Transition,
} from '../../shared/story/workflow';
import type { RevisionSummary } from '../../shared/ipc/types';
import { NoteDialog } from './NoteDialog';
import { isRepeatClick } from '../common/repeatClick';
import { useInFlight } from '../common/useInFlight';
import './review.css';

type Props = {
  story: Story;
  /** The latest status change, for "Approved by … at …". */
  lastStatusChange: RevisionSummary | null;
  /** Resolves true once the story has taken the step. */
  onTransition: (step: Transition, note: string) => Promise<boolean>;
  historyOpen: boolean;
  onToggleHistory: () => void;
  onSendPackage: () => void;
  conflict: RevisionSummary | null;
  onCompareConflict: () => void;
  onSettleConflict: (keep: 'mine' | 'theirs') => void;
  /** Why this person may not approve the story (the four-eyes rule), or null when they may. */
  approveRefusal: string | null;
  /** Who is editing the story at another newsroom desk, or null: its status changes there. */
  heldBy?: string | null;
};

function when(iso: string): string {
  return new Date(iso).toLocaleString([], {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** Where the story stands in review, what can be done next, and the way to its history. */
export function WorkflowBar({
  story,
  lastStatusChange,
  onTransition,
  historyOpen,
  onToggleHistory,
  onSendPackage,
  conflict,
  onCompareConflict,
  onSettleConflict,
  approveRefusal,
  heldBy = null,
}: Props) {
  const heldWhy = heldBy
    ? `${heldBy} is editing this story at another desk: its status changes there, or once they are done.`
    : null;
  const [asking, setAsking] = useState<Transition | null>(null);
  // One step at a time, and a double click takes one: its second click landed on the next
  // status's button (Submit, then Approve), which had taken the first one's place.
  const stepping = useInFlight();
  const locked = LOCKED_STATUSES.has(story.status);
  const by = lastStatusChange && lastStatusChange.status === story.status ? lastStatusChange : null;
  return (
    <div className={`cd-workflow cd-workflow-${story.status}`} data-testid="workflow">
      <span className={`cd-status-pill cd-status-${story.status}`} data-testid="status">
        {STATUS_LABELS[story.status]}
      </span>
      {by && (
        <span className="cd-status-by">
          by {by.author || 'someone'} · {when(by.at)}
          {by.note && <span className="cd-status-note"> — “{by.note}”</span>}
        </span>
      )}
      {story.status === 'ready' && (
        <span className="cd-status-by" data-testid="review-hold">
          Waiting for an editor: changing the text withdraws it from review (you are asked first).
        </span>
      )}
      {locked && (
        <span className="cd-locked-note" data-testid="locked-why">
          {STATUS_LABELS[story.status]} and locked: nothing in it changes until someone reopens it,
          with a reason.
        </span>
      )}
      <span className="cd-workflow-actions">
        {TRANSITIONS[story.status].map((step) => (
          <button
            key={step.to}
            type="button"
            className={`cd-button${step.to === 'approved' || step.to === 'ready' ? ' cd-button-primary' : ''}${step.to === 'killed' ? ' cd-danger' : ''}`}
            aria-disabled={stepping.busy || undefined}
            onClick={(e) => {
              if (isRepeatClick(e)) return;
              if (step.needsNote) setAsking(step);
              else void stepping.run(() => onTransition(step, ''));
            }}
            {...(step.to === 'approved' &&
              approveRefusal && {
                disabled: true,
                title: approveRefusal,
                'aria-describedby': 'cd-approve-why',
              })}
            {...(heldWhy && { disabled: true, title: heldWhy })}
          >
            {step.action}
            {step.needsNote ? '…' : ''}
          </button>
        ))}
        <button
          type="button"
          className="cd-button cd-button-quiet"
          onClick={onSendPackage}
          title="Save this story with its versions and comments as a .copydesk file, to hand to someone on another computer"
          data-testid="send-package"
        >
          Send package…
        </button>
        <button
          type="button"
          className="cd-button cd-button-quiet"
          aria-pressed={historyOpen}
          onClick={onToggleHistory}
          data-testid="history-toggle"
        >
          History
        </button>
      </span>
      {approveRefusal && story.status === 'ready' && (
        <span className="cd-approve-why" id="cd-approve-why" data-testid="approve-why">
          {approveRefusal}
        </span>
      )}
      {conflict && (
        <div className="cd-conflict" role="alert" data-testid="conflict">
          <strong>Changed in two places.</strong> A package brought {conflict.author || 'someone'}’s
          version of {when(conflict.at)}, made while this one changed too. Yours is shown.
          <button type="button" className="cd-button" onClick={onCompareConflict}>
            Compare
          </button>
          <button type="button" className="cd-button" onClick={() => onSettleConflict('mine')}>
            Keep mine
          </button>
          <button type="button" className="cd-button" onClick={() => onSettleConflict('theirs')}>
            Take theirs
          </button>
        </div>
      )}
      {asking && (
        <NoteDialog
          title={asking.action}
          prompt={
            asking.to === 'returned'
              ? 'What needs fixing? The reporter sees this note.'
              : 'Why? The reason stays in the story’s history.'
          }
          action={asking.action}
          onSubmit={(note) => onTransition(asking, note)}
          onClose={() => setAsking(null)}
        />
      )}
    </div>
  );
}
