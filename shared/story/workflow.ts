import type { StoryStatus } from './model';

/** What a person can do to a story in each status, and whether they must say why. */
export type Transition = { to: StoryStatus; action: string; needsNote: boolean };

export const STATUS_LABELS: Record<StoryStatus, string> = {
  draft: 'Draft',
  ready: 'Ready for review',
  approved: 'Approved',
  returned: 'Returned',
  aired: 'Aired',
  killed: 'Killed',
};

/** Short forms, for badges in lists. */
export const STATUS_BADGES: Record<StoryStatus, string> = {
  draft: 'Draft',
  ready: 'Ready',
  approved: 'Approved',
  returned: 'Returned',
  aired: 'Aired',
  killed: 'Killed',
};

export const TRANSITIONS: Readonly<Record<StoryStatus, readonly Transition[]>> = {
  draft: [
    { to: 'ready', action: 'Submit for review', needsNote: false },
    { to: 'killed', action: 'Kill', needsNote: false },
  ],
  ready: [
    { to: 'approved', action: 'Approve', needsNote: false },
    { to: 'returned', action: 'Return to reporter', needsNote: true },
    { to: 'draft', action: 'Withdraw', needsNote: false },
  ],
  returned: [
    { to: 'ready', action: 'Resubmit', needsNote: false },
    { to: 'draft', action: 'Back to draft', needsNote: false },
    { to: 'killed', action: 'Kill', needsNote: false },
  ],
  approved: [
    { to: 'aired', action: 'Mark aired', needsNote: false },
    { to: 'draft', action: 'Reopen', needsNote: true },
    { to: 'killed', action: 'Kill', needsNote: true },
  ],
  aired: [{ to: 'draft', action: 'Reopen', needsNote: true }],
  killed: [{ to: 'draft', action: 'Revive', needsNote: true }],
};

/** Approved and aired scripts are what went to air: nobody edits them without reopening. */
export const LOCKED_STATUSES: ReadonlySet<StoryStatus> = new Set(['approved', 'aired']);

export function transition(from: StoryStatus, to: StoryStatus): Transition | null {
  return TRANSITIONS[from].find((t) => t.to === to) ?? null;
}
