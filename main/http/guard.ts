import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { CONTENT_SECURITY_POLICY } from './csp';

/**
 * What every loopback server of Copydesk checks before anything else (browser mode, the
 * prompter's remote control): that the request names this server in its Host header (against DNS
 * rebinding), that it carries the run's token, and where a browser says it comes from.
 */

/** Our servers bind here and nowhere else: nothing of Copydesk is on the network. */
export const LOOPBACK = '127.0.0.1';

/** The token as logs may show it: enough to tell two runs apart, never enough to use. */
export function redactToken(token: string): string {
  return `${token.slice(0, 4)}…`;
}

export function tokenMatches(token: string, candidate: string | undefined): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token a request carries: a bearer header, or (when a cookie name is given) that cookie. */
export function requestToken(req: IncomingMessage, cookie?: string): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  if (cookie === undefined) return undefined;
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === cookie) return value.join('=');
  }
  return undefined;
}

/** True when the Host header names this server on the loopback address (or localhost). */
export function hostIsOurs(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host ?? '';
  return host === `${LOOPBACK}:${port}` || host === `localhost:${port}`;
}

/**
 * True when a browser says the request comes from elsewhere: an Origin that is not `origin`
 * (or any Origin at all, when `origin` is null: a server no web page should ever call), or a
 * Sec-Fetch-Site other than same-origin or none. A browser says it twice; either one is enough.
 */
export function fromElsewhere(req: IncomingMessage, origin: string | null): boolean {
  const site = req.headers['sec-fetch-site'];
  return (
    (req.headers.origin !== undefined && req.headers.origin !== origin) ||
    (site !== undefined && site !== 'same-origin' && site !== 'none')
  );
}

/** Sends a whole answer with the headers every answer of ours carries. */
export function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  // Nothing a server of ours sends — story text above all — may land in a disk cache.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.end(body);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  send(res, status, 'text/plain; charset=utf-8', text);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

/** A request body up to `limit` bytes; null when it is larger. */
export function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export const MISDIRECTED = 'Misdirected request: this server answers only to 127.0.0.1.';
