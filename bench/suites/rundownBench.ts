import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Rundown, RundownRow } from '../../shared/rundown/model';
import { viewRundown, type RowStory } from '../../shared/rundown/view';
import { createRng, hashSeed, seededUuid } from '../generate/prng';
import { generateStory } from '../generate/stories';
import type { BenchConfig } from '../config';
import { startApp } from '../lib/app';
import { launchBenchBrowser } from '../lib/browser';
import { ensureDir, removeDatabase } from '../lib/files';
import {
  alternateBlocks,
  blockSizes,
  interleavedBlocks,
  p50,
  p95,
  steadyRatio,
} from '../lib/blocks';
import { summarize } from '../lib/stats';
import { row, type Row } from '../lib/report';
import { buildRundown, SHOW_DATE, SHOW_TITLE, showRows } from '../lib/rundown';

const FRAME_MS = 1000 / 60;

/**
 * A show of `n` rows in memory, as the rundown screen holds it: stories with their times, breaks,
 * items, a few typed estimates and actuals, one floated row and two hard hits.
 */
function memoryShow(seed: string, n: number): { rundown: Rundown; stories: Map<string, RowStory> } {
  const rng = createRng(hashSeed(seed, -7));
  const stories = new Map<string, RowStory>();
  const ids = Array.from({ length: n - 11 }, () => seededUuid(rng));
  for (const [i, id] of ids.entries()) {
    stories.set(id, {
      id,
      slug: `STORY ${i + 1}`,
      format: 'READER',
      presenter: 'ANNA',
      reporter: 'LEE',
      status: 'draft',
      trtSec: rng.int(15, 180),
      trtEstimated: false,
    });
  }
  const rows: RundownRow[] = showRows(n, ids).map((r, i) => ({
    id: seededUuid(rng),
    kind: r.kind,
    storyId: r.kind === 'story' ? r.storyId : null,
    label: r.kind === 'story' ? '' : r.label,
    page: null,
    estSec: r.kind === 'story' ? (i % 9 === 0 ? 60 : null) : r.estSec,
    actualSec: i % 13 === 0 ? 75 : null,
    floated: i === 7,
    hitSec: i === Math.floor(n / 3) || i === Math.floor((2 * n) / 3) ? 18 * 3600 + i * 60 : null,
  }));
  const rundown: Rundown = {
    id: seededUuid(rng),
    title: SHOW_TITLE,
    airDate: SHOW_DATE,
    onAirSec: 18 * 3600,
    lengthSec: n * 90,
    blockBudgets: { A: 600, B: 600 },
    rows,
    createdAt: `${SHOW_DATE}T09:00:00Z`,
    updatedAt: `${SHOW_DATE}T09:00:00Z`,
    version: 1,
  };
  return { rundown, stories };
}

/**
 * The limit for the times: a bare loop over the same numbers, already in typed arrays (each row's
 * length and hard hit), writing front, back and cume for every row.
 */
function bareTimes(dur: Float64Array, hit: Float64Array, onAir: number, offAir: number) {
  const n = dur.length;
  const front = new Float64Array(n);
  const back = new Float64Array(n);
  const cume = new Float64Array(n);
  let f = onAir;
  let c = 0;
  for (let i = 0; i < n; i++) {
    if (hit[i]! >= 0) f = hit[i]!;
    front[i] = f;
    cume[i] = c;
    f += dur[i]!;
    c += dur[i]!;
  }
  let t = offAir;
  for (let i = n - 1; i >= 0; i--) {
    t -= dur[i]!;
    back[i] = t;
    if (hit[i]! >= 0) t = hit[i]!;
  }
  return f - offAir + front[0]! + back[0]! + cume[n - 1]!;
}

/** Microseconds per call of `fn`, over `times` calls. */
function perCall(fn: () => unknown, times: number): number {
  const start = performance.now();
  for (let i = 0; i < times; i++) fn();
  return ((performance.now() - start) * 1000) / times;
}

