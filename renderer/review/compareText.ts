import { wordDiff, type WordDiff } from '../../shared/diff/wordDiff';
import type { DiffRequest, DiffResponse } from './diffMessages';

/**
 * Texts up to this many characters together are compared on the spot: even rewritten whole they
 * take a few milliseconds. Longer ones go to the worker, so the window keeps answering.
 */
export const COMPARE_IN_PLACE_CHARS = 1000;

type Pending = { resolve: (diff: WordDiff) => void; before: string; after: string };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

/** The one diff worker, started on first use; null where workers cannot run. */
function diffWorker(): Worker | null {
  if (worker || typeof Worker === 'undefined') return worker;
  try {
    worker = new Worker(new URL('./diffWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  worker.onmessage = ({ data }: MessageEvent<DiffResponse>) => {
    pending.get(data.id)?.resolve(data.diff);
    pending.delete(data.id);
  };
  // A worker that fails (it could not load, or threw) is dropped; what it held is compared here.
  worker.onerror = () => {
    worker?.terminate();
    worker = null;
    const left = [...pending.values()];
    pending.clear();
    for (const p of left) p.resolve(wordDiff(p.before, p.after));
  };
  return worker;
}

/** The word diff of two read texts, in a worker when they are long. */
export function compareText(before: string, after: string): Promise<WordDiff> {
  const target = before.length + after.length > COMPARE_IN_PLACE_CHARS ? diffWorker() : null;
  if (!target) return Promise.resolve(wordDiff(before, after));
  return new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, { resolve, before, after });
    target.postMessage({ id, before, after } satisfies DiffRequest);
  });
}
