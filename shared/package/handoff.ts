import { z } from 'zod';
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
  .superRefine((pkg, ctx) => {
    if (pkg.revisions.some((r) => r.story.id !== pkg.story.id)) {
      ctx.addIssue({ code: 'custom', message: 'a revision belongs to another story' });
    }
    if (pkg.head !== null && !pkg.revisions.some((r) => r.id === pkg.head)) {
      ctx.addIssue({ code: 'custom', message: 'the head version is missing from the revisions' });
    }
  });
export type Handoff = z.infer<typeof HandoffSchema>;

export function looksLikeHandoff(text: string): boolean {
  return /^\s*\{/.test(text) && text.slice(0, 200).includes(`"${HANDOFF_FORMAT}"`);
}

export function parseHandoff(
  text: string,
): { ok: true; value: Handoff } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, message: `it is not valid JSON (${(error as Error).message})` };
  }
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > HANDOFF_VERSION) {
    return {
      ok: false,
      message: `it was written by a newer Copydesk (package version ${version}); update Copydesk to open it`,
    };
  }
  const parsed = HandoffSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, message: `it is not a valid Copydesk package (${issue?.message}${where})` };
  }
  return { ok: true, value: parsed.data };
}

/** What importing a package did to its story. */
export type MergeResult = 'added' | 'updated' | 'unchanged' | 'kept-local' | 'conflict';