async function recomputeRow(config: BenchConfig): Promise<Row> {
  const n = config.rundownRows;
  const show = memoryShow(config.seed, n);
  const view = viewRundown(show.rundown, show.stories);
  const dur = Float64Array.from(view.lines, (l) => l.durSec);
  const hit = Float64Array.from(show.rundown.rows, (r) => (r.floated ? -1 : (r.hitSec ?? -1)));
  const offAir = show.rundown.onAirSec + show.rundown.lengthSec;
  const calls = 200;
  let sink = 0;
  const [ours, bare] = await interleavedBlocks(config.blocks, 20, [
    () => perCall(() => viewRundown(show.rundown, show.stories), calls),
    () => perCall(() => (sink += bareTimes(dur, hit, show.rundown.onAirSec, offAir)), calls),
  ]);
  if (!Number.isFinite(sink)) throw new Error('rundown: the bare loop lost its numbers');
  const o = summarize(ours!.flat());
  const b = summarize(bare!.flat());
  return row({
    suite: 'rundown',
    name: `recompute a ${n}-row rundown's times (the screen's whole view), median`,
    unit: 'µs',
    ours: o.p50,
    baseline: b.p50,
    baselineLabel: 'bare loop over the same lengths and hits, typed arrays',
    steady: steadyRatio(ours!, bare!, p50),
    note: `${calls} recomputes per sample; p95 ${o.p95.toFixed(1)} µs vs ${b.p95.toFixed(2)} µs; the view also numbers pages, sums blocks and joins each row to its story`,
  });
}

type MoveProbe = { samples: number[]; waiters: (() => void)[] };
declare global {
  var __moves: MoveProbe | undefined;
}

/**
 * In the page: keydown → the end of the first frame painted after the grid's body changed.
 */
function installMoveProbe(bodySelector: string): void {
  const probe: MoveProbe = { samples: [], waiters: [] };
  let key: number | null = null;
  // The move's key, not the Alt pressed before it.
  window.addEventListener('keydown', (e) => e.key !== 'Alt' && (key = e.timeStamp), true);
  new MutationObserver(() => {
    const at = key;
    if (at === null) return;
    key = null;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        probe.samples.push(performance.now() - at);
        for (const wake of probe.waiters.splice(0)) wake();
      };
      channel.port2.postMessage(null);
    });
  }).observe(document.querySelector(bodySelector)!, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
  });
  globalThis.__moves = probe;
}

/**
 * Moves the focused row down `count` times, then back up: one key at a time, each after the last
 * one's frame and a pause long enough for the archive's answer (the screen shows a move at once,
 * then stores it; a second move sent before the first is stored would be refused as stale).
 */
async function moveRows(page: Page, count: number, seed: string): Promise<number[]> {
  const rng = createRng(hashSeed(seed, -8));
  for (let i = 0; i < count; i++) {
    const before = await page.evaluate(() => globalThis.__moves!.samples.length);
    await page.keyboard.press(i < count / 2 ? 'Alt+ArrowDown' : 'Alt+ArrowUp');
    await page.evaluate(
      ([seen, pause]) =>
        new Promise<void>((resolve) => {
          const probe = globalThis.__moves!;
          const done = () => setTimeout(resolve, pause);
          if (probe.samples.length > seen!) return done();
          const timer = setTimeout(done, 2000);
          probe.waiters.push(() => {
            clearTimeout(timer);
            done();
          });
        }),
      [before, 120 + rng.int(0, 60)],
    );
  }
  return page.evaluate(() => globalThis.__moves!.samples.splice(0));
}

/**
 * The limit for a move: a plain page with the same grid (200 rows, the same columns, plain DOM)
 * that moves the row's element and rewrites every row's page, front, back and cume cells.
 */
function bareGridPage(rows: number): string {
  return `<!doctype html><meta charset="utf-8"><style>
  body{font:13px system-ui;margin:0} table{border-collapse:collapse;width:100%}
  td{padding:4px 8px;border-bottom:1px solid #ddd;white-space:nowrap} tr:focus{outline:2px solid #36c}
  </style><table><tbody id="grid"></tbody></table><script>
  const n = ${rows};
  const body = document.getElementById('grid');
  const d = Array.from({length: n}, (_, i) => 15 + (i * 37) % 160);
  const clock = (s) => [s / 3600 | 0, (s / 60 | 0) % 60, s % 60].map((x) => String(x).padStart(2, '0')).join(':');
  for (let i = 0; i < n; i++) {
    const tr = document.createElement('tr');
    tr.tabIndex = 0;
    tr.dataset.d = d[i];
    tr.innerHTML = '<td></td><td>STORY ' + (i + 1) + '</td><td>READER</td><td>ANNA</td><td>LEE</td><td>Ready</td><td>' + d[i] + '</td><td></td><td></td><td></td><td></td>';
    body.appendChild(tr);
  }
  function retime() {
    const rows = body.rows;
    let front = 18 * 3600, cume = 0;
    const total = [...rows].reduce((a, r) => a + Number(r.dataset.d), 0);
    let back = 18 * 3600 + total;
    for (let i = 0; i < rows.length; i++) {
      const c = rows[i].cells, len = Number(rows[i].dataset.d);
      c[0].textContent = 'A' + (i + 1);
      c[8].textContent = clock(front);
      c[9].textContent = clock(back - (total - cume));
      c[10].textContent = clock(cume);
      front += len; cume += len;
    }
  }
  retime();
  body.addEventListener('keydown', (e) => {
    const tr = e.target.closest('tr');
    if (!e.altKey || !tr || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
    e.preventDefault();
    if (e.key === 'ArrowDown' && tr.nextElementSibling) tr.nextElementSibling.after(tr);
    else if (e.key === 'ArrowUp' && tr.previousElementSibling) tr.previousElementSibling.before(tr);
    tr.focus();
    retime();
  });
  </script>`;
}

