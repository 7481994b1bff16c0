import { readFile } from 'node:fs/promises';
import { contentTypeFor } from '../http/mime';
import { CONTENT_SECURITY_POLICY } from '../http/csp';
import { resolveAppUrl } from './protocol';

export type ReadFile = (path: string) => Promise<Uint8Array>;

/** The headers every app:// response carries: the CSP above all, whatever the file. */
export function appResponseHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  });
}

/**
 * The app:// protocol handler: files from the renderer folder (inside the asar when installed;
 * Electron's fs reads it), read-only, nothing else. Reading the file ourselves rather than
 * fetching file:// keeps the handler testable and independent of file:// privileges.
 */
export function createAppProtocolHandler(rendererDir: string, read: ReadFile = readFile) {
  return async (request: Request): Promise<Response> => {
    const plain = (status: number, text: string) =>
      new Response(text, { status, headers: appResponseHeaders('text/plain; charset=utf-8') });
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Read-only.');
    const file = resolveAppUrl(request.url, rendererDir);
    if (!file) return plain(404, 'Not found.');
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return plain(404, 'Not found.');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: appResponseHeaders(contentTypeFor(file)),
    });
  };
}
