import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openReadOnly, type ReadOnlyConnection } from './readOnly';
import { APPLICATION_ID } from './identity';
import { ArchiveError } from './errors';
import { assertSchemaKnown } from './migrate';

/** Automatic backups sit beside the archive, in a folder of their own. */
export function backupFolder(archivePath: string): string {
  return join(dirname(archivePath), 'backups');
}

function stampName(archivePath: string, at: Date): string {
  const stem = basename(archivePath).replace(/\.[^.]*$/, '');
  return `${stem}-${at.toISOString().replace(/[:.]/g, '-')}.sqlite`;
}

/**
 * Checks that a file is a sound Copydesk archive without writing to it: opened read-only, its
 * application id and schema version checked, then SQLite's quick check.
 */
export function verifyArchiveFile(path: string, options: { nativeBinding?: string } = {}): void {
  if (!existsSync(path))
    throw new ArchiveError('ARCHIVE_UNAVAILABLE', `There is no file at ${path}.`);
  let connection: ReadOnlyConnection;
  try {
    // Read-only even where its -shm index cannot be made (a backup on a read-only drive).
    connection = openReadOnly(path, options.nativeBinding);
  } catch (cause) {
    throw new ArchiveError(
      'NOT_AN_ARCHIVE',
      (cause as { code?: string }).code === 'SQLITE_NOTADB'
        ? `${path} is not a Copydesk archive (not a SQLite database).`
        : `${path} cannot be opened as an archive: ${(cause as Error).message}`,
      { cause },
    );
  }
  const { db } = connection;
  try {
    if ((db.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) {
      throw new ArchiveError('NOT_AN_ARCHIVE', `${path} is not a Copydesk archive.`);
    }
    assertSchemaKnown(db);
    const problems = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
    if (problems.length !== 1 || problems[0]!.quick_check !== 'ok') {
      throw new ArchiveError(
        'ARCHIVE_CORRUPT',
        `${path} is damaged: ${problems[0]?.quick_check ?? 'unknown problem'}.`,
      );
    }
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new ArchiveError(
        'NOT_AN_ARCHIVE',
        `${path} is not a Copydesk archive (not a SQLite database).`,
        {
          cause: error,
        },
      );
    }
    throw new ArchiveError('ARCHIVE_CORRUPT', `${path} is damaged: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    connection.close();
  }
}

/** An online backup (SQLite's backup API, safe while the archive is in use), then verified. */
export async function backupArchive(
  db: Database,
  target: string,
): Promise<{ path: string; bytes: number }> {
  if (existsSync(target))
    throw new ArchiveError('ARCHIVE_UNAVAILABLE', `${target} already exists; choose another name.`);
  mkdirSync(dirname(target), { recursive: true });
  await db.backup(target);
  verifyArchiveFile(target);
  return { path: target, bytes: statSync(target).size };
}

export type BackupFile = { path: string; at: string; bytes: number };

/** The automatic backups of an archive, newest first. */
export function listBackups(archivePath: string): BackupFile[] {
  const folder = backupFolder(archivePath);
  if (!existsSync(folder)) return [];
  const stem = basename(archivePath).replace(/\.[^.]*$/, '');
  return readdirSync(folder)
    .filter((f) => f.startsWith(`${stem}-`) && f.endsWith('.sqlite'))
    .map((f) => {
      const stat = statSync(join(folder, f));
      return { path: join(folder, f), at: stat.mtime.toISOString(), bytes: stat.size };
    })
    .sort((a, b) => b.path.localeCompare(a.path));
}

/** A timestamped backup in the backups folder, keeping only the newest `keep`. */
export async function rotateBackup(
  db: Database,
  archivePath: string,
  keep: number,
  now = new Date(),
): Promise<BackupFile> {
  const made = await backupArchive(
    db,
    join(backupFolder(archivePath), stampName(archivePath, now)),
  );
  for (const old of listBackups(archivePath).slice(keep)) rmSync(old.path, { force: true });
  return { path: made.path, at: now.toISOString(), bytes: made.bytes };
}

/**
 * Replaces the archive's content with a backup's, in place, through SQLite's backup API, so the
 * open connection stays valid. The backup is verified first, and the current content is itself
 * backed up beside it, so a restore can be undone.
 */
export async function restoreArchive(
  db: Database,
  archivePath: string,
  backupPath: string,
  now = new Date(),
): Promise<{ safetyCopy: string }> {
  verifyArchiveFile(backupPath);
  const safetyCopy = join(
    backupFolder(archivePath),
    `before-restore-${stampName(archivePath, now)}`,
  );
  await backupArchive(db, safetyCopy);
  const source = openReadOnly(backupPath);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    await source.db.backup(archivePath);
  } finally {
    source.close();
  }
  return { safetyCopy };
}

/**
 * Puts a backup in the place of an archive that cannot be opened (damaged), without opening
 * the damaged file: it is renamed beside the archive (with its -wal and -shm), never deleted,
 * and the verified backup is copied to the archive's path. Returns where the damaged file went.
 */
export function replaceDamagedArchive(
  archivePath: string,
  backupPath: string,
  now = new Date(),
): { damagedCopy: string } {
  verifyArchiveFile(backupPath);
  const stem = basename(archivePath).replace(/\.[^.]*$/, '');
  const damagedCopy = join(
    dirname(archivePath),
    `${stem}-damaged-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`,
  );
  if (existsSync(archivePath)) renameSync(archivePath, damagedCopy);
  for (const suffix of ['-wal', '-shm'])
    if (existsSync(archivePath + suffix)) renameSync(archivePath + suffix, damagedCopy + suffix);
  copyFileSync(backupPath, archivePath);
  return { damagedCopy };
}
