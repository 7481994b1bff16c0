import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { repoRoot } from './files';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '../../e2e/harness';

/**
 * Chromium as the end-to-end tests run it. Frames are not held to a 60 Hz clock
 * (`--disable-frame-rate-limit`), so "keydown to the next painted frame" measures the work a
 * keystroke causes rather than where in the vsync interval the key happened to land.
 */
export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-frame-rate-limit',
      '--disable-gpu-vsync',
    ],
  });
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

export type StaticServer = { url: string; close(): Promise<void> };

/** Serves a built folder on 127.0.0.1, plus fixed extra files (the baseline's story text). */
export async function startStaticServer(
  dir: string,
  extra: Record<string, string> = {},
): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const name = path === '/' ? 'index.html' : decodeURIComponent(path.slice(1));
    const type = MIME[extname(name)] ?? 'application/octet-stream';
    if (Object.hasOwn(extra, name)) {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(extra[name]);
      return;
    }
    const file = normalize(join(dir, name));
    if (!file.startsWith(normalize(dir + sep))) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (content) => {
        res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(content);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const built = new Map<string, Promise<string>>();

/** Builds the bare Lexical page (bench/editor-baseline) with Vite, once per output folder. */
export function buildBareEditor(outDir: string): Promise<string> {
  let pending = built.get(outDir);
  if (!pending) {
    pending = (async () => {
      const [{ build }, { default: react }] = await Promise.all([
        import('vite'),
        import('@vitejs/plugin-react'),
      ]);
      await build({
        root: join(repoRoot(), 'bench/editor-baseline'),
        base: './',
        configFile: false,
        logLevel: 'warn',
        plugins: [react()],
        build: { outDir, emptyOutDir: true, target: 'chrome130', chunkSizeWarningLimit: 2000 },
      });
      return outDir;
    })();
    built.set(outDir, pending);
  }
  return pending;
}
