import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RAW_IMPORTS = new URL('./rawImports.mjs', import.meta.url).pathname;
const PEAK_RSS = new URL('./reportPeakRss.mjs', import.meta.url).pathname;
const CLI = new URL('../../cli/cli.ts', import.meta.url).pathname;

export type ChildRun = {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The child's peak resident memory in bytes (what it reported at exit, or what was seen). */
  peakRss: number;
  /** Why the watchdog stopped it, if it did. */
  killedFor: string | null;
};

export type ChildLimits = {
  /** Kill the child if it runs longer than this (a read that never ends). */
  timeoutMs?: number;
  /** Kill the child if its memory passes this (a read without limit), on Linux where it is seen. */
  rssCeiling?: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** A command that runs node for us (e.g. in a mount namespace where a folder is read-only). */
  launcher?: readonly string[];
  /** Where the child's stdout goes: a pipe the test reads (default) or an open file descriptor. */
  stdout?: number;
  /** Close the reading end of stdout at once, as `| head` does when it has read enough. */
  closeStdout?: boolean;
};

/** Resident memory of a running process on Linux, from /proc; 0 where that is not available. */
function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs the real `copydesk` CLI from source in a child process with a watchdog: it is killed
 * when it runs too long or grows past a memory ceiling, so a test of a hostile input fails
 * instead of hanging or taking the machine's memory.
 */
export function runCliChild(args: readonly string[], limits: ChildLimits = {}): Promise<ChildRun> {
  const report = join(mkdtempSync(join(tmpdir(), 'copydesk-rss-')), 'peak');
  return new Promise((resolve) => {
    const node = [
      process.execPath,
      '--import',
      'tsx',
      '--import',
      RAW_IMPORTS,
      '--import',
      PEAK_RSS,
      CLI,
      ...args,
    ];
    const [command, ...rest] = [...(limits.launcher ?? []), ...node];
    const child = spawn(command!, rest, {
      stdio: ['ignore', limits.stdout ?? 'pipe', 'pipe'],
      cwd: limits.cwd,
      env: { ...process.env, ...limits.env, COPYDESK_PEAK_RSS_FILE: report },
    });
    let stdout = '';
    let stderr = '';
    let seen = 0;
    let killedFor: string | null = null;
    if (limits.closeStdout) child.stdout?.destroy();
    else child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const stop = (why: string) => {
      if (killedFor) return;
      killedFor = why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () => stop(`ran longer than ${limits.timeoutMs} ms`),
      limits.timeoutMs ?? 30_000,
    );
    const watch = setInterval(() => {
      const rss = child.pid ? rssOf(child.pid) : 0;
      seen = Math.max(seen, rss);
      if (limits.rssCeiling && rss > limits.rssCeiling)
        stop(`grew to ${Math.round(rss / 2 ** 20)} MB`);
    }, 25);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearInterval(watch);
      let reported = 0;
      try {
        reported = Number(readFileSync(report, 'utf8'));
      } catch {
        // Killed: it never reached its exit handler; what the watchdog saw stands.
      }
      resolve({ code, signal, stdout, stderr, peakRss: Math.max(seen, reported), killedFor });
    });
  });
}
