import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '../archive/open';
import { createServices } from '../services/serviceTable';
import WebSocket from 'ws';
import {
  HEADERS_TIMEOUT_MS,
  redactToken,
  startWebServer,
  tokenCookieName,
  type WebServer,
} from './server';

type Reply = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
};

/** A raw HTTP request, so the test can send any Host and Origin a browser or an attacker might. */
function send(
  server: WebServer,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser mode server', () => {
  let server: WebServer;
  const logged: string[] = [];
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-web-'));
    const rendererDir = join(dir, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Copydesk</title>');
    writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
    const archive = openArchive(join(dir, 'a.sqlite'));
    server = await startWebServer({
      services: createServices({ archive, version: 'test' }),
      rendererDir,
      log: (l) => logged.push(l),
    });
  });
  afterAll(() => server.close());

  const cookie = () => `${tokenCookieName(server.port)}=${server.token}`;
  const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    send(server, `/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie(), ...headers },
      body: JSON.stringify(body),
    });

  it('listens on 127.0.0.1 only and prints a URL carrying the token', () => {
    expect(server.url).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{43}$`),
    );
  });

  it('trades the URL token for an HttpOnly SameSite cookie and drops it from the address', async () => {
    const reply = await send(server, `/?token=${server.token}`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    expect(String(reply.headers['set-cookie'])).toMatch(
      new RegExp(`copydesk_token_${server.port}=.+; HttpOnly; SameSite=Strict`),
    );
  });

  it('refuses every request without the token, pages and API alike', async () => {
    expect((await send(server, '/')).status).toBe(401);
    expect((await send(server, '/?token=wrong')).status).toBe(401);
    expect(
      (await api('app.info', {}, { cookie: `${tokenCookieName(server.port)}=guess` })).status,
    ).toBe(401);
  });

  it('serves the renderer with the CSP to a request with the token', async () => {
    const reply = await send(server, '/', { headers: { cookie: cookie() } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const reply = await send(server, '/', {
      headers: { cookie: cookie(), host: `evil.example:${server.port}` },
    });
    expect(reply.status).toBe(421);
  });

  it('refuses an API call from another origin, and sends no CORS headers', async () => {
    const reply = await api('app.info', {}, { origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    expect(
      (
        await send(server, '/api/app.info', {
          method: 'OPTIONS',
          headers: { cookie: cookie(), origin: 'http://evil.example' },
        })
      ).status,
    ).toBe(405);
  });

  it('answers API calls from its own origin or with a bearer token', async () => {
    const own = await api('app.info', {}, { origin: server.origin });
    expect(JSON.parse(own.body)).toMatchObject({ ok: true, value: { version: 'test' } });
    const bearer = await send(server, '/api/tags.list', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
      body: '{}',
    });
    expect(JSON.parse(bearer.body)).toEqual({ ok: true, value: [] });
  });

  it('returns validation failures as error values', async () => {
    const reply = await api('stories.get', { id: 42 });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.parse((await api('no.such.channel', {})).body)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(
      (
        await send(server, '/api/app.info', {
          method: 'POST',
          headers: { cookie: cookie(), 'content-type': 'application/json' },
          body: '{not json',
        })
      ).status,
    ).toBe(400);
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
    ]) {
      const reply = await send(server, path, { headers: { cookie: cookie() } });
      expect(reply.body).not.toContain('outside the renderer');
    }
  });

  it('never logs the token in full', async () => {
    await send(server, `/?token=${server.token}x`);
    expect(logged.join('\n')).not.toContain(server.token);
    expect(redactToken(server.token)).toHaveLength(5);
  });

  it('is reachable on the loopback address only', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    // Every address the machine has besides 127.0.0.1 must refuse the connection.
    for (const host of [external, '::1'].filter((h): h is string => h !== undefined)) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host, port: server.port });
        socket.once('connect', () => (socket.destroy(), resolve('connected')));
        socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
      expect(outcome, host).not.toBe('connected');
    }
  });

  it('refuses a cross-site fetch even when the browser would attach the cookie', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const reply = await api('tags.list', {}, { 'sec-fetch-site': site });
      expect(reply.status, site).toBe(403);
    }
    expect((await api('tags.list', {}, { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await api('tags.list', {}, { origin: 'null' })).status).toBe(403);
  });

  it('lets nothing be cached: pages and API answers alike', async () => {
    expect(
      (await send(server, '/', { headers: { cookie: cookie() } })).headers['cache-control'],
    ).toBe('no-store');
    expect((await api('tags.list', {})).headers['cache-control']).toBe('no-store');
  });

  it('answers a malformed address with 400, and logs neither it nor the token', async () => {
    const before = logged.length;
    const reply = await send(server, `/api/%E0%A4%A?token=${server.token}`, {
      method: 'POST',
      headers: { cookie: cookie(), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(reply.status).toBe(400);
    expect(logged.slice(before).join('\n')).not.toContain(server.token);
  });

  it('never sends CORS headers, whatever is asked', async () => {
    for (const method of ['OPTIONS', 'GET', 'POST']) {
      const reply = await send(server, '/api/app.info', {
        method,
        headers: {
          cookie: cookie(),
          origin: 'http://evil.example',
          'access-control-request-method': 'POST',
          'content-type': 'application/json',
        },
        body: method === 'POST' ? '{}' : undefined,
      });
      expect(
        Object.keys(reply.headers).filter((h) => h.startsWith('access-control-')),
        method,
      ).toEqual([]);
    }
  });

  it('links the prompter’s operator window over a WebSocket of its own origin, with the cookie', async () => {
    const link = (headers: Record<string, string>) =>
      new WebSocket(`ws://127.0.0.1:${server.port}/prompter/link`, { headers });
    const ws = link({ cookie: cookie(), origin: server.origin });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.send(JSON.stringify({ type: 'hello', remotePort: 0 }));
    const hello = await new Promise<string>((resolve) =>
      ws.once('message', (d) => resolve(d.toString())),
    );
    const access = JSON.parse(hello) as { type: string; access: { url: string; token: string } };
    expect(access.type).toBe('access');
    expect(access.access.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/prompter\/$/);
    // The remote control's token is its own: the browser-mode token opens no remote door.
    expect(access.access.token).not.toBe(server.token);
    ws.close();

    const tries: Record<string, string>[] = [
      { origin: server.origin },
      { cookie: cookie(), origin: 'http://evil.example' },
      { cookie: cookie(), origin: server.origin, host: `evil.example:${server.port}` },
    ];
    for (const headers of tries) {
      const refused = link(headers);
      const status = await new Promise<number>((resolve) =>
        refused.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
      );
      expect(status).toBe(403);
    }
  });

  it('answers a page opened at localhost:PORT, which the README promises works', async () => {
    const reply = await api(
      'tags.list',
      {},
      { host: `localhost:${server.port}`, origin: `http://localhost:${server.port}` },
    );
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: [] });
    // An origin that is not the page's own host is still refused.
    const mixed = await api('tags.list', {}, { origin: `http://localhost:${server.port + 1}` });
    expect(mixed.status).toBe(403);
  });

  it('names its cookie after its port, so two servers do not sign each other out', async () => {
    const reply = await send(server, `/?token=${server.token}`);
    expect(String(reply.headers['set-cookie'])).toMatch(
      new RegExp(`^copydesk_token_${server.port}=`),
    );
    // Another server's cookie, sent alongside, changes nothing.
    const both = await api(
      'tags.list',
      {},
      { cookie: `${tokenCookieName(server.port + 1)}=other; ${cookie()}` },
    );
    expect(both.status).toBe(200);
    const onlyOther = await api('tags.list', {}, { cookie: `copydesk_token=${server.token}` });
    expect(onlyOther.status).toBe(401);
  });

  it('takes JSON only: application/json, with at most a UTF-8 charset, not a prefix of it', async () => {
    const typed = (type: string) => api('tags.list', {}, { 'content-type': type });
    expect((await typed('application/json')).status).toBe(200);
    expect((await typed('application/json; charset=utf-8')).status).toBe(200);
    expect((await typed('Application/JSON;charset=UTF-8')).status).toBe(200);
    for (const type of [
      'application/jsonx',
      'application/json-patch+json',
      'application/json, text/plain',
      'application/json; charset=latin1',
      'text/plain',
    ])
      expect((await typed(type)).status, type).toBe(415);
  });
});

describe('browser mode server timeouts', () => {
  it('closes a socket that sends its headers too slowly instead of holding it', async () => {
    expect(HEADERS_TIMEOUT_MS).toBeLessThanOrEqual(10_000);
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-web-'));
    const archive = openArchive(join(dir, 'a.sqlite'));
    const server = await startWebServer({
      services: createServices({ archive, version: 'test' }),
      rendererDir: dir,
      timeouts: { headersMs: 1000, requestMs: 2000 },
    });
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: server.port });
      socket.on('connect', () =>
        socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n`),
      );
      // A slow-loris client: one header byte now and then, never the blank line.
      const drip = setInterval(() => socket.writable && socket.write('X'), 200);
      let reply = '';
      socket.on('data', (c: Buffer) => (reply += c.toString()));
      socket.on('close', () => {
        clearInterval(drip);
        resolve(reply.split('\r\n')[0] ?? '');
      });
      socket.on('error', () => undefined);
    });
    expect(outcome).toMatch(/^(HTTP\/1\.1 408|)/);
    await server.close();
    archive.close();
  }, 15_000);
});
