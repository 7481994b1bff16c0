import { createServer as createHttpServer, STATUS_CODES, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import pg from 'pg';
import { WebSocketServer } from 'ws';
import { LiveRequestSchema } from '../../shared/newsroom/protocol';
import { DEFAULT_SESSION_DAYS, sessionFor } from './accounts';
import { CHANGES_CHANNEL } from './db';
import { NewsroomError } from './errors';
import { apiHandler, bearer, requireCurrentDesk } from './http';
import { DEFAULT_LEASE_SECONDS, sweepLeases } from './leases';
import { checkTransport, isLoopback } from './listen';
import { liveFeed } from './live';
import { migrateNewsroom } from './migrate';

export type NewsroomServerOptions = {
  databaseUrl: string;
  host: string;
  port: number;
  /** PEM certificate and key: served over HTTPS (and WSS). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  insecureHttp?: boolean;
  version: string;
  sessionDays?: number;
  leaseSeconds?: number;
  log?: (line: string) => void;
};

export type NewsroomServer = {
  url: string;
  port: number;
  pool: pg.Pool;
  close(): Promise<void>;
};

/** How often a process checks for changes no NOTIFY announced, and sweeps lapsed leases. */
const POLL_MS = 2000;
const SWEEP_MS = 5000;
const RECHECK_MS = 60_000;

/**
 * The newsroom server: the HTTP API and the live WebSocket over one PostgreSQL database. Any
 * number of these may serve one database (behind any load balancer): every change is in the
 * database before anyone hears of it, and every process LISTENs for the others' changes.
 */
export async function startNewsroomServer(options: NewsroomServerOptions): Promise<NewsroomServer> {
  const log = options.log ?? (() => {});
  checkTransport(options.host, options.tls !== undefined, options.insecureHttp ?? false);
  const leaseSeconds = options.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
  pool.on('error', (error) => log(`[server] database connection lost: ${error.message}`));
  try {
    await migrateNewsroom(pool);
  } catch (error) {
    await pool.end();
    throw databaseError(error, options.databaseUrl);
  }

  const feed = liveFeed(pool, log);
  let closing = false;
  let listener: pg.Client | null = null;

  async function listen(): Promise<void> {
    const client = new pg.Client({ connectionString: options.databaseUrl });
    client.on('notification', () => void feed.changed());
    client.on('error', (error) => log(`[server] LISTEN connection: ${error.message}`));
    client.on('end', () => {
      if (closing) return;
      listener = null;
      setTimeout(() => void listen().catch(() => {}), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    listener = client;
    // Whatever was committed while no one listened is read now.
    await feed.changed();
  }
  await listen();

  const api = apiHandler({
    pool,
    version: options.version,
    sessionDays: options.sessionDays ?? DEFAULT_SESSION_DAYS,
    leaseSeconds,
    log,
  });
  const server: Server = options.tls
    ? createHttpsServer(
        { cert: options.tls.cert, key: options.tls.key },
        (req, res) => void api(req, res),
      )
    : createHttpServer((req, res) => void api(req, res));

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (req, socket: Duplex, head) => {
    const url = new URL(req.url ?? '/', 'http://newsroom');
    if (url.pathname !== '/v1/live') return void socket.destroy();
    const token = bearer(req);
    Promise.resolve()
      .then(() => requireCurrentDesk(req))
      .then(() => sessionFor(pool, token))
      .then(() => {
        sockets.handleUpgrade(req, socket, head, (ws) => {
          ws.once('message', (data) => {
            let request;
            try {
              request = LiveRequestSchema.parse(JSON.parse(String(data)));
            } catch {
              return void ws.close(4000, 'bad request');
            }
            feed.join(ws, request.cursor, request.days, () =>
              sessionFor(pool, token).then(
                () => true,
                () => false,
              ),
            );
          });
        });
      })
      .catch((error: unknown) => {
        // Refused in words the desk shows: a session it no longer has is signed out (401), an
        // older desk is told to update (426). Anything else is the server's own failure: the
        // desk stays signed in and tries again.
        if (!(error instanceof NewsroomError))
          log(`[server] live link: ${(error as Error).stack ?? String(error)}`);
        const [status, message] =
          error instanceof NewsroomError
            ? [error.status, error.message]
            : [500, 'Something went wrong on the newsroom server; the details are in its log.'];
        socket.end(
          `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: text/plain; charset=utf-8\r\nconnection: close\r\n\r\n${message}`,
        );
      });
  });

  const timers = [
    setInterval(() => void feed.poll().catch(() => {}), POLL_MS),
    setInterval(
      () => void sweepLeases(pool).catch((e: Error) => log(`[server] lease sweep: ${e.message}`)),
      SWEEP_MS,
    ),
    setInterval(() => void feed.recheck(), RECHECK_MS),
  ];

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  }).catch(async (error: NodeJS.ErrnoException) => {
    for (const t of timers) clearInterval(t);
    closing = true;
    await listener?.end().catch(() => {});
    await pool.end();
    throw new NewsroomError(
      'INVALID_INPUT',
      error.code === 'EADDRINUSE'
        ? `Port ${options.port} on ${options.host} is already in use: is another server running? Pick another with --listen.`
        : `Cannot listen on ${options.host}:${options.port}: ${error.message}`,
    );
  });
  const port = (server.address() as AddressInfo).port;
  const scheme = options.tls ? 'https' : 'http';
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  log(
    `[server] newsroom on ${scheme}://${host}:${port}${isLoopback(options.host) ? ' (this machine only)' : ''}`,
  );

  return {
    url: `${scheme}://${host}:${port}`,
    port,
    pool,
    async close() {
      if (closing) return;
      closing = true;
      for (const t of timers) clearInterval(t);
      feed.closeAll();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await listener?.end().catch(() => {});
      await pool.end();
    },
  };
}

/**
 * Opens the newsroom database for an administrator's command (`server user add`): brought up to
 * date first, so the first command on a fresh database sets it up. Closed after `work`.
 */
export async function withNewsroomDatabase<T>(
  url: string,
  work: (pool: pg.Pool) => Promise<T>,
): Promise<T> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => {});
  try {
    try {
      await migrateNewsroom(pool);
    } catch (error) {
      throw databaseError(error, url);
    }
    return await work(pool);
  } finally {
    await pool.end();
  }
}

/** A database that cannot be reached or used, in words. */
export function databaseError(error: unknown, url: string): Error {
  if (error instanceof NewsroomError) return error;
  const where = redactUrl(url);
  const code = (error as { code?: string }).code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT')
    return new NewsroomError(
      'ARCHIVE_UNAVAILABLE',
      `Cannot reach the newsroom database at ${where}: is PostgreSQL running there?`,
    );
  if (code === '3D000')
    return new NewsroomError(
      'ARCHIVE_UNAVAILABLE',
      `The database named in ${where} does not exist: create it first (createdb).`,
    );
  if (code === '28P01' || code === '28000')
    return new NewsroomError(
      'ARCHIVE_UNAVAILABLE',
      `PostgreSQL refused the sign-in for ${where}: check the user and password in the URL.`,
    );
  return new NewsroomError(
    'ARCHIVE_UNAVAILABLE',
    `The newsroom database at ${where} cannot be used: ${(error as Error).message}`,
  );
}

/** The database URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '…';
    return u.toString();
  } catch {
    return 'the given database URL';
  }
}
