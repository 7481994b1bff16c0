import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ServiceHandlers } from '../../shared/ipc/contract';
import { invokeService } from '../services/serviceTable';
import { CONTENT_SECURITY_POLICY } from '../http/csp';
import { contentTypeFor } from '../http/mime';

/** Browser mode binds here and nowhere else: the archive is never on the network. */
export const LOOPBACK = '127.0.0.1';
/** Browsers keep cookies per host, not per port: each server's cookie carries its port. */
export function tokenCookieName(port: number): string {
  return `copydesk_token_${port}`;
}
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * A client gets this long to send its headers, and this long for the whole request; the server
 * looks for overdue sockets every second. (Node's defaults hold a slow-header socket ~80 s.)
 */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 60_000;

export type WebServerOptions = {
  /** The service table, or a way to get the current one (the archive can change while serving). */
  services: ServiceHandlers | (() => ServiceHandlers);
  rendererDir: string;
  port?: number;
  /** Fixed only in tests; a fresh random token is made for every run otherwise. */
  token?: string;
  /** Shorter only in tests. */
  timeouts?: { headersMs: number; requestMs: number };
  log?: (line: string) => void;
};

export type WebServer = {
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
};

/** The token as logs may show it: enough to tell two runs apart, never enough to use. */
export function redactToken(token: string): string {
  return `${token.slice(0, 4)}…`;
}

/**
 * The renderer and the service table over HTTP on 127.0.0.1. Every request must carry the
 * per-run token (cookie or bearer header); the Host header must name this server (DNS-rebinding)
 * and an API call's Origin, when sent, must be this server's own. No CORS headers are ever sent.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const log = options.log ?? (() => {});
  let port = 0;
  const hosts = () => new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  const cookie = () => tokenCookieName(port);
  const timeouts = options.timeouts ?? {
    headersMs: HEADERS_TIMEOUT_MS,
    requestMs: REQUEST_TIMEOUT_MS,
  };

  const server = createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: Math.min(1000, timeouts.headersMs / 2),
    },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        log(`[web] ${req.method} ${redactUrl(req.url)} failed: ${(error as Error).message}`);
        if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      });
    },
  );

  function redactUrl(url: string | undefined): string {
    return (url ?? '').replace(/token=[^&]*/g, `token=${redactToken(token)}`);
  }

  function tokenMatches(candidate: string | undefined): boolean {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  function requestToken(req: IncomingMessage): string | undefined {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) return auth.slice(7);
    for (const part of (req.headers.cookie ?? '').split(';')) {
      const [name, ...value] = part.trim().split('=');
      if (name === cookie()) return value.join('=');
    }
    return undefined;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (!hosts().has(host)) {
      return send(
        res,
        421,
        'text/plain; charset=utf-8',
        'Misdirected request: this server answers only to 127.0.0.1.',
      );
    }
    // The page's own origin: a page opened at localhost:PORT is as much ours as 127.0.0.1:PORT.
    const origin = `http://${host}`;
    const url = new URL(req.url ?? '/', origin);
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'Malformed address.');
    }
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null) {
      if (!tokenMatches(queryToken))
        return send(res, 401, 'text/plain; charset=utf-8', 'Wrong or expired token.');
      // Trade the token in the URL for a cookie, and drop it from the address bar and history.
      res.setHeader('Set-Cookie', `${cookie()}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      res.setHeader('Location', '/');
      return send(res, 303, 'text/plain; charset=utf-8', '');
    }
    if (!tokenMatches(requestToken(req))) {
      return send(
        res,
        401,
        'text/plain; charset=utf-8',
        'Copydesk browser mode needs its access token: open the full URL that `copydesk web` printed.',
      );
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST.');
      // A browser says where a request comes from twice; either one pointing elsewhere is refused.
      const site = req.headers['sec-fetch-site'];
      if (
        (req.headers.origin !== undefined && req.headers.origin !== origin) ||
        (site !== undefined && site !== 'same-origin' && site !== 'none')
      ) {
        return send(res, 403, 'text/plain; charset=utf-8', 'Cross-origin requests are refused.');
      }
      if (!isJsonContentType(req.headers['content-type'])) {
        return send(res, 415, 'text/plain; charset=utf-8', 'Send JSON.');
      }
      const body = await readBody(req);
      if (body === null) return send(res, 413, 'text/plain; charset=utf-8', 'Request too large.');
      let input: unknown;
      try {
        input = JSON.parse(body);
      } catch {
        return send(res, 400, 'text/plain; charset=utf-8', 'The request body is not JSON.');
      }
      const channel = pathname.slice('/api/'.length);
      const services =
        typeof options.services === 'function' ? options.services() : options.services;
      const result = await invokeService(services, channel, input);
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed.');
    return serveStatic(pathname, res);
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = normalize(join(options.rendererDir, relative));
    if (!file.startsWith(normalize(options.rendererDir + sep)))
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found.');
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found.');
    }
    return send(res, 200, contentTypeFor(file), content);
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${LOOPBACK}:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  // Nothing the server sends — story text above all — may land in a disk cache.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.end(body);
}

/** `application/json`, with at most a UTF-8 charset: not a prefix such as `application/jsonx`. */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type, ...parameters] = header.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.every((p) => p === '' || /^charset="?utf-8"?$/.test(p));
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
