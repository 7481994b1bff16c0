import { z } from 'zod';
import { StorySchema, STORY_STATUSES } from '../story/model';
import { RundownSchema } from '../rundown/model';
import { RUNDOWN_ACTIONS, SHOW_FIELD_NAMES } from '../rundown/history';
import type { ValueClash } from '../rundown/replay';
import { ROLES } from './roles';

/**
 * What a desk and the newsroom server say to each other: JSON over HTTP for requests, and a
 * WebSocket that streams every change to the desks. Both sides validate with these schemas.
 *
 * Every change the server stores gets a number from one sequence, in commit order; a desk keeps
 * the number it has seen up to (its cursor) and asks for what came after.
 */
/**
 * The link's version, which a server reports at `/v1/health` and a desk sends with every request
 * (`PROTOCOL_HEADER`). Each side talks only to the other's version or a later one: an older one
 * refuses, or misreads, what it does not know.
 * 2: a rundown's history entry for a change to the show's details says which (`field`) and its
 * values before and after.
 */
export const PROTOCOL_VERSION = 2;

/** The header a desk names its link's version in; a desk from before version 2 sends none. */
export const PROTOCOL_HEADER = 'copydesk-protocol';

/** The headers every desk request carries besides its session. */
export const DESK_HEADERS: Readonly<Record<string, string>> = {
  [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
};

/** What `/v1/health` answers. */
export type HealthResponse = { ok: true; version: string; protocol: number };

/** Sign-in names: letters, digits, dots, dashes and underscores, as on most newsroom systems. */
export const UserNameSchema = z
  .string()
  .trim()
  .min(1, 'a user name must not be empty')
  .max(64, 'a user name is 64 characters at most')
  .regex(/^[\p{L}\p{N}._-]+$/u, 'a user name is letters, digits, dots, dashes and underscores');

export const PASSWORD_MIN = 10;
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `a password is at least ${PASSWORD_MIN} characters`)
  .max(256, 'a password is 256 characters at most');

/** Who a desk is signed in as. */
export const IdentitySchema = z.strictObject({
  userId: z.uuid(),
  name: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
});
export type Identity = z.infer<typeof IdentitySchema>;

export const LoginRequestSchema = z.strictObject({
  name: UserNameSchema,
  password: z.string().min(1, 'type the password').max(256),
  /** The new password, when the one given was the one-time password from `server user add`. */
  newPassword: PasswordSchema.optional(),
  /** The desk signing in (its id in its archive), so a lease says which desk holds it. */
  desk: z.uuid(),
  deskLabel: z.string().max(120).default(''),
});
export type LoginRequest = z.input<typeof LoginRequestSchema>;

