import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from './files';

export type BenchApp = {
  url: string;
  origin: string;
  token: string;
  pid: number;
  /** Spawn to the printed URL: the server has opened the archive and is listening. */
  readyMs: number;
  call(channel: string, input: unknown): Promise<unknown>;
  stop(): Promise<void>;
};

/** Starts a Node script that prints a URL on its first line once it is serving. */
export async function spawnServer(
  args: readonly string[],
): Promise<{ url: string; pid: number; readyMs: number; stop(): Promise<void> }> {
  const start = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}: ${stderr}`)));
    setTimeout(() => reject(new Error(`${args[0]} printed no URL: ${stderr}`)), 60_000);
  });
  return {
    url,
    pid: child.pid!,
    readyMs: performance.now() - start,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** `copydesk web` from the built bin, as a user starts it, on the given archive. */
export async function startApp(archivePath: string): Promise<BenchApp> {
  const server = await spawnServer([
    join(repoRoot(), 'bin/copydesk.mjs'),
    'web',
    '--archive',
    archivePath,
  ]);
  const parsed = new URL(server.url);
  const token = parsed.searchParams.get('token') ?? '';
  return {
    ...server,
    origin: parsed.origin,
    token,
    async call(channel, input) {
      const response = await fetch(`${parsed.origin}/api/${channel}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const result = (await response.json()) as
        { ok: true; value: unknown } | { ok: false; error: { message: string } };
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value;
    },
  };
}

/** Resident memory of a process in MB (Linux /proc; elsewhere not measured). */
export function residentMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}
