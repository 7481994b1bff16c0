import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import type { z } from 'zod';
import {
  FetchRequestSchema,
  LeaseRequestSchema,
  LoginRequestSchema,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type HealthResponse,
  PushRequestSchema,
  SearchRequestSchema,
  type PushOutcome,
  type StoryBundle,
  type WireComment,
  type WireRevision,
} from '../../shared/newsroom/protocol';
import { endSession, sessionFor, signIn, type Session } from './accounts';
import { changesSince, committedSeq, PAGE_LIMIT } from './changes';
import { inChange } from './db';
import { NewsroomError } from './errors';
import { handleLease } from './leases';
import { pushComment, pushDoc, pushRundown, pushStory, storyChange } from './push';
import { searchNewsroom } from './search';

/** The newsroom's HTTP API: JSON in, JSON out, every route but sign-in behind a session. */

const MAX_BODY_BYTES = 32 * 1024 * 1024;

export type ApiOptions = {
  pool: Pool;
  version: string;
  sessionDays: number;
  leaseSeconds: number;
  log: (line: string) => void;
};

/**
 * Refuses a desk whose link is older than this server's, in words its person can act on: what
 * this server sends (a show detail's clash, history entries naming their `field`) would be
 * refused by the desk's own checks, or misread. A desk from before version 2 names no version.
 */
export function requireCurrentDesk(req: IncomingMessage): void {
  const named = Number(req.headers[PROTOCOL_HEADER]);
  if (Number.isSafeInteger(named) && named >= PROTOCOL_VERSION) return;
  const version = Number.isSafeInteger(named) && named > 0 ? named : 1;
  throw new NewsroomError(
    'DESK_OUTDATED',
    `This desk's Copydesk is older than the newsroom server (its link is version ${version}, the server's ${PROTOCOL_VERSION}): update Copydesk on this desk to connect. Its work stays on this desk until then.`,
  );
}

export function bearer(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new NewsroomError('TOO_LARGE', 'The request is too large.');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new NewsroomError('INVALID_INPUT', 'The request is not JSON.');
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` (at ${issue.path.join('.')})` : '';
  throw new NewsroomError('INVALID_INPUT', `${issue?.message ?? 'not accepted'}${where}.`);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(json);
}

export function sendError(res: ServerResponse, error: unknown, log: (line: string) => void): void {
  if (error instanceof NewsroomError) {
    send(res, error.status, { error: { code: error.code, message: error.message } });
    return;
  }
  log(`[server] internal error: ${(error as Error).stack ?? String(error)}`);
  send(res, 500, {
    error: {
      code: 'INTERNAL',
      message: 'Something went wrong on the newsroom server; the details are in its log.',
    },
  });
}

/** Every route a desk calls (`/v1/health` aside), with its method. */
const ROUTES = new Map<string, 'GET' | 'POST'>([
  ['/v1/login', 'POST'],
  ['/v1/whoami', 'GET'],
  ['/v1/logout', 'POST'],
  ['/v1/push', 'POST'],
  ['/v1/changes', 'GET'],
  ['/v1/stories', 'POST'],
  ['/v1/search', 'POST'],
  ['/v1/leases', 'POST'],
]);

