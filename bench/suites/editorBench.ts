import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Story } from '../../shared/story/model';
import { storyTiming } from '../../shared/story/timing';
import { createRng, hashSeed } from '../generate/prng';
import { generateLongStory } from '../generate/stories';
import type { BenchConfig } from '../config';
import { startApp } from '../lib/app';
import { buildBareEditor, launchBenchBrowser, startStaticServer } from '../lib/browser';
import { ensureDir, removeDatabase } from '../lib/files';
import { summarize } from '../lib/stats';
import { row, type Row } from '../lib/report';
import { topFunctions, type CpuProfile } from '../lib/profile';
import { mainThreadSelfTime } from '../lib/trace';

// Starts with a space so that the second key already begins a new word for the count.
const TYPED = ' Tonight the council meets again to vote on the harbor bridge budget.';
const FRAME_MS = 1000 / 60;

type Sample = { frame: number; words: number | null };
type Probe = { samples: Sample[]; waiters: (() => void)[] };
declare global {
  var __probe: Probe | undefined;
}

/**
 * Installed in the page: for each keystroke, the time from the keydown event to the end of the
 * first frame painted after its input event (a task posted from requestAnimationFrame runs once
 * that frame's style, layout and paint are done), and in the app the same for the frame that
 * shows the new word count.
 */
function installProbe(wordsSelector: string | null): void {
  const probe: Probe = { samples: [], waiters: [] };
  let current: (Sample & { key: number }) | null = null;
  const afterPaint = (done: (at: number) => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(null);
    });
  window.addEventListener(
    'keydown',
    (event) => {
      current = { key: event.timeStamp, frame: Number.NaN, words: null };
    },
    true,
  );
  window.addEventListener(
    'input',
    () => {
      const sample = current;
      if (!sample) return;
      afterPaint((at) => {
        sample.frame = at - sample.key;
        probe.samples.push(sample);
        for (const wake of probe.waiters.splice(0)) wake();
      });
    },
    true,
  );
  const words = wordsSelector ? document.querySelector(wordsSelector) : null;
  if (words) {
    new MutationObserver(() => {
      const sample = current;
      if (!sample || sample.words !== null) return;
      sample.words = Number.NaN;
      afterPaint((at) => (sample.words = at - sample.key));
    }).observe(words, { characterData: true, childList: true, subtree: true });
  }
  globalThis.__probe = probe;
}

/** Puts the caret at the end of the middle read paragraph. */
async function caretInTheMiddle(page: Page, editorSelector: string, paragraphSelector: string) {
  await page.evaluate(
    ([editorSel, paraSel]) => {
      const editor = document.querySelector<HTMLElement>(editorSel!)!;
      const paragraphs = [...editor.querySelectorAll<HTMLElement>(paraSel!)];
      const target = paragraphs[Math.floor(paragraphs.length / 2)]!;
      target.scrollIntoView({ block: 'center' });
      editor.focus();
      const range = document.createRange();
      range.selectNodeContents(target);
      range.collapse(false);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    [editorSelector, paragraphSelector],
  );
  // Let Lexical read the new selection before the first key.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
}

/**
 * Types `text` one key at a time. After each key it waits for that key's frame (or two seconds,
 * should a key make none), then a short pause, so keys never overlap.
 */
async function typeMeasured(page: Page, text: string, seed: string): Promise<void> {
  const rng = createRng(hashSeed(seed, -3));
  let seen = await page.evaluate(() => globalThis.__probe!.samples.length);
  for (const ch of text) {
    await page.keyboard.press(ch === ' ' ? 'Space' : ch);
    seen = await page.evaluate(
      ([before, pause]) =>
        new Promise<number>((resolve) => {
          const probe = globalThis.__probe!;
          const done = () => setTimeout(() => resolve(probe.samples.length), pause);
          if (probe.samples.length > before!) return done();
          const timer = setTimeout(done, 2000);
          probe.waiters.push(() => {
            clearTimeout(timer);
            done();
          });
        }),
      [seen, 30 + rng.int(0, 30)],
    );
  }
}

/** The story as the bare editor holds it: every block as a paragraph of the same text. */
function bareLines(story: Story): { text: string; formats: string[] }[][] {
  return story.body.map((block) => {
    switch (block.type) {
      case 'paragraph':
        return block.runs.map((run) => ({
          text: run.pronouncer ? `${run.text} (${run.pronouncer})` : run.text,
          formats: (['bold', 'italic', 'underline'] as const).filter((f) => run[f]),
        }));
      case 'cue':
      case 'instruction':
        return [{ text: block.text, formats: [] }];
      case 'presenter':
        return [{ text: block.name, formats: [] }];
      case 'media':
        return [{ text: `${block.speaker} ${block.transcript.replace(/\n/g, ' ')}`, formats: [] }];
    }
  });
}

/**
 * Types while recording a CPU profile (CDP Profiler) and a timeline trace, writes both under
 * bench/results and logs where the main thread's time went: the functions with the most self
 * time, and script against style, layout and paint.
 */
async function profileTyping(
  browser: Browser,
  config: BenchConfig,
  label: string,
  page: Page,
  text: string,
): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'],
  });
  await typeMeasured(page, text, `${config.seed}:${label}:profile`);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as Parameters<
    typeof mainThreadSelfTime
  >[0];
  const profile = (await session.send('Profiler.stop')).profile as CpuProfile;
  await session.detach();
  const dir = ensureDir(config.resultsDir);
  writeFileSync(join(dir, `editor-${label}.cpuprofile`), JSON.stringify(profile));
  writeFileSync(join(dir, `editor-${label}.trace.json`), JSON.stringify(trace));
  const keys = [...text].length;
  config.log(`editor (${label}): main-thread self time per key, from the trace:`);
  for (const [name, ms] of mainThreadSelfTime(trace).slice(0, 12)) {
    config.log(`  ${(ms / keys).toFixed(2).padStart(7)} ms  ${name}`);
  }
  config.log(`editor (${label}): functions with the most self time (whole run):`);
  for (const line of topFunctions(profile, 12)) config.log(`  ${line}`);
}

