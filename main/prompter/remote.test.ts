import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { HubMessage, PrompterState } from '../../shared/prompter/remote';
import { createPrompterHub } from './hub';
import { createRemoteHost, type RemoteHost } from './remoteHost';
import { linkOperator } from './operatorLink';

const TOKEN = 'remote-test-token-0123456789';

function state(overrides: Partial<PrompterState> = {}): PrompterState {
  return {
    title: '6 PM NEWS',
    playing: false,
    direction: 'forward',
    wpm: 180,
    story: { number: 1, page: 'A1', slug: 'HARBOR FIRE' },
    stories: 3,
    progress: 0,
    elapsedSec: 0,
    storyLeftSec: 30,
    showLeftSec: 90,
    overUnderSec: null,
    ...overrides,
  };
}

type Reply = { status: number; body: string; json: () => unknown };

function call(
  port: number,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: {
          host: `127.0.0.1:${port}`,
          authorization: `Bearer ${TOKEN}`,
          ...(options.body !== undefined && { 'content-type': 'application/json' }),
          ...options.headers,
        },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body, json: () => JSON.parse(body) as unknown }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const hosts: RemoteHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
});

/**
 * A remote host on a free port, and a stand-in for the operator's window that answers every
 * command the way the real one does: applies it to its state and says what it did.
 */
async function setup(options: { answers?: boolean } = {}) {
  const hub = createPrompterHub({ timeoutMs: 300 });
  const remote = createRemoteHost({ hub, token: TOKEN });
  hosts.push(remote);
  const received: HubMessage[] = [];
  let current = state();
  const operator = linkOperator({
    hub,
    remote,
    send: (message) => {
      received.push(message);
      if (message.type !== 'command' || options.answers === false) return;
      const c = message.command;
      let ok = true;
      let text: string | undefined;
      if (c.type === 'next')
        current = state({ ...current, story: { number: 2, page: 'A2', slug: 'CITY BUDGET' } });
      else if (c.type === 'play') current = { ...current, playing: true };
      else if (c.type === 'speed') current = { ...current, wpm: c.wpm ?? current.wpm + c.by! };
      else if (c.type === 'goto') {
        ok = false;
        text = `No story has page ${c.page}.`;
      }
      queueMicrotask(() =>
        operator.receive({
          type: 'done',
          id: message.id,
          ok,
          ...(text && { message: text }),
          state: current,
        }),
      );
    },
  });
  const access = await remote.ensure(0);
  const port = Number(new URL(access.url).port);
  return {
    hub,
    remote,
    operator,
    received,
    access,
    port,
    open: () => operator.receive({ type: 'state', state: current }),
  };
}

