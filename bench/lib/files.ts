import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout this code runs from, whether from bench/ sources or the out/bench bundle. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'bench'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('bench: cannot find the Copydesk checkout');
    dir = parent;
  }
  return dir;
}

/** Removes an SQLite file with its WAL and shared-memory companions. */
export function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

export function ensureDir(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}

/** What a kept archive was generated from, so a later run can tell whether it may reuse it. */
export type ArchiveStamp = { seed: string; stories: number; schema: number };

export function readStamp(path: string): ArchiveStamp | null {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ArchiveStamp;
  } catch {
    return null;
  }
}

export function writeStamp(path: string, stamp: ArchiveStamp): void {
  writeFileSync(path, JSON.stringify(stamp));
}
