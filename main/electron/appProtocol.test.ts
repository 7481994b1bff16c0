import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../http/csp';
import { createAppProtocolHandler } from './appProtocol';
import { APP_ENTRY, APP_SCHEME_PRIVILEGES } from './protocol';

const BUILT = new URL('../../out/renderer/', import.meta.url).pathname;
if (!existsSync(join(BUILT, 'index.html')))
  throw new Error('These tests read the built renderer: run `npm run build` first.');

/** Directive name → sources, from a CSP string. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** What every policy of ours must say, wherever it is delivered. */
function expectLockedDown(policy: string): void {
  const csp = directives(policy);
  expect(csp.get('default-src')).toEqual(["'none'"]);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('worker-src')).toEqual(["'self'"]);
  expect(csp.get('style-src')).toEqual(["'self'"]);
  expect(csp.get('connect-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
  expect(policy).not.toMatch(/unsafe-|https?:|\*|wss?:/);
}

const handler = createAppProtocolHandler(BUILT);

describe('the app:// protocol', () => {
  it('is a secure standard origin that cannot bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true });
  });

  it('serves the built renderer with the CSP header on every response', async () => {
    const page = await handler(new Request(APP_ENTRY));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expectLockedDown(page.headers.get('content-security-policy')!);

    const asset = readdirSync(join(BUILT, 'assets')).find((f) => f.endsWith('.js'))!;
    const script = await handler(new Request(`app://copydesk/assets/${asset}`));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);

    const missing = await handler(new Request('app://copydesk/nope.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('serves nothing outside the renderer folder, and nothing but reads', async () => {
    for (const url of [
      'app://copydesk/..%2f..%2fpackage.json',
      'app://other/index.html',
      'file:///etc/passwd',
    ])
      expect((await handler(new Request(url))).status, url).toBe(404);
    expect((await handler(new Request(APP_ENTRY, { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('the built index.html', () => {
  const html = readFileSync(join(BUILT, 'index.html'), 'utf8');

  it('carries the same locked-down CSP in a meta tag', () => {
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta).not.toBeNull();
    expectLockedDown(meta![1]!);
    // The meta policy may leave out only what a meta tag cannot carry.
    const header = directives(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    expect(directives(meta![1]!)).toEqual(header);
  });

  it('has no inline script, no inline style and nothing remote', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\ssrc="\.\/assets\/[^"]+\.js"/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
