/**
 * The renderer's Content-Security-Policy, sent by browser mode and by Electron's app:// protocol
 * alike: only our own scripts and styles, no inline script, no remote anything. Workers (the
 * history's word diff) only from our own files, said outright rather than left to fallbacks.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
