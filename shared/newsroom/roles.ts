import type { StoryStatus } from '../story/model';
import { STATUS_LABELS, transition } from '../story/workflow';

/**
 * What each person in a newsroom may do. The server enforces it on every change it is sent; a
 * desk only uses it to say no early (and to show the right buttons).
 */
export const ROLES = ['reporter', 'editor', 'producer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  reporter: 'reporter',
  editor: 'editor',
  producer: 'producer',
  admin: 'administrator',
};

/** The workflow steps a reporter (and everyone) may take: their own script, to and from review. */
const WRITER_STEPS: ReadonlySet<string> = new Set([
  'draft>ready',
  'ready>draft',
  'returned>ready',
  'returned>draft',
]);

/** Who may take each step besides editors and administrators, who may take them all. */
function mayStep(role: Role, from: StoryStatus, to: StoryStatus): boolean {
  if (role === 'editor' || role === 'admin') return true;
  if (WRITER_STEPS.has(`${from}>${to}`)) return true;
  // The producer says a story went to air.
  return role === 'producer' && from === 'approved' && to === 'aired';
}

/** Who is doing it, as messages name them. */
export type Actor = { displayName: string; role: Role };

/**
 * Why `actor` may not move a story from `from` to `to`, in their words; null when they may.
 * An unknown step is refused too (the workflow does not have it).
 */
export function statusRefusal(actor: Actor, from: StoryStatus, to: StoryStatus): string | null {
  if (from === to) return null;
  const step = transition(from, to);
  if (!step)
    return `A story that is ${STATUS_LABELS[from].toLowerCase()} cannot become ${STATUS_LABELS[to].toLowerCase()}.`;
  if (mayStep(actor.role, from, to)) return null;
  const who = from === 'approved' && to === 'aired' ? 'an editor or a producer' : 'an editor';
  return `Only ${who} can ${step.action.toLowerCase()} a story: you are signed in to the newsroom as ${actor.displayName}, ${article(ROLE_LABELS[actor.role])}.`;
}

/** Producers own the shows: they (and administrators) change rundowns and show templates. */
export function rundownRefusal(actor: Actor): string | null {
  if (actor.role === 'producer' || actor.role === 'admin') return null;
  return `Only a producer can change a rundown: you are signed in to the newsroom as ${actor.displayName}, ${article(ROLE_LABELS[actor.role])}.`;
}

/** Editors (and administrators) may take a script over from the person editing it. */
export function takeOverRefusal(actor: Actor, holder: string): string | null {
  if (actor.role === 'editor' || actor.role === 'admin') return null;
  return `${holder} is editing this script. Only an editor can take it over; ask ${holder} to close it.`;
}

/** The station's story templates are the editors' (and producers'): reporters use them. */
export function templateRefusal(actor: Actor): string | null {
  if (actor.role !== 'reporter') return null;
  return `Only an editor or a producer can change the station's templates: you are signed in to the newsroom as ${actor.displayName}, a reporter.`;
}

function article(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}
