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
