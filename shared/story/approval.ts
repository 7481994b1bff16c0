import type { RevisionKind } from '../ipc/types';
import { foldCase } from '../text/foldCase';

/** What the rule reads of a story's history: who made each version, and what kind it was. */
export type Authored = { number: number; kind: RevisionKind; author: string };

/** What a person who never gave a name is recorded as. */
export const UNNAMED_USER = 'Unnamed user';

const samePerson = (a: string, b: string) => foldCase(a.trim()) === foldCase(b.trim());

/**
 * Why `me` may not approve a story with this history, or null when they may. Four eyes: by
 * default the editor who approves is neither the one who wrote the story nor the one who last
 * changed its text (a status change is not a change of text). A one-person desk turns the rule
 * off in Settings. The same rule runs in the service (which enforces it) and in the workflow bar
 * (which says why Approve is unavailable).
 */
export function approvalRefusal(
  me: string,
  history: readonly Authored[],
  allowSelfApproval: boolean,
): string | null {
  if (allowSelfApproval) return null;
  const byNumber = [...history].sort((a, b) => a.number - b.number);
  const writer = byNumber[0];
  const lastChange = byNumber.filter((r) => r.kind !== 'status').at(-1);
  const who = me.trim() === '' ? UNNAMED_USER : me;
  const oneDesk = 'Settings allows it on a one-person desk.';
  if (me.trim() === '' || samePerson(who, UNNAMED_USER))
    return `Give your name in Settings first: an unnamed person cannot approve a story. ${oneDesk}`;
  if (writer && samePerson(writer.author, who))
    return `You wrote this story, so another editor approves it. ${oneDesk}`;
  if (lastChange && samePerson(lastChange.author, who))
    return `You made the last change to this story, so another editor approves it. ${oneDesk}`;
  return null;
}
