import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  RemoteCommandSchema,
  REMOTE_COMMANDS,
  type RemoteCommand,
} from '../../shared/prompter/remote';
import {
  fromElsewhere,
  hostIsOurs,
  MISDIRECTED,
  readBody,
  requestToken,
  sendJson,
  sendText,
  tokenMatches,
} from '../http/guard';
import { NoPrompterError, type CommandOutcome, type PrompterHub } from './hub';

/** Every route lives under this path: `http://127.0.0.1:PORT/prompter/next`. */
export const REMOTE_PREFIX = '/prompter/';
const MAX_BODY = 4096;

type Failure = { status: number; code: string; message: string };

function failure(error: unknown): Failure {
  if (error instanceof NoPrompterError)
    return { status: 409, code: 'NO_PROMPTER', message: error.message };
  return { status: 504, code: 'NO_ANSWER', message: (error as Error).message };
}

/** A command from a route and its JSON body; a problem in words otherwise. */
export function parseCommand(name: string, body: string): RemoteCommand | string {
  let fields: unknown = {};
  if (body.trim() !== '') {
    try {
      fields = JSON.parse(body);
    } catch {
      return 'The request body is not JSON.';
    }
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
    return 'The request body must be a JSON object.';
  const parsed = RemoteCommandSchema.safeParse({ ...fields, type: name });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return `${name}: ${issue?.message ?? 'not understood'}${issue?.path.length ? ` (${issue.path.join('.')})` : ''}.`;
}

function outcomeJson(outcome: CommandOutcome) {
  return {
    ok: outcome.ok,
    ...(outcome.message && { message: outcome.message }),
    state: outcome.state,
  };
}

/**
 * The remote control's HTTP and WebSocket API on a hub. Every request must name this server in
 * its Host header, carry the token as `Authorization: Bearer …`, and come from no web page (any
 * Origin is refused: the callers are a Stream Deck, curl, a script, never a browser tab).
 */
export function createRemoteApi(options: { hub: PrompterHub; token: string; port: () => number }) {
  const { hub, token } = options;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY });

  /** What is wrong with a request before its route is looked at; null when it may go on. */
  function refusal(req: IncomingMessage): Failure | null {
    if (!hostIsOurs(req, options.port()))
      return { status: 421, code: 'MISDIRECTED', message: MISDIRECTED };
    if (fromElsewhere(req, null))
      return {
        status: 403,
        code: 'FORBIDDEN',
        message: 'The remote control does not answer web pages.',
      };
    if (!tokenMatches(token, requestToken(req)))
      return {
        status: 401,
        code: 'FORBIDDEN',
        message:
          'The remote control needs its token: send it as `Authorization: Bearer <token>` (the prompter shows it).',
      };
    return null;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refused = refusal(req);
    if (refused)
      return sendJson(res, refused.status, {
        error: { code: refused.code, message: refused.message },
      });
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const name = path.startsWith(REMOTE_PREFIX) ? path.slice(REMOTE_PREFIX.length) : '';
    if (!(REMOTE_COMMANDS as readonly string[]).includes(name) || name === 'socket') {
      return sendText(
        res,
        404,
        `Not a remote-control route. GET ${REMOTE_PREFIX}state; POST ${REMOTE_PREFIX}{${REMOTE_COMMANDS.filter((c) => c !== 'state').join(',')}}; WebSocket ${REMOTE_PREFIX}socket.`,
      );
    }
    const wanted = name === 'state' ? 'GET' : 'POST';
    if (req.method !== wanted) {
      res.setHeader('Allow', wanted);
      return sendText(res, 405, `Use ${wanted} for ${path}.`);
    }
    const body = wanted === 'POST' ? await readBody(req, MAX_BODY) : '';
    if (body === null) return sendText(res, 413, 'Request too large.');
    const command = parseCommand(name, body);
    if (typeof command === 'string')
      return sendJson(res, 400, { error: { code: 'INVALID_INPUT', message: command } });
    try {
      const outcome = await hub.command(command);
      return sendJson(res, outcome.ok ? 200 : 422, outcomeJson(outcome));
    } catch (error) {
      const f = failure(error);
      return sendJson(res, f.status, { error: { code: f.code, message: f.message } });
    }
  }

  function connected(socket: WebSocket): void {
    const push = (state: unknown) => socket.send(JSON.stringify({ type: 'state', state }));
    push(hub.state());
    const unsubscribe = hub.subscribe(push);
    socket.on('close', unsubscribe);
    socket.on('message', (data) => {
      void (async () => {
        let message: { id?: unknown; type?: unknown } & Record<string, unknown>;
        try {
          message = JSON.parse(data.toString()) as typeof message;
        } catch {
          return socket.send(
            JSON.stringify({ type: 'error', message: 'Send JSON: {"type":"next"}.' }),
          );
        }
        const { id: rawId, type, ...fields } = message ?? {};
        const id = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : undefined;
        const command = parseCommand(String(type), JSON.stringify(fields));
        if (typeof command === 'string')
          return socket.send(JSON.stringify({ type: 'error', id, message: command }));
        try {
          const outcome = await hub.command(command);
          socket.send(JSON.stringify({ type: 'done', id, ...outcomeJson(outcome) }));
        } catch (error) {
          socket.send(JSON.stringify({ type: 'error', id, message: failure(error).message }));
        }
      })();
    });
  }

  /** A WebSocket upgrade for `/prompter/socket`; false when the path is not ours. */
  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path !== `${REMOTE_PREFIX}socket`) return false;
    const refused = refusal(req);
    if (refused) {
      socket.end(
        `HTTP/1.1 ${refused.status} ${refused.code}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      );
      return true;
    }
    sockets.handleUpgrade(req, socket, head, connected);
    return true;
  }

  return {
    handle,
    upgrade,
    close: () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
    },
  };
}