export const LoginResponseSchema = z.strictObject({
  token: z.string(),
  expiresAt: z.string(),
  identity: IdentitySchema,
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

const isoTime = z.iso.datetime({ offset: true });

export const REVISION_KINDS = [
  'create',
  'save',
  'autosave',
  'restore',
  'status',
  'import',
  'merge',
] as const;

export const WireRevisionSchema = z.strictObject({
  id: z.string().min(1).max(64),
  storyId: z.uuid(),
  parentId: z.string().max(64).nullable(),
  at: isoTime,
  author: z.string().max(200),
  kind: z.enum(REVISION_KINDS),
  note: z.string().max(4000),
  story: StorySchema,
});
export type WireRevision = z.infer<typeof WireRevisionSchema>;

export const WireCommentSchema = z.strictObject({
  id: z.uuid(),
  storyId: z.uuid(),
  threadId: z.uuid(),
  author: z.string().max(200),
  at: isoTime,
  body: z.string().max(4000),
  quote: z.string().max(500),
  resolvedAt: isoTime.nullable(),
  resolvedBy: z.string().max(200).nullable(),
});
export type WireComment = z.infer<typeof WireCommentSchema>;

export const WireHistoryEntrySchema = z.strictObject({
  /** Made by the desk that recorded it, so the same change is never stored twice. */
  uid: z.string().min(1).max(64),
  rundownId: z.uuid(),
  at: isoTime,
  author: z.string().max(200),
  action: z.enum(RUNDOWN_ACTIONS),
  rowId: z.string().max(64).nullable(),
  detail: z.strictObject({
    slug: z.string().max(200).optional(),
    field: z.enum(SHOW_FIELD_NAMES).optional(),
    from: z.union([z.string().max(200), z.number(), z.null()]).optional(),
    to: z.union([z.string().max(200), z.number(), z.null()]).optional(),
  }),
});
export type WireHistoryEntry = z.infer<typeof WireHistoryEntrySchema>;

/** The shared things that are simply replaced by the newest version: last writer wins. */
export const DOC_KINDS = ['pronouncer', 'template', 'showTemplate'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

export const WireDocSchema = z.strictObject({
  docKind: z.enum(DOC_KINDS),
  /** The pronouncer's term, the template's format, the show template's name, lowercased. */
  key: z.string().min(1).max(200),
  /** Null once deleted (a template reset to the built-in one). */
  body: z.unknown().nullable(),
  updatedAt: isoTime,
});
export type WireDoc = z.infer<typeof WireDocSchema>;

const MAX_PUSH = 500;

/** A desk's changes to a story: the story as it is now, and the versions it made since. */
export const PushStorySchema = z.strictObject({
  id: z.uuid(),
  /** The server's version this change was made on; null for a story the server has never had. */
  baseVersion: z.int().min(0).nullable(),
  /** The story now; null when it was deleted on the desk. */
  story: StorySchema.nullable(),
  headRevision: z.string().max(64).nullable(),
  revisions: z.array(WireRevisionSchema).max(MAX_PUSH),
});
export type PushStory = z.infer<typeof PushStorySchema>;

export const PushRundownSchema = z.strictObject({
  id: z.uuid(),
  baseVersion: z.int().min(0).nullable(),
  rundown: RundownSchema.nullable(),
  history: z.array(WireHistoryEntrySchema).max(5000),
});
export type PushRundown = z.infer<typeof PushRundownSchema>;

export const PushRequestSchema = z.strictObject({
  stories: z.array(PushStorySchema).max(MAX_PUSH).default([]),
  comments: z.array(WireCommentSchema).max(5000).default([]),
  rundowns: z.array(PushRundownSchema).max(MAX_PUSH).default([]),
  docs: z.array(WireDocSchema).max(5000).default([]),
});
export type PushRequest = z.input<typeof PushRequestSchema>;

/**
 * What became of one pushed thing. `conflict`: the server has a newer version than the one the
 * change was made on (the current one comes back). `refused`: the sender may not do it (the
 * message says why). `leased`: someone else is editing the story; try again when they are done.
 */
export type PushOutcome =
  | { type: 'story' | 'rundown'; id: string; result: 'accepted'; version: number }
  | { type: 'story'; id: string; result: 'conflict'; current: StoryChange }
  | { type: 'rundown'; id: string; result: 'conflict'; current: RundownChange }
  /**
   * Made on a newer version: the desk's changes made again on it; `current` is the outcome.
   * `clashes`: values the desk set that another desk had changed meanwhile (the desk's stand).
   */
  | {
      type: 'rundown';
      id: string;
      result: 'merged';
      version: number;
      current: RundownChange;
      clashes?: ValueClash[];
    }
  | { type: 'story'; id: string; result: 'leased'; message: string }
  /**
   * `waits`: refused for now, for something the newsroom does not have yet (a rundown's story):
   * the desk sends it again after that; otherwise not until it changes again.
   */
  | {
      type: 'story' | 'rundown' | 'comment' | 'doc';
      id: string;
      result: 'refused';
      message: string;
      waits?: true;
    }
  | { type: 'comment' | 'doc'; id: string; result: 'accepted' };

export type PushResponse = { outcomes: PushOutcome[]; cursor: number };

/** A story as the server holds it now. */
export type StoryChange = {
  type: 'story';
  seq: number;
  id: string;
  version: number;
  /** Null once deleted. */
  story: z.infer<typeof StorySchema> | null;
  headRevision: string | null;
};
export type RevisionChange = { type: 'revision'; seq: number; revision: WireRevision };
export type CommentChange = { type: 'comment'; seq: number; comment: WireComment };
export type RundownChange = {
  type: 'rundown';
  seq: number;
  id: string;
  version: number;
  rundown: z.infer<typeof RundownSchema> | null;
};
export type HistoryChange = { type: 'rundownHistory'; seq: number; entry: WireHistoryEntry };
export type DocChange = { type: 'doc'; seq: number; doc: WireDoc };
export type LeaseChange = { type: 'lease'; seq: number; storyId: string; lease: Lease | null };

export type Change =
  | StoryChange
  | RevisionChange
  | CommentChange
  | RundownChange
  | HistoryChange
  | DocChange
  | LeaseChange;

/** "Park Ji-won is editing": who holds a story for editing, from which desk, until when. */
export type Lease = {
  storyId: string;
  userId: string;
  holder: string;
  desk: string;
  deskLabel: string;
  since: string;
  expiresAt: string;
  /** Why it was taken over, when it was. */
  note: string;
};

export type ChangesPage = {
  changes: Change[];
  /** Up to where this page reaches: the next page starts after it. */
  cursor: number;
  /** More changes wait after this page. */
  more: boolean;
  serverTime: string;
};

/** What the live WebSocket carries, server to desk. */
export type LiveMessage =
  ({ type: 'changes' } & ChangesPage) | { type: 'error'; code: string; message: string };

/** What a desk says on the live WebSocket. */
export const LiveRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('since'),
    cursor: z.int().min(0),
    days: z.int().min(1).max(3650).optional(),
  }),
]);

export const LeaseRequestSchema = z.strictObject({
  storyId: z.uuid(),
  action: z.enum(['take', 'renew', 'release', 'takeOver']),
  desk: z.uuid(),
  deskLabel: z.string().max(120).default(''),
  /** Why an editor takes a script over; stays in the story's history. */
  note: z.string().trim().max(2000).default(''),
});
export type LeaseRequest = z.input<typeof LeaseRequestSchema>;

export type LeaseResponse = { lease: Lease | null; serverTime: string };

export const SearchRequestSchema = z.strictObject({
  query: z.string().max(500),
  status: z.enum(STORY_STATUSES).optional(),
  limit: z.int().min(1).max(200).default(50),
});
export type SearchRequest = z.input<typeof SearchRequestSchema>;

export type NewsroomSearchHit = {
  id: string;
  slug: string;
  status: z.infer<typeof StorySchema>['status'];
  format: z.infer<typeof StorySchema>['format'];
  presenter: string;
  reporter: string;
  tags: string[];
  updatedAt: string;
  snippet: string;
};

export const FetchRequestSchema = z.strictObject({ ids: z.array(z.uuid()).min(1).max(200) });

/** Everything the server holds of one story: what a desk needs to open one it does not have. */
export type StoryBundle = {
  story: StoryChange;
  revisions: WireRevision[];
  comments: WireComment[];
};

/** An error the server answers with: the same codes as the desk's own. */
export type ServerErrorBody = { error: { code: string; message: string } };
