import { normalize, join, sep } from 'node:path';

/** The renderer is served from app://copydesk/, never from file:// (Electron security checklist). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'copydesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/**
 * What app:// may do: behave as a standard, secure origin with fetch. Deliberately not
 * bypassCSP, corsEnabled, allowServiceWorkers or stream: the CSP holds and nothing else may read it.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
} as const;

/** Maps an app:// URL to a file inside the renderer folder; null for anything else or outside it. */
export function resolveAppUrl(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const file = normalize(join(rendererDir, path === '/' ? 'index.html' : path));
  const root = normalize(rendererDir.endsWith(sep) ? rendererDir : rendererDir + sep);
  return file.startsWith(root) ? file : null;
}

/** True when a URL belongs to our own renderer. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
