/**
 * Blocks and page numbers. A show is cut into blocks by its commercial breaks: the rows up to and
 * including the first break are the A block, the rows after it up to the next break the B block,
 * and so on. Deriving blocks from the breaks means a row dragged across a break simply changes
 * block, as it does on paper.
 */
export type BlockedRow = { kind: 'story' | 'break' | 'item'; page: string | null };

/** `A`, `B` … `Z`, then `AA`, `AB` …: the letter of the n-th block (0-based). */
export function blockName(n: number): string {
  let name = '';
  let i = n;
  do {
    name = String.fromCharCode(65 + (i % 26)) + name;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return name;
}

/** The block each row is in. */
export function blocksOf(rows: readonly BlockedRow[]): string[] {
  let block = 0;
  return rows.map((row) => {
    const name = blockName(block);
    if (row.kind === 'break') block++;
    return name;
  });
}

/**
 * Page numbers: a typed page is kept as typed; any other row is numbered by its place in its
 * block (A1, A2 … B1), floated rows and breaks included, so a page never changes when a row is
 * floated.
 */
export function pagesOf(rows: readonly BlockedRow[], blocks: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((row, i) => {
    const block = blocks[i]!;
    const n = (seen.get(block) ?? 0) + 1;
    seen.set(block, n);
    return row.page ?? `${block}${n}`;
  });
}
