import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temporary folder, a server
 * on a free loopback port, removed after. initdb and pg_ctl refuse to run as root, so as root
 * (CI, our machines) the folder belongs to the `postgres` user Debian's package creates and both
 * run through `runuser`.
 */
export type PgCluster = {
  port: number;
  dir: string;
  /** A fresh, empty database; its URL. */
  createDatabase(name?: string): Promise<string>;
  url(database: string): string;
  stop(): Promise<void>;
};

const USER = 'copydesk';
let databases = 0;

/** The folder holding initdb and pg_ctl: $COPYDESK_PG_BIN, else the newest Debian install. */
export function postgresBinDir(): string {
  const fromEnv = process.env.COPYDESK_PG_BIN;
  if (fromEnv) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(root, versions[0], 'bin');
  throw new Error(
    'PostgreSQL is not installed: `apt-get install postgresql` (Debian/Ubuntu), or point COPYDESK_PG_BIN at the folder holding initdb and pg_ctl.',
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function runAsOwner(asRoot: boolean, command: string, args: string[]): void {
  const [file, argv] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
    : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(
      `${command} failed (${result.status}): ${result.stderr || result.stdout || String(result.error)}`,
    );
}

export type PgClusterOptions = {
  /** Durable commits (the benchmark); tests turn fsync off for speed. */
  durable?: boolean;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string | number>;
};

export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  const bin = postgresBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    runAsOwner(asRoot, join(bin, 'initdb'), [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      USER,
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    const settings: Record<string, string | number> = {
      port,
      listen_addresses: '127.0.0.1',
      unix_socket_directories: dir,
      max_connections: 200,
      ...(options.durable
        ? {}
        : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
      ...options.settings,
    };
    const flags = Object.entries(settings)
      .map(([k, v]) => `-c ${k}=${String(v)}`)
      .join(' ');
    runAsOwner(asRoot, join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-o',
      flags,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      'start',
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const url = (database: string) => `postgres://${USER}@127.0.0.1:${port}/${database}`;
  return {
    port,
    dir,
    url,
    async createDatabase(name = `t${process.pid}_${++databases}`) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop() {
      try {
        runAsOwner(asRoot, join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** One query on a database by its URL, on a connection of its own: for tests that look inside. */
export async function queryRows<T extends Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