async function moveRow(config: BenchConfig): Promise<Row> {
  const n = config.rundownRows;
  const archive = join(ensureDir(config.workDir), 'rundown.sqlite');
  removeDatabase(archive);
  const app = await startApp(archive);
  const browser = await launchBenchBrowser();
  try {
    const stories = Array.from({ length: n - 11 }, (_, i) =>
      generateStory(config.seed, 60_000 + i, 100_000),
    );
    await app.call('import.stories', { stories });
    await buildRundown(
      app.call,
      n,
      undefined,
      stories.map((s) => s.id),
    );
    const ours = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await ours.goto(app.url);
    await ours.getByTestId('rundowns-tab').click();
    await ours
      .getByRole('button', { name: new RegExp(SHOW_TITLE) })
      .first()
      .click();
    const rows = ours.getByTestId('rundown-row');
    await rows.nth(n - 1).waitFor();
    // A row a fifth of the way down: moves change the times of every row below it.
    // A click on the row (its format cell) selects it and puts the keyboard on the grid.
    await rows
      .nth(Math.floor(n / 5))
      .getByRole('gridcell')
      .nth(2)
      .click();
    if (!(await ours.evaluate(() => document.activeElement?.getAttribute('role') === 'grid')))
      throw new Error('rundown: the click did not put the keyboard on the grid');
    await ours.evaluate(installMoveProbe, '[data-testid=rundown-rows]');

    const bare = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await bare.setContent(bareGridPage(n));
    await bare
      .locator('tr')
      .nth(Math.floor(n / 5))
      .focus();
    await bare.evaluate(installMoveProbe, '#grid');

    const sizes = blockSizes(config.rundownMoves, config.blocks).map((m) => Math.max(2, m));
    const [o, b] = await alternateBlocks(sizes.length, [
      (block) => moveRows(ours, sizes[block]!, `${config.seed}:ours:${block}`),
      (block) => moveRows(bare, sizes[block]!, `${config.seed}:bare:${block}`),
    ]);
    const os = summarize(o!.flat());
    const bs = summarize(b!.flat());
    if (os.n === 0) throw new Error('rundown: no move was painted');
    return row({
      suite: 'rundown',
      name: `move a row in a ${n}-row rundown (Alt+↓/↑) → painted frame, p95`,
      unit: 'ms',
      ours: os.p95,
      baseline: bs.p95,
      baselineLabel: 'plain DOM table, same rows, moves the row and rewrites the clocks',
      steady: steadyRatio(o!, b!, p95),
      goal: { text: '< 16.7 ms', met: os.p95 < FRAME_MS },
      note: `p50 ${os.p50.toFixed(1)} ms vs ${bs.p50.toFixed(1)} ms over ${os.n} and ${bs.n} moves`,
    });
  } finally {
    await browser.close();
    await app.stop();
    removeDatabase(archive);
  }
}

/**
 * A rundown's own costs: recomputing its clocks, and moving a row on screen. Typing in a story
 * that sits in an open rundown is measured by the editor suite, beside the same story alone.
 */
export async function rundownBench(config: BenchConfig): Promise<Row[]> {
  config.log(
    `rundown: ${config.rundownRows}-row show, recomputed and ${config.rundownMoves} moves, in ${config.blocks} alternating blocks…`,
  );
  return [await recomputeRow(config), await moveRow(config)];
}
