import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { OperatorMessageSchema, type HubMessage } from '../../shared/prompter/remote';
import type { PrompterHub } from './hub';
import type { RemoteHost } from './remoteHost';

/**
 * One operator's window on the hub, whatever carries its messages (a WebSocket in browser mode,
 * IPC in the desktop app). Every message from the window is checked against the schema first;
 * a malformed one is dropped.
 */
export function linkOperator(options: {
  hub: PrompterHub;
  remote: RemoteHost;
  send: (message: HubMessage) => void;
}): { receive(raw: unknown): void; close(): void } {
  const session = options.hub.attach(options.send);
  return {
    receive(raw) {
      const parsed = OperatorMessageSchema.safeParse(raw);
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type !== 'hello') return session.receive(message);
      options.remote.ensure(message.remotePort).then(
        (access) => options.send({ type: 'access', access }),
        (error: NodeJS.ErrnoException) =>
          options.send({
            type: 'unavailable',
            message:
              error.code === 'EADDRINUSE'
                ? `Port ${message.remotePort} is in use by another program: choose another port for the remote control.`
                : `The remote control could not start: ${error.message}`,
          }),
      );
    },
    close: () => session.detach(),
  };
}

/**
 * Operators' windows over WebSocket (browser mode): the page has already been checked by the
 * server that accepts the upgrade (Host, its own Origin, the cookie token).
 */
export function createOperatorSockets(options: { hub: PrompterHub; remote: RemoteHost }) {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  return {
    accept(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      sockets.handleUpgrade(req, socket, head, (ws) => {
        const link = linkOperator({
          ...options,
          send: (message) => ws.send(JSON.stringify(message)),
        });
        ws.on('message', (data) => {
          try {
            link.receive(JSON.parse(data.toString()));
          } catch {
            // Not JSON: dropped like any malformed message.
          }
        });
        ws.on('close', () => link.close());
      });
    },
    close(): void {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
    },
  };
}
