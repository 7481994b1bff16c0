import type { HubMessage, OperatorMessage } from '../../shared/prompter/remote';
import { OPERATOR_LINK_PATH } from '../../shared/prompter/remote';
import { bridge } from '../api/client';

/**
 * The operator's window to main, for the remote control: IPC in the desktop app, a WebSocket to
 * browser mode's own server otherwise (the page's cookie carries the token). A dropped socket is
 * opened again, and the window says hello again, so a restarted server finds the prompter.
 */
export type OperatorLink = { send(message: OperatorMessage): void; close(): void };

export function openOperatorLink(
  hello: () => OperatorMessage,
  onMessage: (message: HubMessage) => void,
): OperatorLink {
  if (bridge) {
    const link = bridge.shell.prompterLink(onMessage);
    link.send(hello());
    return link;
  }
  let socket: WebSocket | null = null;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const connect = () => {
    const url = new URL(OPERATOR_LINK_PATH, location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => ws.send(JSON.stringify(hello()));
    ws.onmessage = (e: MessageEvent<string>) => {
      try {
        onMessage(JSON.parse(e.data) as HubMessage);
      } catch {
        // Not ours: ignored.
      }
    };
    ws.onclose = () => {
      if (!closed) retry = setTimeout(connect, 2000);
    };
  };
  connect();
  return {
    send(message) {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    },
    close() {
      closed = true;
      clearTimeout(retry);
      socket?.close();
    },
  };
}
