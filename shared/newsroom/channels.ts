import { z } from 'zod';
import { channel } from '../ipc/channel';
import type { Story } from '../story/model';
import {
  PASSWORD_MIN,
  PasswordSchema,
  UserNameSchema,
  type Identity,
  type NewsroomSearchHit,
} from './protocol';

/**
 * The desk's side of the newsroom, as the renderer and the CLI see it: connect and sign in, what
 * the connection is doing, leases ("Park Ji-won is editing"), live events, and the whole
 * newsroom's search. Spread into the contract like the rundown channels.
 */

/** What the desk's connection is doing now. */
export const NEWSROOM_STATES = [
  /** This desk works alone (no newsroom server). */
  'alone',
  /** Connected and exchanging changes. */
  'online',
  /** The server cannot be reached: work goes on here and goes up later. */
  'offline',
  /** The server no longer knows this desk's sign-in: sign in again. */
  'signedOut',
] as const;
export type NewsroomState = (typeof NEWSROOM_STATES)[number];

export type NewsroomStatus = {
  state: NewsroomState;
  url: string | null;
  identity: Identity | null;
  /** Changes made here that have not gone up yet. */
  pending: number;
  /** Stories whose newsroom version and this desk's both changed: a person settles them. */
  conflicts: { id: string; slug: string }[];
  /** What the server refused or holds back, and why. */
  notices: { kind: string; id: string; label: string; message: string; at: string }[];
  lastSyncAt: string | null;
  keepDays: number;
  /** The last problem reaching the server, in words; null when all is well. */
  problem: string | null;
};

export type SyncSummary = {
  sent: number;
  received: number;
  conflicts: number;
  refused: number;
  waiting: number;
};

/** Who is editing a story, as a desk shows it. */
export type LeaseView = {
  storyId: string;
  holder: string;
  /** The lease is this desk's own. */
  mine: boolean;
  /** Held by the same person from another desk. */
  sameUser: boolean;
  deskLabel: string;
  since: string;
  note: string;
};

/** Something a window should redraw for: a story or rundown came in, a lease or the state changed. */
export type NewsroomEvent =
  | { type: 'story'; id: string }
  | { type: 'rundown'; id: string }
  | { type: 'lease'; storyId: string; lease: LeaseView | null }
  /** Another desk's pronouncers arrived: the editor's hints read the dictionary again. */
  | { type: 'pronouncers' }
  /** Something the producer is told at once (and finds later in the newsroom's notices). */
  | { type: 'notice'; kind: 'rundown'; id: string; label: string; message: string }
  | { type: 'status' };

export const KEEP_DAYS_DEFAULT = 90;

export const newsroomChannels = {
  'newsroom.status': channel(z.strictObject({})).returns<NewsroomStatus>(),
  'newsroom.connect': channel(
    z.strictObject({
      url: z
        .string()
        .trim()
        .max(2000)
        .refine(
          (u) => /^https?:\/\/[^\s/]+/.test(u),
          'the server address starts with http:// or https://',
        ),
      name: UserNameSchema,
      password: z.string().min(1, 'type the password').max(256),
      /** A new password, when the one typed was the one-time password. */
      newPassword: PasswordSchema.optional(),
      /** Stories not changed for this many days leave the desk (the newsroom keeps them). */
      keepDays: z.int().min(1).max(3650).default(KEEP_DAYS_DEFAULT),
    }),
  ).returns<NewsroomStatus>(),
  'newsroom.disconnect': channel(z.strictObject({})).returns<NewsroomStatus>(),
  /** Takes a notice (`NewsroomStatus.notices`) away once it has been read. */
  'newsroom.dismissNotice': channel(
    z.strictObject({ kind: z.string().min(1).max(40), id: z.string().min(1).max(200) }),
  ).returns<NewsroomStatus>(),
  /** Sends what changed here and takes in what changed in the newsroom, once, now. */
  'newsroom.sync': channel(z.strictObject({})).returns<SyncSummary>(),
  /**
   * Events after `after`, waiting up to `waitMs` for one when there is none yet (a window polls
   * this to see changes from other desks within a second).
   */
  'newsroom.events': channel(
    z.strictObject({ after: z.int().min(0), waitMs: z.int().min(0).max(30_000).default(25_000) }),
  ).returns<{ cursor: number; events: NewsroomEvent[] }>(),
  'newsroom.lease': channel(
    z.strictObject({
      storyId: z.uuid(),
      action: z.enum(['take', 'release', 'takeOver']),
      note: z.string().trim().max(2000).default(''),
    }),
  ).returns<LeaseView | null>(),
  'newsroom.leases': channel(z.strictObject({})).returns<LeaseView[]>(),
  'newsroom.search': channel(
    z.strictObject({ query: z.string().max(500), limit: z.int().min(1).max(200).default(50) }),
  ).returns<{ hits: (NewsroomSearchHit & { onDesk: boolean })[] }>(),
  /** Brings a story this desk does not hold from the newsroom, to open it (and keeps it here). */
  'newsroom.open': channel(z.strictObject({ id: z.uuid() })).returns<Story>(),
} as const;

export { PASSWORD_MIN };
