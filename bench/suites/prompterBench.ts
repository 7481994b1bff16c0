import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Story } from '../../shared/story/model';
import { storyTiming } from '../../shared/story/timing';
import { generateLongStory } from '../generate/stories';
import type { BenchConfig } from '../config';
import { startApp, type BenchApp } from '../lib/app';
import { launchBenchBrowser, startStaticServer } from '../lib/browser';
import { ensureDir, removeDatabase } from '../lib/files';
import { summarize } from '../lib/stats';
import { row, type Row } from '../lib/report';

const FRAME_MS = 1000 / 60;
/** Stories the show's words are shared between: a long show's running order. */
const STORIES = 20;
/** The talent output's screen. */
const SCREEN = { width: 1920, height: 1080 };
/** The operator's window. */
const DESK = { width: 1440, height: 900 };
const OUTPUT_TEXT = '.cd-pr-output .cd-pr-scroller';
const PREVIEW_TEXT = '[data-testid=prompter-screen] .cd-pr-scroller';

/**
 * The long story cut into a show of `STORIES` stories of about the same length, each its own
 * slug: the prompter lays out one marker per story, as on air.
 */
export function showStories(long: Story): Story[] {
  const per = Math.ceil(long.body.length / STORIES);
  const stories: Story[] = [];
  for (let i = 0; i * per < long.body.length; i++) {
    stories.push({
      ...long,
      id: `${long.id.slice(0, 24)}${String(i).padStart(12, '0')}`,
      slug: `${long.slug} ${i + 1}`,
      body: long.body.slice(i * per, (i + 1) * per),
    });
  }
  return stories;
}

/** The time between animation frames for `ms`, with where the text stood at each end. */
function frameTimes(
  page: Page,
  ms: number,
  scrollerSelector: string,
): Promise<{ frames: number[]; movedPx: number; seconds: number }> {
  return page.evaluate(
    ([duration, selector]) =>
      new Promise((resolve) => {
        const scroller = document.querySelector<HTMLElement>(selector as string)!;
        const y = () => new DOMMatrixReadOnly(getComputedStyle(scroller).transform).m42;
        const stamps: number[] = [];
        const startY = y();
        const frame = (t: number) => {
          stamps.push(t);
          if (t - stamps[0]! < (duration as number)) requestAnimationFrame(frame);
          else
            resolve({
              frames: stamps.slice(1).map((s, i) => s - stamps[i]!),
              movedPx: Math.abs(y() - startY),
              seconds: (t - stamps[0]!) / 1000,
            });
        };
        requestAnimationFrame(frame);
      }),
    [ms, scrollerSelector] as const,
  );
}

/** The show's text as a screen laid it out: each line's text and its type. */
function laidOut(page: Page, scrollerSelector: string) {
  return page.evaluate((selector) => {
    const scroller = document.querySelector<HTMLElement>(selector)!;
    const first = scroller.querySelector<HTMLElement>('p.cd-pr-read')!;
    const style = getComputedStyle(first);
    return {
      lines: [...scroller.querySelectorAll<HTMLElement>('h2, p')].map((e) => e.textContent ?? ''),
      font: `${style.fontWeight} ${style.fontSize}/${style.lineHeight} ${style.fontFamily}`,
      padding: getComputedStyle(scroller).padding,
    };
  }, scrollerSelector);
}

/**
 * The baseline: a bare page with the same lines in plain paragraphs, in the same type, moved by
 * one requestAnimationFrame loop at the same speed — what any web prompter at least does. It has
 * no reading line, no clocks, no controls.
 */
