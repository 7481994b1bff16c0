import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser } from 'playwright-core';

const ROOT = new URL('..', import.meta.url).pathname;

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** The browser the end-to-end tests drive: $COPYDESK_CHROMIUM, else the usual install places. */
export function findChromium(): string {
  const fromEnv = process.env.COPYDESK_CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`COPYDESK_CHROMIUM points at ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium or Chrome found for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
        'or point COPYDESK_CHROMIUM at a Chrome/Chromium executable.',
    );
  }
  return found;
}

/** Headless, and quiet: this machine's closed network refuses Chromium's background calls. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}

export type RunningApp = {
  url: string;
  origin: string;
  archive: string;
  dir: string;
  stop(): Promise<void>;
};

/**
 * Starts `copydesk web` from the built bin, exactly as a user would, on a fresh archive (or the
 * one given). A launcher runs it inside another command (e.g. one that makes a folder read-only).
 */
export async function startBrowserMode(
  archive?: string,
  options: { launcher?: readonly string[] } = {},
): Promise<RunningApp> {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-e2e-'));
  const archivePath = archive ?? join(dir, 'archive.sqlite');
  const [command, ...args] = [
    ...(options.launcher ?? []),
    process.execPath,
    join(ROOT, 'bin/copydesk.mjs'),
    'web',
    '--archive',
    archivePath,
  ];
  const child: ChildProcess = spawn(command!, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`copydesk web exited with ${code}: ${stderr}`)));
    setTimeout(() => reject(new Error(`copydesk web printed no URL: ${stderr}`)), 20_000);
  });
  return {
    url,
    origin: new URL(url).origin,
    archive: archivePath,
    dir,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