describe('the prompter’s remote control over HTTP', () => {
  it('answers on 127.0.0.1 with its own token, and says when no prompter is open', async () => {
    const { access, port } = await setup();
    expect(access).toEqual({ url: `http://127.0.0.1:${port}/prompter/`, token: TOKEN });
    const none = await call(port, 'GET', '/prompter/state');
    expect(none.status).toBe(409);
    expect(none.json()).toMatchObject({
      error: { code: 'NO_PROMPTER', message: expect.stringMatching(/No prompter is open/) },
    });
  });

  it('passes commands to the operator’s window and answers with what it did', async () => {
    const { port, open, received } = await setup();
    open();
    expect((await call(port, 'GET', '/prompter/state')).json()).toMatchObject({
      ok: true,
      state: { wpm: 180 },
    });
    const next = await call(port, 'POST', '/prompter/next');
    expect(next.status).toBe(200);
    expect(next.json()).toMatchObject({ ok: true, state: { story: { number: 2, page: 'A2' } } });
    expect(
      (await call(port, 'POST', '/prompter/speed', { body: '{"wpm":200}' })).json(),
    ).toMatchObject({ state: { wpm: 200 } });
    expect(
      (await call(port, 'POST', '/prompter/speed', { body: '{"by":-15}' })).json(),
    ).toMatchObject({ state: { wpm: 185 } });
    const gone = await call(port, 'POST', '/prompter/goto', { body: '{"page":"Z9"}' });
    expect(gone.status).toBe(422);
    expect(gone.json()).toMatchObject({ ok: false, message: 'No story has page Z9.' });
    expect(
      received.filter((m) => m.type === 'command').map((m) => m.type === 'command' && m.command),
    ).toEqual([
      { type: 'next' },
      { type: 'speed', wpm: 200 },
      { type: 'speed', by: -15 },
      { type: 'goto', page: 'Z9' },
    ]);
  });

  it('refuses a missing or wrong token, a foreign Host, any web page, and malformed commands', async () => {
    const { port, open } = await setup();
    open();
    expect(
      (await call(port, 'POST', '/prompter/play', { headers: { authorization: '' } })).status,
    ).toBe(401);
    expect(
      (await call(port, 'POST', '/prompter/play', { headers: { authorization: 'Bearer nope' } }))
        .status,
    ).toBe(401);
    expect(
      (await call(port, 'POST', '/prompter/play', { headers: { host: 'evil.example:80' } })).status,
    ).toBe(421);
    const page = await call(port, 'POST', '/prompter/play', {
      headers: { origin: `http://127.0.0.1:${port}` },
    });
    expect(page.status).toBe(403);
    expect(
      (await call(port, 'POST', '/prompter/play', { headers: { 'sec-fetch-site': 'cross-site' } }))
        .status,
    ).toBe(403);
    expect((await call(port, 'POST', '/prompter/speed', { body: '{"wpm":9000}' })).status).toBe(
      400,
    );
    expect((await call(port, 'POST', '/prompter/speed', { body: 'fast' })).json()).toMatchObject({
      error: { message: 'The request body is not JSON.' },
    });
    expect((await call(port, 'GET', '/prompter/next')).status).toBe(405);
    expect((await call(port, 'POST', '/prompter/rm')).status).toBe(404);
    expect(page.body).not.toContain(TOKEN);
  });

  it('says so when the operator’s window does not answer', async () => {
    const { port, open } = await setup({ answers: false });
    open();
    const slow = await call(port, 'POST', '/prompter/next');
    expect(slow.status).toBe(504);
  });

  it('keeps its token when moved to another port, and tells when the port is taken', async () => {
    const { remote, port } = await setup();
    const other = await setup();
    await expect(other.remote.ensure(port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    const again = await remote.ensure(0);
    expect(again.token).toBe(TOKEN);
    expect(Number(new URL(again.url).port)).toBe(port);
  });
});

function socket(
  port: number,
  headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` },
) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/prompter/socket`, { headers });
  const messages: unknown[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (d) => {
    messages.push(JSON.parse(d.toString()));
    waiters.splice(0).forEach((w) => w());
  });
  const next = async (): Promise<unknown> => {
    while (messages.length === 0) await new Promise<void>((r) => waiters.push(r));
    return messages.shift();
  };
  return { ws, next };
}

describe('the prompter’s remote control over WebSocket', () => {
  it('pushes the state, takes commands with ids, and answers each', async () => {
    const { port, open, operator } = await setup();
    open();
    const { ws, next } = socket(port);
    expect(await next()).toMatchObject({ type: 'state', state: { story: { number: 1 } } });
    ws.send(JSON.stringify({ type: 'next', id: 7 }));
    const answers = [await next(), await next()];
    expect(answers).toContainEqual(expect.objectContaining({ type: 'done', id: 7, ok: true }));
    expect(answers).toContainEqual(
      expect.objectContaining({
        type: 'state',
        state: expect.objectContaining({ story: expect.objectContaining({ number: 2 }) }),
      }),
    );
    ws.send('{"type":"speed","wpm":"fast"}');
    expect(await next()).toMatchObject({ type: 'error', message: expect.stringMatching(/speed/) });
    operator.close();
    expect(await next()).toEqual({ type: 'state', state: null });
    ws.close();
  });

  it('refuses a socket without the token or from a web page', async () => {
    const { port } = await setup();
    const tries: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${TOKEN}`, origin: 'http://127.0.0.1:1' },
    ];
    for (const headers of tries) {
      const { ws } = socket(port, headers);
      const status = await new Promise<number>((resolve) =>
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
      );
      expect([401, 403]).toContain(status);
    }
  });
});