function barePage(text: Awaited<ReturnType<typeof laidOut>>, pxPerSec: number): string {
  const escape = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!doctype html><meta charset="utf-8"><title>bare prompter</title>
<style>
html,body{margin:0;height:100%;overflow:hidden;background:#000;color:#fff}
#text{font:${text.font};padding:${text.padding};will-change:transform}
p{margin:0 0 0.5em}
</style>
<div id="text">${text.lines.map((l) => `<p>${escape(l)}</p>`).join('')}</div>
<script>
const text = document.getElementById('text');
const start = performance.now();
const move = (t) => {
  text.style.transform = 'translate3d(0,' + (-((t - start) / 1000) * ${pxPerSec}).toFixed(1) + 'px,0)';
  requestAnimationFrame(move);
};
requestAnimationFrame(move);
</script>`;
}

type Opened = { operator: Page; output: Page; context: BrowserContext };

/** The producer opens the show's prompter, the talent output in a second tab, and presses Space. */
async function openPrompter(browser: Browser, app: BenchApp): Promise<Opened> {
  const context = await browser.newContext({ viewport: DESK });
  const operator = await context.newPage();
  await operator.goto(app.url);
  await operator.getByTestId('rundowns-tab').click();
  await operator.getByRole('button', { name: /LONG SHOW/ }).click();
  await operator.getByRole('button', { name: 'Prompter', exact: true }).click();
  const region = operator.getByTestId('prompter-screen').getByRole('region', { name: 'Prompter' });
  await region.waitFor();
  const output = await context.newPage();
  await output.setViewportSize(SCREEN);
  await output.goto(`${app.origin}/#/prompter/output`);
  await output.locator('.cd-pr-output .cd-pr-marker').first().waitFor();
  await region.focus();
  await operator.keyboard.press('Space');
  await operator.getByRole('button', { name: 'Pause' }).waitFor();
  return { operator, output, context };
}

export async function prompterBench(config: BenchConfig): Promise<Row[]> {
  const stories = showStories(generateLongStory(config.seed, config.prompterWords));
  const words = stories.reduce((n, s) => n + storyTiming(s).read.words, 0);
  const ms = config.prompterSeconds * 1000;
  config.log(
    `prompter: a ${words.toLocaleString('en')}-word show of ${stories.length} stories, ${config.prompterSeconds} s of scrolling a round, against a bare page…`,
  );
  const archive = join(ensureDir(config.workDir), 'prompter.sqlite');
  removeDatabase(archive);
  const app = await startApp(archive);
  const browser = await launchBenchBrowser();
  const cleanups: (() => Promise<void>)[] = [];
  try {
    await app.call('import.stories', { stories });
    const { rundown } = (await app.call('rundowns.create', {
      title: 'LONG SHOW',
      airDate: '2026-11-30',
      onAirSec: 18 * 3600,
      lengthSec: 3600,
    })) as { rundown: { id: string } };
    for (const story of stories)
      await app.call('rundowns.addRow', {
        id: rundown.id,
        row: { kind: 'story', storyId: story.id },
      });
    const opened = await openPrompter(browser, app);
    cleanups.push(() => opened.context.close());
    const text = {
      output: await laidOut(opened.output, OUTPUT_TEXT),
      operator: await laidOut(opened.operator, PREVIEW_TEXT),
    };

    const ours = { output: [] as number[], operator: [] as number[] };
    const bare = { output: [] as number[], operator: [] as number[] };
    let bareUrls: { output: string; operator: string } | null = null;
    // Two rounds each, alternating, so that other work on the machine falls on both alike. The
    // two screens scroll at once, as on air; so do the two bare pages of the baseline.
    for (let round = 0; round < 2; round++) {
      const [output, operator] = await Promise.all([
        frameTimes(opened.output, ms, OUTPUT_TEXT),
        frameTimes(opened.operator, ms, PREVIEW_TEXT),
      ]);
      if (output.movedPx <= 0 || operator.movedPx <= 0)
        throw new Error('prompter: the text never moved');
      ours.output.push(...output.frames);
      ours.operator.push(...operator.frames);
      if (!bareUrls) {
        const server = await startStaticServer(ensureDir(join(config.workDir, 'bare-prompter')), {
          'output.html': barePage(text.output, output.movedPx / output.seconds),
          'operator.html': barePage(text.operator, operator.movedPx / operator.seconds),
        });
        cleanups.push(() => server.close());
        bareUrls = { output: `${server.url}output.html`, operator: `${server.url}operator.html` };
      }
      // The prompter is paused meanwhile (its pages stay open): only the bare pages scroll.
      await opened.operator.keyboard.press('Space');
      const pages = {
        output: await browser.newPage({ viewport: SCREEN }),
        operator: await browser.newPage({ viewport: DESK }),
      };
      await pages.output.goto(bareUrls.output);
      await pages.operator.goto(bareUrls.operator);
      const [bareOutput, bareOperator] = await Promise.all([
        frameTimes(pages.output, ms, '#text'),
        frameTimes(pages.operator, ms, '#text'),
      ]);
      bare.output.push(...bareOutput.frames);
      bare.operator.push(...bareOperator.frames);
      await pages.output.close();
      await pages.operator.close();
      await opened.operator.keyboard.press('Space');
    }

    const o = summarize(ours.output);
    const p = summarize(ours.operator);
    const b = summarize(bare.output);
    const c = summarize(bare.operator);
    const chromium = browser.version();
    return [
      row({
        suite: 'prompter',
        name: `frame time while scrolling, ${words.toLocaleString('en')}-word show, talent output (${SCREEN.width}×${SCREEN.height}), p95`,
        unit: 'ms',
        ours: o.p95,
        baseline: b.p95,
        baselineLabel: 'bare page moving the same text',
        goal: { text: '≤ 1.2×, < 16.7 ms (60 fps)', met: o.p95 <= 1.2 * b.p95 && o.p95 < FRAME_MS },
        note: `p50 ${o.p50.toFixed(1)} ms vs ${b.p50.toFixed(1)} ms over ${o.n} and ${b.n} frames, the operator's window scrolling beside it (and a bare one beside the baseline); Chromium ${chromium}`,
      }),
      row({
        suite: 'prompter',
        name: 'frame time while scrolling, the operator’s window (preview, clocks, story list), p95',
        unit: 'ms',
        ours: p.p95,
        baseline: c.p95,
        baselineLabel: 'bare page moving the same text',
        goal: { text: '< 16.7 ms (60 fps)', met: p.p95 < FRAME_MS },
        note: `p50 ${p.p50.toFixed(1)} ms vs ${c.p50.toFixed(1)} ms over ${p.n} and ${c.n} frames, at the preview's type size`,
      }),
    ];
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await browser.close();
    await app.stop();
    removeDatabase(archive);
  }
}
