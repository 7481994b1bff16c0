import { isIP } from 'node:net';
import { NewsroomError } from './errors';

/** Where the newsroom server listens unless told: this machine only. */
export const DEFAULT_PORT = 7433;
export const DEFAULT_LISTEN = `127.0.0.1:${DEFAULT_PORT}`;

export type ListenAddress = { host: string; port: number };

/** `HOST:PORT`, `[::1]:PORT`, `HOST` (the default port) or `:PORT` (loopback). */
export function parseListen(value: string): ListenAddress {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  const [host, port] = bracketed
    ? [bracketed[1]!, bracketed[2]]
    : value.includes(':') && value.indexOf(':') === value.lastIndexOf(':')
      ? value.split(':')
      : [value, undefined];
  const portNumber = port === undefined || port === '' ? DEFAULT_PORT : Number(port);
  if (!Number.isInteger(portNumber) || portNumber < 0 || portNumber > 65535)
    throw new NewsroomError('INVALID_INPUT', `--listen: ${port} is not a port (0–65535).`);
  const name = host || '127.0.0.1';
  if (name !== 'localhost' && isIP(name) === 0 && !/^[a-z0-9.-]+$/i.test(name))
    throw new NewsroomError('INVALID_INPUT', `--listen: ${name} is not an address.`);
  return { host: name, port: portNumber };
}

/** Whether only this machine can reach the address. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Passwords, session tokens and scripts must not cross a network in clear: a non-loopback address
 * needs TLS, unless the operator says a TLS proxy sits in front (`--insecure-http`).
 */
export function checkTransport(host: string, tls: boolean, insecureHttp: boolean): void {
  if (tls || insecureHttp || isLoopback(host)) return;
  throw new NewsroomError(
    'INVALID_INPUT',
    `Refusing to serve ${host} over plain HTTP: passwords and scripts would cross the network unencrypted. Give --tls-cert and --tls-key, or --insecure-http when a TLS proxy sits in front of this server.`,
  );
}
