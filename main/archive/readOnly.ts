import { accessSync, constants, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';

export type ReadOnlyConnection = {
  db: Database;
  /** True when a private copy is read because the file's folder cannot hold SQLite's index. */
  copy: boolean;
  close(): void;
};

/**
 * Why the archive at `path` cannot be written here, in words, or null when it can (as far as
 * the OS says before trying). A read-only drive or folder, or a read-only file, is not damage.
 */
export function whyNotWritable(path: string): string | null {
  const blocked = (target: string): NodeJS.ErrnoException | null => {
    try {
      accessSync(target, constants.W_OK);
      return null;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'EROFS' || code === 'EACCES' || code === 'EPERM'
        ? (error as NodeJS.ErrnoException)
        : null;
    }
  };
  const folder = blocked(dirname(path));
  if (folder)
    return folder.code === 'EROFS'
      ? 'it is on a read-only drive'
      : 'its folder is read-only for you';
  if (existsSync(path)) {
    const file = blocked(path);
    if (file) return file.code === 'EROFS' ? 'it is on a read-only drive' : 'the file is read-only';
  }
  return null;
}

function cannotOpen(error: unknown): boolean {
  return /^SQLITE_(CANTOPEN|IOERR)/.test(String((error as { code?: unknown }).code));
}

/**
 * Opens a database file for reading only, without writing a byte anywhere near it. SQLite reads
 * a WAL-mode file through a `-shm` index beside it; in a read-only folder that index cannot be
 * made (and this SQLite build takes no `immutable=1` URI), so a private copy of the file and its
 * log in the temp folder is read instead, and removed on close.
 */
export function openReadOnly(path: string, nativeBinding?: string): ReadOnlyConnection {
  let db: Database | null = null;
  try {
    db = new BetterSqlite3(path, { readonly: true, fileMustExist: true, nativeBinding });
    db.pragma('application_id');
    const opened = db;
    return { db: opened, copy: false, close: () => opened.close() };
  } catch (error) {
    db?.close();
    if (!cannotOpen(error) || whyNotWritable(path) === null) throw error;
  }
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-read-only-'));
  try {
    const copy = join(dir, basename(path));
    copyFileSync(path, copy);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
    const opened = new BetterSqlite3(copy, { readonly: true, fileMustExist: true, nativeBinding });
    return {
      db: opened,
      copy: true,
      close: () => {
        opened.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
