import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Story } from '../../shared/story/model';
import { storyTiming } from '../../shared/story/timing';
import { createRng, hashSeed } from '../generate/prng';
import { generateLongStory, generateStory } from '../generate/stories';
import type { BenchConfig } from '../config';
import { startApp } from '../lib/app';
import { buildBareEditor, launchBenchBrowser, startStaticServer } from '../lib/browser';
import { ensureDir, removeDatabase } from '../lib/files';
import { summarize } from '../lib/stats';
import { row, type Row } from '../lib/report';
import { alternateBlocks, blockSizes, p95, steadyRatio, type BlockSamples } from '../lib/blocks';
import { buildRundown, SHOW_TITLE } from '../lib/rundown';
import { topFunctions, type CpuProfile } from '../lib/profile';
import { mainThreadSelfTime } from '../lib/trace';

// Starts with a space so that the second key already begins a new word for the count.
const TYPED = ' Tonight the council meets again to vote on the harbor bridge budget.';
const FRAME_MS = 1000 / 60;

type Sample = { frame: number; timing: number; words: number };
type Probe = { samples: Sample[]; waiters: (() => void)[] };
declare global {
  var __probe: Probe | undefined;
}

/**
 * Installed in the page: for each keystroke, the time from the keydown event to the end of the
 * first frame painted after its input event (a task posted from requestAnimationFrame runs once
 * that frame's style, layout and paint are done), and in the app the same for the first frame
 * painted after the status bar's live timing changed (every key changes its character count) and
 * after its word count changed (some keys). NaN where the key changed nothing there.
 */