type Side = {
  page: Page;
  frames: number[];
  words: number[];
};

async function openApp(browser: Browser, config: BenchConfig, story: Story) {
  const archive = join(ensureDir(config.workDir), 'editor.sqlite');
  removeDatabase(archive);
  const app = await startApp(archive);
  const stop = async () => {
    await app.stop();
    removeDatabase(archive);
  };
  try {
    await app.call('import.stories', { stories: [story] });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(app.url);
    await page.waitForSelector('[data-testid=script-editor] p.cd-read');
    await page.waitForSelector('[data-testid=words]');
    await page.evaluate(installProbe, '[data-testid=words]');
    await caretInTheMiddle(page, '[data-testid=script-editor]', 'p.cd-read');
    return { side: { page, frames: [], words: [] } as Side, stop };
  } catch (error) {
    // The server is a child process: it must not outlive a failed run.
    await stop();
    throw error;
  }
}

async function openBare(browser: Browser, config: BenchConfig, story: Story) {
  const dir = await buildBareEditor(join(config.workDir, 'bare-editor'));
  const server = await startStaticServer(dir, { 'story.json': JSON.stringify(bareLines(story)) });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(server.url);
  await page.waitForSelector('[data-testid=bare-editor] p');
  await page.evaluate(installProbe, null);
  await caretInTheMiddle(page, '[data-testid=bare-editor]', 'p');
  return {
    side: { page, frames: [], words: [] } as Side,
    stop: async () => {
      await page.close();
      await server.close();
    },
  };
}

async function collect(side: Side): Promise<void> {
  const samples = await side.page.evaluate(() => globalThis.__probe!.samples.splice(0));
  for (const s of samples) {
    side.frames.push(s.frame);
    if (s.words !== null && Number.isFinite(s.words)) side.words.push(s.words);
  }
}

export async function editorBench(config: BenchConfig): Promise<Row[]> {
  const story = generateLongStory(config.seed, config.editorWords);
  const words = storyTiming(story).read.words;
  config.log(
    `editor: ${words.toLocaleString('en')}-word story, ${config.editorChars} keys in the app and in a bare Lexical editor…`,
  );
  const browser = await launchBenchBrowser();
  const chromium = browser.version();
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const app = await openApp(browser, config, story);
    cleanups.push(app.stop);
    const bare = await openBare(browser, config, story);
    cleanups.push(bare.stop);
    const text = TYPED.repeat(Math.ceil(config.editorChars / TYPED.length)).slice(
      0,
      config.editorChars,
    );
    // Two rounds each, alternating, so that other work on the machine falls on both alike.
    const half = Math.ceil(text.length / 2);
    const rounds = [text.slice(0, half), text.slice(half)].filter(Boolean);
    for (const [i, chunk] of rounds.entries()) {
      const profiling = config.profile && i === 0;
      if (profiling) await profileTyping(browser, config, 'app', app.side.page, chunk);
      else await typeMeasured(app.side.page, chunk, `${config.seed}:app:${i}`);
      await collect(app.side);
      if (profiling) await profileTyping(browser, config, 'bare', bare.side.page, chunk);
      else await typeMeasured(bare.side.page, chunk, `${config.seed}:bare:${i}`);
      await collect(bare.side);
    }

    const o = summarize(app.side.frames);
    const b = summarize(bare.side.frames);
    const w = summarize(app.side.words);
    const rows = [
      row({
        suite: 'editor',
        name: `keydown → next painted frame, ${words.toLocaleString('en')}-word story, p95`,
        unit: 'ms',
        ours: o.p95,
        baseline: b.p95,
        baselineLabel: 'bare Lexical 0.52, same text',
        goal: {
          text: '≤ 1.3×, < 16.7 ms',
          met: o.p95 <= 1.3 * b.p95 && o.p95 < FRAME_MS,
        },
        note: `p50 ${o.p50.toFixed(1)} ms vs ${b.p50.toFixed(1)} ms over ${o.n} and ${b.n} keys; Chromium ${chromium}`,
      }),
      row({
        suite: 'editor',
        name: 'keydown → word count and read time painted, p95',
        unit: 'ms',
        ours: w.p95,
        baseline: b.p95,
        baselineLabel: 'bare editor’s keystroke frame',
        note: `over the ${w.n} keys that changed the count; p50 ${w.p50.toFixed(1)} ms`,
      }),
    ];
    if (w.n === 0) throw new Error('editor: the word count never changed while typing');
    return rows;
  } finally {
    for (const cleanup of cleanups) await cleanup();
    await browser.close();
  }
}
