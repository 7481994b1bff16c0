import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DESK_HEADERS } from '../../../shared/newsroom/protocol';
import type { Role } from '../../../shared/newsroom/roles';
import { addUser } from '../accounts';
import { startNewsroomServer, type NewsroomServer } from '../server';
import { startPgCluster, type PgCluster } from './pgCluster';

/**
 * A newsroom for a test file: one PostgreSQL cluster (started once, removed after), a fresh
 * database per test, servers on free loopback ports, and people with passwords already changed.
 */
export type TestNewsroom = {
  cluster: PgCluster;
  stop(): Promise<void>;
};

export async function startTestCluster(): Promise<PgCluster> {
  return startPgCluster();
}

export type Person = { name: string; password: string; role: Role; displayName: string };

/** Adds a person and signs them in once to swap the one-time password for `password`. */
export async function addPerson(
  server: { url: string; pool: pg.Pool },
  name: string,
  role: Role,
  displayName = name,
): Promise<Person> {
  const once = await addUser(server.pool, { name, role, displayName });
  const password = `${name}-password-1`;
  const response = await fetch(`${server.url}/v1/login`, {
    method: 'POST',
    headers: { ...DESK_HEADERS, 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: once, newPassword: password, desk: randomUUID() }),
  });
  if (!response.ok) throw new Error(`could not sign ${name} in: ${await response.text()}`);
  return { name, password, role, displayName };
}

export async function startTestServer(
  databaseUrl: string,
  options: { leaseSeconds?: number; log?: (line: string) => void } = {},
): Promise<NewsroomServer> {
  return startNewsroomServer({
    databaseUrl,
    host: '127.0.0.1',
    port: 0,
    version: 'test',
    leaseSeconds: options.leaseSeconds,
    log: options.log,
  });
}

/** A self-signed certificate for 127.0.0.1, made with openssl in a temporary folder. */
export function selfSignedCertificate(): { cert: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return {
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export type ApiAnswer<T = unknown> = {
  status: number;
  body: T & { error?: { code: string; message: string } };
};

/** One call to the newsroom's HTTP API, as a desk makes it. */
export async function api<T = unknown>(
  url: string,
  path: string,
  /** `headers`: instead of a current desk's (`DESK_HEADERS`), e.g. an older desk's none. */
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiAnswer<T>> {
  const response = await fetch(`${url}${path}`, {
    method: options.body === undefined ? 'GET' : 'POST',
    headers: {
      ...(options.headers ?? DESK_HEADERS),
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: response.status, body: (await response.json()) as ApiAnswer<T>['body'] };
}

/** Signs a person in from a desk; resolves to the token. */
export async function signInAs(
  url: string,
  person: Pick<Person, 'name' | 'password'>,
  desk: string = randomUUID(),
): Promise<string> {
  const answer = await api<{ token: string }>(url, '/v1/login', {
    body: { name: person.name, password: person.password, desk },
  });
  if (answer.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(answer.body)}`);
  return answer.body.token;
}
