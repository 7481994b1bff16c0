import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import type { BenchConfig } from '../config';
import { residentMb, spawnServer, startApp } from '../lib/app';
import { buildBareEditor, launchBenchBrowser } from '../lib/browser';
import { repoRoot } from '../lib/files';
import { median } from '../lib/stats';
import { row, type Row } from '../lib/report';

/** What a first load fetches: the entry script and the modules it preloads, gzipped one by one. */
export function firstLoadJsGzipKb(dir: string): { kb: number; files: number } {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const sources = [
    ...html.matchAll(/<script[^>]+type="module"[^>]*\ssrc="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]*\shref="([^"]+)"/g),
  ].map((m) => m[1]!);
  let bytes = 0;
  for (const src of new Set(sources)) bytes += gzipSync(readFileSync(join(dir, src))).length;
  return { kb: bytes / 1024, files: sources.length };
}

/** Page load to a list row on screen, then to the main thread answering: median of `runs`. */
async function timeToList(
  browser: Browser,
  url: string,
  rowSelector: string,
  runs: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForSelector(rowSelector, { timeout: 60_000 });
    // Runs when the page's main thread is free: the list is on screen and can take input.
    times.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  return times;
}

export async function startupBench(config: BenchConfig, archivePath: string): Promise<Row[]> {
  config.log(`start-up: browser mode on ${config.stories.toLocaleString('en')} stories…`);
  const browser = await launchBenchBrowser();
  const stops: (() => Promise<void>)[] = [];
  try {
    const app = await startApp(archivePath);
    stops.push(app.stop);
    const bare = await spawnServer([
      join(repoRoot(), 'bench/baseline/listServer.mjs'),
      archivePath,
    ]);
    stops.push(bare.stop);

    const ours = await timeToList(
      browser,
      app.url,
      '[data-testid=story-list] [data-testid=story-row]',
      config.startupRuns,
    );
    const base = await timeToList(browser, bare.url, '#list li', config.startupRuns);

    // Memory with the archive open and a story loaded, as after a real start.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(app.url);
    await page.waitForSelector('[data-testid=script-editor]');
    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    const oursMb = residentMb(app.pid);
    const bareMb = residentMb(bare.pid);
    await context.close();

    const renderer = firstLoadJsGzipKb(join(repoRoot(), 'out/renderer'));
    const bareJs = firstLoadJsGzipKb(await buildBareEditor(join(config.workDir, 'bare-editor')));
    const stories = config.stories.toLocaleString('en');
    return [
      row({
        suite: 'start-up',
        name: `server ready (spawn → listening), ${stories} stories`,
        unit: 'ms',
        ours: app.readyMs,
        baseline: bare.readyMs,
        baselineLabel: 'bare better-sqlite3 list server',
      }),
      row({
        suite: 'start-up',
        name: `page load → interactive archive list, ${stories} stories, median`,
        unit: 'ms',
        ours: median(ours),
        baseline: median(base),
        baselineLabel: 'bare page, 100 rows, plain DOM',
        goal: { text: '< 1 s', met: median(ours) < 1000 },
        note: `${ours.map((t) => t.toFixed(0)).join(', ')} ms vs ${base.map((t) => t.toFixed(0)).join(', ')} ms`,
      }),
      row({
        suite: 'start-up',
        name: 'main-side memory (RSS) with the archive open',
        unit: 'MB',
        ours: oursMb,
        baseline: bareMb,
        baselineLabel: 'bare list server, same archive',
        goal: { text: '< 200 MB', met: oursMb < 200 },
      }),
      row({
        suite: 'start-up',
        name: 'renderer first-load JavaScript, gzip',
        unit: 'kB',
        ours: renderer.kb,
        baseline: bareJs.kb,
        baselineLabel: 'bare React + Lexical editor page',
        goal: { text: '< 350 kB', met: renderer.kb < 350 },
      }),
    ];
  } finally {
    for (const stop of stops) await stop();
    await browser.close();
  }
}