export function apiHandler(options: ApiOptions) {
  const { pool, log } = options;

  async function session(req: IncomingMessage): Promise<Session> {
    return sessionFor(pool, bearer(req));
  }

  async function push(s: Session, body: unknown) {
    const request = parse(PushRequestSchema, body);
    const outcomes = await inChange(pool, async (tx) => {
      const out: PushOutcome[] = [];
      // Stories first, so a rundown or comment finds the story it needs; deletions after the
      // rundowns that let go of them.
      const stories = request.stories.filter((s) => s.story !== null);
      const deletions = request.stories.filter((s) => s.story === null);
      for (const item of stories) out.push(await pushStory(tx, s, item, options.leaseSeconds));
      for (const comment of request.comments) out.push(await pushComment(tx, s, comment));
      for (const item of request.rundowns) out.push(await pushRundown(tx, s, item));
      for (const item of deletions) out.push(await pushStory(tx, s, item, options.leaseSeconds));
      for (const doc of request.docs) out.push(await pushDoc(tx, s, doc));
      return out;
    });
    return { outcomes, cursor: await committedSeq(pool) };
  }

  async function bundles(body: unknown): Promise<{ stories: StoryBundle[] }> {
    const { ids } = parse(FetchRequestSchema, body);
    const stories = await pool.query(
      'SELECT id, version, story, head_revision, deleted, seq FROM stories WHERE id = ANY($1::uuid[])',
      [ids],
    );
    const revisions = await pool.query<WireRevision & { storyId: string }>(
      `SELECT id, story_id AS "storyId", parent_id AS "parentId", at, author, kind, note, story
       FROM revisions WHERE story_id = ANY($1::uuid[]) ORDER BY at`,
      [ids],
    );
    const comments = await pool.query<WireComment>(
      `SELECT id, story_id AS "storyId", thread_id AS "threadId", author, at, body, quote,
              resolved_at AS "resolvedAt", resolved_by AS "resolvedBy"
       FROM comments WHERE story_id = ANY($1::uuid[]) ORDER BY at`,
      [ids],
    );
    return {
      stories: stories.rows
        .filter((row) => !row.deleted)
        .map((row) => ({
          story: storyChange(row),
          revisions: revisions.rows.filter((r) => r.storyId === row.id),
          comments: comments.rows.filter((c) => c.storyId === row.id),
        })),
    };
  }

  async function route(req: IncomingMessage, url: URL): Promise<unknown> {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (path === '/v1/health' && method === 'GET')
      return {
        ok: true,
        version: options.version,
        protocol: PROTOCOL_VERSION,
      } satisfies HealthResponse;
    if (ROUTES.get(path) !== method)
      throw new NewsroomError('NOT_FOUND', `There is nothing at ${method} ${path}.`);
    requireCurrentDesk(req);
    if (path === '/v1/login') {
      const request = parse(LoginRequestSchema, await readJson(req));
      const result = await signIn(pool, request, options.sessionDays);
      log(`[server] ${result.identity.name} signed in from ${request.deskLabel || request.desk}`);
      return result;
    }
    const s = await session(req);
    switch (path) {
      case '/v1/whoami':
        return { identity: s.identity, expiresAt: s.expiresAt.toISOString() };
      case '/v1/logout':
        await endSession(pool, bearer(req)!);
        return { ok: true };
      case '/v1/push':
        return push(s, await readJson(req));
      case '/v1/changes': {
        const cursor = Number(url.searchParams.get('since') ?? 0);
        const days = url.searchParams.get('days');
        if (!Number.isSafeInteger(cursor) || cursor < 0)
          throw new NewsroomError('INVALID_INPUT', 'since is a change number.');
        return changesSince(pool, {
          cursor,
          limit: PAGE_LIMIT,
          days: days === null ? undefined : Math.max(1, Math.min(3650, Number(days) || 90)),
        });
      }
      case '/v1/stories':
        return bundles(await readJson(req));
      case '/v1/search': {
        const request = parse(SearchRequestSchema, await readJson(req));
        return { hits: await searchNewsroom(pool, request) };
      }
      case '/v1/leases': {
        const request = parse(LeaseRequestSchema, await readJson(req));
        if (request.desk !== s.desk)
          throw new NewsroomError('FORBIDDEN', 'A desk takes leases for itself only.');
        return handleLease(pool, s, request, options.leaseSeconds);
      }
      default:
        throw new NewsroomError('NOT_FOUND', `There is nothing at ${method} ${path}.`);
    }
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const url = new URL(req.url ?? '/', 'http://newsroom');
      send(res, 200, await route(req, url));
    } catch (error) {
      sendError(res, error, log);
    }
  };
}
