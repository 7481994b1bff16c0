import { z } from 'zod';
import { claimsFormat, parseEnvelope, type EnvelopeParse } from './envelope';
import { StorySchema } from '../story/model';

/**
 * The `.copydesk` hand-off package: one story with every version of it and its comments, so a
 * reporter and an editor on different machines can pass a script back and forth. Importing merges
 * by story id and revision id; nothing already in the archive is overwritten silently.
 */
export const HANDOFF_FORMAT = 'copydesk-handoff';
export const HANDOFF_VERSION = 1;
export const HANDOFF_EXTENSION = '.copydesk';

const RevisionSchema = z.strictObject({
  id: z.string().min(1).max(64),
  parentId: z.string().min(1).max(64).nullable(),
  at: z.iso.datetime({ offset: true }),
  author: z.string().max(120),
  kind: z.enum(['create', 'save', 'autosave', 'restore', 'status', 'import', 'merge']),
  note: z.string().max(2000),
  story: StorySchema,
});
export type HandoffRevision = z.infer<typeof RevisionSchema>;

const CommentSchema = z.strictObject({
  id: z.string().min(1).max(64),
  threadId: z.string().min(1).max(64),
  author: z.string().max(120),
  at: z.iso.datetime({ offset: true }),
  body: z.string().min(1).max(4000),
  quote: z.string().max(500),
  resolvedAt: z.iso.datetime({ offset: true }).nullable(),
  resolvedBy: z.string().max(120).nullable(),
});

export const HandoffSchema = z
  .strictObject({
    format: z.literal(HANDOFF_FORMAT),
    formatVersion: z.literal(HANDOFF_VERSION),
    generator: z.string().max(200),
    exportedAt: z.iso.datetime({ offset: true }),
    /** The story as it stands on the sending machine, and the version it is. */
    story: StorySchema,
    head: z.string().min(1).max(64).nullable(),
    revisions: z.array(RevisionSchema).max(20_000),
    comments: z.array(CommentSchema).max(20_000),
  })
  .superRefine((handoff, ctx) => {
    if (handoff.revisions.some((r) => r.story.id !== handoff.story.id)) {
      ctx.addIssue({ code: 'custom', message: 'a revision belongs to another story' });
    }
    if (handoff.head !== null && !handoff.revisions.some((r) => r.id === handoff.head)) {
      ctx.addIssue({ code: 'custom', message: 'the head version is missing from the revisions' });
    }
  });
export type Handoff = z.infer<typeof HandoffSchema>;

export function looksLikeHandoff(text: string): boolean {
  return claimsFormat(text, HANDOFF_FORMAT);
}

export function parseHandoff(text: string): EnvelopeParse<Handoff> {
  return parseEnvelope(text, HandoffSchema, { version: HANDOFF_VERSION, what: 'Copydesk package' });
}

/** What importing a package did to its story. */
export type MergeResult = 'added' | 'updated' | 'unchanged' | 'kept-local' | 'conflict';
