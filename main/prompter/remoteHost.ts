import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { RemoteAccess } from '../../shared/prompter/remote';
import { LOOPBACK, redactToken, sendText } from '../http/guard';
import type { PrompterHub } from './hub';
import { createRemoteApi, REMOTE_PREFIX } from './remoteApi';

export type RemoteHost = {
  /**
   * The remote control, listening: started when a prompter first opens (nothing listens before
   * anyone prompts), moved when the operator asks for another port. The token stays the same for
   * the whole run, so a Stream Deck set up once keeps working while Copydesk runs.
   */
  ensure(port: number): Promise<RemoteAccess>;
  close(): Promise<void>;
};

export function createRemoteHost(options: {
  hub: PrompterHub;
  /** Fixed only in tests; a fresh random token for every run otherwise. */
  token?: string;
  log?: (line: string) => void;
}): RemoteHost {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log ?? (() => {});
  let running: { server: Server; port: number; close: () => void } | null = null;
  let starting: Promise<RemoteAccess> | null = null;

  const access = (port: number): RemoteAccess => ({
    url: `http://${LOOPBACK}:${port}${REMOTE_PREFIX}`,
    token,
  });

  async function stop(): Promise<void> {
    const current = running;
    running = null;
    if (!current) return;
    current.close();
    await new Promise<void>((resolve) => {
      current.server.closeAllConnections();
      current.server.close(() => resolve());
    });
  }

  async function start(port: number): Promise<RemoteAccess> {
    await stop();
    let bound = 0;
    const api = createRemoteApi({ hub: options.hub, token, port: () => bound });
    const server = createServer((req, res) => {
      api.handle(req, res).catch((error: unknown) => {
        log(`[remote] ${req.method} failed: ${(error as Error).message}`);
        if (!res.headersSent) sendText(res, 500, 'Internal error');
      });
    });
    server.on('upgrade', (req, socket, head) => {
      if (!api.upgrade(req, socket, head)) socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, LOOPBACK, () => resolve());
    });
    bound = (server.address() as AddressInfo).port;
    running = { server, port: bound, close: api.close };
    log(`[remote] prompter remote control on ${access(bound).url} (token ${redactToken(token)})`);
    return access(bound);
  }

  return {
    ensure(port) {
      const chain = (starting ?? Promise.resolve(null as RemoteAccess | null)).catch(() => null);
      starting = chain.then(() =>
        running && (port === 0 || port === running.port) ? access(running.port) : start(port),
      );
      return starting;
    },
    close: stop,
  };
}
