import type { Result } from '../ipc/result';
import type { ImportOutcome } from '../ipc/types';

/**
 * How a big import is cut into calls: `import.files` takes at most MAX_IMPORT_BATCH files, and
 * browser mode's server at most 16 MB a request, so thousands of scripts (a station moving its
 * archive) go in batches, in order.
 */
export type BatchLimits = { maxFiles: number; maxBytes: number };

/** Browser mode: base64 of the files per request, well inside the server's 16 MB. */
export const HTTP_IMPORT_BATCH: BatchLimits = { maxFiles: 100, maxBytes: 12 * 1024 * 1024 };
/** The CLI reads the files itself: bytes held per batch. */
export const CLI_IMPORT_BATCH: BatchLimits = { maxFiles: 100, maxBytes: 16 * 1024 * 1024 };

/**
 * The items in order, in batches of at most `maxFiles` whose sizes add up to at most `maxBytes`;
 * an item bigger than `maxBytes` on its own goes in a batch by itself.
 */
export function planBatches<T>(
  items: readonly T[],
  size: (item: T) => number,
  { maxFiles, maxBytes }: BatchLimits,
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const n = size(item);
    if (current.length > 0 && (current.length >= maxFiles || bytes + n > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += n;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** One `import.files` call on a batch: the files sent as given, or only checked (`dryRun`). */
export type SendBatch<T> = (batch: readonly T[], dryRun: boolean) => Promise<Result<ImportOutcome>>;

/**
 * Imports batches in order. With more than one, every batch is checked first, so one bad file
 * still means nothing imported; a failure after some batches went in says how far it got and
 * where to start again. `name` names an item in that message.
 */
export async function importBatches<T>(
  batches: readonly (readonly T[])[],
  send: SendBatch<T>,
  name: (item: T) => string,
  onProgress: (step: 'checking' | 'importing', done: number, total: number) => void = () => {},
): Promise<Result<ImportOutcome>> {
  const total = batches.reduce((n, b) => n + b.length, 0);
  if (batches.length === 0) return { ok: true, value: { stories: [], merged: [], dropped: [] } };
  if (batches.length === 1) return send(batches[0]!, false);
  let done = 0;
  for (const batch of batches) {
    const checked = await send(batch, true);
    if (!checked.ok) return checked;
    onProgress('checking', (done += batch.length), total);
  }
  const outcome: ImportOutcome = { stories: [], merged: [], dropped: [] };
  done = 0;
  for (const batch of batches) {
    const result = await send(batch, false);
    if (!result.ok) {
      if (done === 0) return result;
      const message = `${result.error.message} The first ${done} of ${total} files were imported; import the rest again, starting with “${name(batch[0]!)}”.`;
      return { ok: false, error: { ...result.error, message } };
    }
    outcome.stories.push(...result.value.stories);
    outcome.merged.push(...result.value.merged);
    outcome.dropped.push(...result.value.dropped);
    onProgress('importing', (done += batch.length), total);
  }
  return { ok: true, value: outcome };
}
