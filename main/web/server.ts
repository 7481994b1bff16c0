import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ServiceHandlers } from '../../shared/ipc/contract';
import { invokeService } from '../services/serviceTable';
import { contentTypeFor } from '../http/mime';
import { createPrompterHub } from '../prompter/hub';
import { createRemoteHost } from '../prompter/remoteHost';
import { createOperatorSockets } from '../prompter/operatorLink';
import { OPERATOR_LINK_PATH } from '../../shared/prompter/remote';
import {
  fromElsewhere,
  hostIsOurs,
  LOOPBACK,
  MISDIRECTED,
  readBody,
  redactToken,
  requestToken,
  send,
  sendText,
  tokenMatches,
} from '../http/guard';

export { LOOPBACK, redactToken };
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

/**
 * The renderer and the service table over HTTP on 127.0.0.1. Every request must carry the
 * per-run token (cookie or bearer header); the Host header must name this server (DNS-rebinding)
 * and an API call's Origin, when sent, must be this server's own. No CORS headers are ever sent.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const log = options.log ?? (() => {});
  let port = 0;
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

  // The prompter's operator window links to main over a WebSocket on this server; remote
  // controls reach it on a loopback server of their own, with a token of their own.
  const hub = createPrompterHub();
  const remote = createRemoteHost({ hub, log });
  const operators = createOperatorSockets({ hub, remote });
  server.on('upgrade', (req, socket, head) => {
    // The page's own origin, as for the API: 127.0.0.1:PORT or localhost:PORT.
    const origin = `http://${req.headers.host}`;
    const path = new URL(req.url ?? '/', `http://${LOOPBACK}:${port}`).pathname;
    const allowed =
      hostIsOurs(req, port) &&
      !fromElsewhere(req, origin) &&
      tokenMatches(token, requestToken(req, cookie())) &&
      path === OPERATOR_LINK_PATH;
    if (allowed) operators.accept(req, socket, head);
    else socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });

  function redactUrl(url: string | undefined): string {
    return (url ?? '').replace(/token=[^&]*/g, `token=${redactToken(token)}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostIsOurs(req, port)) return sendText(res, 421, MISDIRECTED);
    // The page's own origin: a page opened at localhost:PORT is as much ours as 127.0.0.1:PORT.
    const origin = `http://${req.headers.host}`;
    const url = new URL(req.url ?? '/', origin);
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'Malformed address.');
    }
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null) {
      if (!tokenMatches(token, queryToken))
        return send(res, 401, 'text/plain; charset=utf-8', 'Wrong or expired token.');
      // Trade the token in the URL for a cookie, and drop it from the address bar and history.
      res.setHeader('Set-Cookie', `${cookie()}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      res.setHeader('Location', '/');
      return send(res, 303, 'text/plain; charset=utf-8', '');
    }
    if (!tokenMatches(token, requestToken(req, cookie()))) {
      return send(
        res,
        401,
        'text/plain; charset=utf-8',
        'Copydesk browser mode needs its access token: open the full URL that `copydesk web` printed.',
      );
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST.');
      if (fromElsewhere(req, origin)) {
        return send(res, 403, 'text/plain; charset=utf-8', 'Cross-origin requests are refused.');
      }
      if (!isJsonContentType(req.headers['content-type'])) {
        return send(res, 415, 'text/plain; charset=utf-8', 'Send JSON.');
      }
      const body = await readBody(req, MAX_BODY_BYTES);
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
        operators.close();
        void remote.close();
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}

/** `application/json`, with at most a UTF-8 charset: not a prefix such as `application/jsonx`. */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type, ...parameters] = header.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.every((p) => p === '' || /^charset="?utf-8"?$/.test(p));
}