function installProbe(selectors: { words: string | null; timing: string | null }): void {
  const probe: Probe = { samples: [], waiters: [] };
  let current: (Sample & { key: number; seen: Set<string> }) | null = null;
  const afterPaint = (done: (at: number) => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(null);
    });
  window.addEventListener(
    'keydown',
    (event) => {
      current = {
        key: event.timeStamp,
        frame: Number.NaN,
        timing: Number.NaN,
        words: Number.NaN,
        seen: new Set(),
      };
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
  for (const field of ['timing', 'words'] as const) {
    const selector = selectors[field];
    const element = selector ? document.querySelector(selector) : null;
    if (!element) continue;
    new MutationObserver(() => {
      const sample = current;
      if (!sample || sample.seen.has(field)) return;
      sample.seen.add(field);
      afterPaint((at) => (sample[field] = at - sample.key));
    }).observe(element, { characterData: true, childList: true, subtree: true });
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
  /** Per block: keydown → painted frame of each key. */
  frames: number[][];
  /** Per block: keydown → the frame that shows the key's live timing (the app only). */
  timing: number[][];
  /** Per block: the same, for the keys that changed the word count. */
  words: number[][];
};

const newSide = (page: Page): Side => ({ page, frames: [], timing: [], words: [] });

/** The app's page once the long story is open in its editor with the caret in the middle. */
async function readyToType(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid=script-editor] p.cd-read');
  await page.waitForSelector('[data-testid=words]');
  await page.evaluate(installProbe, {
    words: '[data-testid=words]',
    timing: '[data-testid=timing]',
  });
  await caretInTheMiddle(page, '[data-testid=script-editor]', 'p.cd-read');
}

/** A copy of a story under a new id, so that two pages never edit the same one. */
function copyOf(story: Story, slug: string): Story {
  return { ...story, id: randomUUID(), slug };
}

/**
 * One app server, two pages: the long story alone in the editor, and a copy of it opened from an
 * open rundown of `rundownRows` rows (the copy among short stories, breaks and items), the
 * editor beside the grid, so that its time flows into the row and the show's clock as it is
 * typed.
 */
async function openApp(browser: Browser, config: BenchConfig, story: Story) {
  const archive = join(ensureDir(config.workDir), 'editor.sqlite');
  removeDatabase(archive);
  const app = await startApp(archive);
  const stop = async () => {
    await app.stop();
    removeDatabase(archive);
  };
  try {
    const inRundown = copyOf(story, 'HARBOR SPECIAL IN SHOW');
    const others = Array.from({ length: Math.max(0, config.editorRundownRows - 12) }, (_, i) =>
      generateStory(config.seed, 50_000 + i, 100_000),
    );
    // A named desk: a new one asks who is working, and that question would take the keys.
    await app.call('settings.save', { displayName: 'Bench Desk' });
    await app.call('import.stories', { stories: [...others, inRundown] });
    // Imported last, the long story itself is the newest: the one the app opens first.
    await app.call('import.stories', { stories: [story] });
    const rundownId = await buildRundown(
      app.call,
      config.editorRundownRows,
      inRundown.id,
      others.map((o) => o.id),
    );

    const alone = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await alone.goto(app.url);
    await readyToType(alone);

    const show = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await show.goto(app.url);
    await show.getByTestId('rundowns-tab').click();
    await show
      .getByRole('button', { name: new RegExp(SHOW_TITLE) })
      .first()
      .click();
    await show
      .getByTestId('rundown-row')
      .nth(config.editorRundownRows - 1)
      .waitFor();
    await show
      .getByTestId('rundown-row')
      .filter({ hasText: inRundown.slug })
      .getByRole('button', { name: inRundown.slug, exact: true })
      .click();
    await readyToType(show);
    return { alone: newSide(alone), inRundown: newSide(show), stop, rundownId };
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
  await page.evaluate(installProbe, { words: null, timing: null });
  await caretInTheMiddle(page, '[data-testid=bare-editor]', 'p');
  return {
    side: newSide(page),
    stop: async () => {
      await page.close();
      await server.close();
    },
  };
}

/** Moves the probe's samples of the block just typed into the side's block `block`. */
async function collect(side: Side, block: number): Promise<number[]> {
  const samples = await side.page.evaluate(() => globalThis.__probe!.samples.splice(0));
  side.frames[block] = samples.map((s) => s.frame);
  side.timing[block] = samples.flatMap((s) => (Number.isFinite(s.timing) ? [s.timing] : []));
  side.words[block] = samples.flatMap((s) => (Number.isFinite(s.words) ? [s.words] : []));
  return side.frames[block];
}

/** A block of keys typed into one side, profiled when asked (the first block only). */
async function typeBlock(
  browser: Browser,
  config: BenchConfig,
  label: string,
  side: Side,
  chunk: string,
  block: number,
): Promise<number[]> {
  if (config.profile && block === 0) await profileTyping(browser, config, label, side.page, chunk);
  else await typeMeasured(side.page, chunk, `${config.seed}:${label}:${block}`);
  return collect(side, block);
}

function editorRow(
  name: string,
  ours: BlockSamples,
  base: BlockSamples,
  baselineLabel: string,
  goal: { text: string; ratio: number },
  note: string,
): Row {
  const o = summarize(ours.flat());
  const b = summarize(base.flat());
  const steady = steadyRatio(ours, base, p95);
  return row({
    suite: 'editor',
    name,
    unit: 'ms',
    ours: o.p95,
    baseline: b.p95,
    baselineLabel,
    steady,
    goal: { text: goal.text, met: steady.ratio <= goal.ratio && o.p95 < FRAME_MS },
    note: `p50 ${o.p50.toFixed(1)} ms vs ${b.p50.toFixed(1)} ms over ${o.n} and ${b.n} keys; ${note}`,
  });
}

export async function editorBench(config: BenchConfig): Promise<Row[]> {
  const story = generateLongStory(config.seed, config.editorWords);
  const words = storyTiming(story).read.words;
  config.log(
    `editor: ${words.toLocaleString('en')}-word story, ${config.editorChars} keys in the app, in the app beside a ${config.editorRundownRows}-row rundown and in a bare Lexical editor, in ${config.blocks} alternating blocks…`,
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
    const sizes = blockSizes(text.length, config.blocks);
    const chunks = sizes.map((n, i) => {
      const from = sizes.slice(0, i).reduce((a, b) => a + b, 0);
      return text.slice(from, from + n);
    });
    // Blocks alternate, so that other work on the machine falls on every side alike.
    await alternateBlocks(chunks.length, [
      (block) => typeBlock(browser, config, 'app', app.alone, chunks[block]!, block),
      (block) => typeBlock(browser, config, 'bare', bare.side, chunks[block]!, block),
      (block) => typeBlock(browser, config, 'rundown', app.inRundown, chunks[block]!, block),
    ]);
    for (const side of [app.alone, app.inRundown]) {
      if (side.words.flat().length === 0)
        throw new Error('editor: the word count never changed while typing');
    }

    const story10k = `${words.toLocaleString('en')}-word story`;
    const inShow = `same story in an open ${config.editorRundownRows}-row rundown`;
    const bareLabel = 'bare Lexical 0.52, same text';
    const bareFrame = 'bare editor’s keystroke frame';
    const words0 = (side: Side) => summarize(side.words.flat());
    return [
      editorRow(
        `keydown → next painted frame, ${story10k}, p95`,
        app.alone.frames,
        bare.side.frames,
        bareLabel,
        { text: '≤ 1.15×, < 16.7 ms', ratio: 1.15 },
        `Chromium ${chromium}`,
      ),
      editorRow(
        `keydown → live timing painted, ${story10k}, p95`,
        app.alone.timing,
        bare.side.frames,
        bareFrame,
        { text: '≤ 1.3×', ratio: 1.3 },
        `word count, read time and characters; the ${words0(app.alone).n} keys that changed the word count: p95 ${words0(app.alone).p95.toFixed(1)} ms`,
      ),
      editorRow(
        `keydown → next painted frame, ${inShow}, p95`,
        app.inRundown.frames,
        bare.side.frames,
        bareLabel,
        { text: '≤ 1.15×, < 16.7 ms', ratio: 1.15 },
        'its row and the show’s clock follow the typing',
      ),
      editorRow(
        `keydown → live timing painted, ${inShow}, p95`,
        app.inRundown.timing,
        bare.side.frames,
        bareFrame,
        { text: '≤ 1.3×', ratio: 1.3 },
        `the ${words0(app.inRundown).n} keys that changed the word count: p95 ${words0(app.inRundown).p95.toFixed(1)} ms`,
      ),
    ];
  } finally {
    for (const cleanup of cleanups) await cleanup();
    await browser.close();
  }
}
