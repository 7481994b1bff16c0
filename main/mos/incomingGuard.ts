import { lookup } from 'node:dns/promises';
import { isIP, type Socket } from 'node:net';
import type { MosConnection } from '@mos-connection/connector';

type Incoming = { socket: Socket };
type ConnectorInternals = { _registerIncomingClient(client: Incoming): void };

/** An address as the socket gives it, without the IPv4-in-IPv6 prefix. */
const plain = (address: string) => address.replace(/^::ffff:/i, '');

/** Every address a device's host names (itself when it is an address). */
async function addressesOf(host: string): Promise<string[]> {
  if (isIP(host)) return [plain(host)];
  try {
    return (await lookup(host, { all: true })).map((a) => plain(a.address));
  } catch {
    return [];
  }
}

/**
 * Copydesk's NCS ports take connections only from the hosts of the devices it is configured
 * with. The connector would take any, and believe whatever mosID a message claims: a stranger on
 * the network could mark stories READY or ask for every running order. A connection from
 * anywhere else is closed before a byte of it is read, and told to `refused`.
 *
 * The connector has no hook for this; its incoming sockets are wrapped where it registers them
 * (the connector is pinned; incoming.test.ts fails if this stops taking effect).
 */
export function acceptOnlyFrom(
  mos: MosConnection,
  hosts: () => readonly string[],
  refused: (address: string) => void,
): void {
  const inner = mos as unknown as ConnectorInternals;
  const register = inner._registerIncomingClient.bind(mos);
  inner._registerIncomingClient = (client) => {
    const from = plain(client.socket.remoteAddress ?? '');
    // Until it is known, nothing reads the socket: its bytes wait in the stream.
    client.socket.pause();
    client.socket.on('error', () => undefined);
    void Promise.all(hosts().map(addressesOf)).then((known) => {
      if (client.socket.destroyed) return;
      if (from !== '' && known.flat().includes(from)) {
        register(client);
        client.socket.resume();
        return;
      }
      client.socket.destroy();
      refused(from || 'an unknown address');
    });
  };
}
