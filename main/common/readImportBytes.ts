import { constants, statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/limits';
import { ServiceError } from './errors';

// Opening a FIFO for reading waits for a writer unless it is non-blocking; a regular file reads
// the same either way. Windows has no such flag (and no FIFOs at a path).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The one sentence for a file over the import limit, whether seen by its size or its bytes. */
export function tooLargeMessage(label: string): string {
  return `${label} is larger than 8 MB; a script file is far smaller. Nothing was imported.`;
}

function kindOf(stats: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not an ordinary file';
}

function openFailure(label: string, error: NodeJS.ErrnoException): ServiceError {
  switch (error.code) {
    case 'ENOENT':
      return new ServiceError(
        'NOT_FOUND',
        `${label} is not there (no such file). Nothing was imported.`,
      );
    case 'EACCES':
    case 'EPERM':
      return new ServiceError(
        'BAD_FILE',
        `${label} cannot be read (permission denied). Nothing was imported.`,
      );
    case 'EISDIR':
      return new ServiceError(
        'BAD_FILE',
        `${label} is a folder, not a script file. Nothing was imported.`,
      );
    case 'ELOOP':
      return new ServiceError(
        'BAD_FILE',
        `${label} is a link that leads nowhere. Nothing was imported.`,
      );
    default:
      return new ServiceError(
        'BAD_FILE',
        `${label} could not be read (${error.code ?? error.message}). Nothing was imported.`,
      );
  }
}

/**
 * The bytes of a file to import, read safely whatever the path turns out to be: it must be a
 * regular file (a link to /dev/zero, a FIFO or a folder is refused without reading from it),
 * and no more than `limit` + 1 bytes are ever read, so a huge or growing file costs no memory
 * beyond the limit. Failures are BAD_FILE or TOO_LARGE errors naming the file.
 */
export async function readImportBytes(
  path: string,
  limit: number = MAX_IMPORT_FILE_BYTES,
): Promise<Buffer> {
  const label = `“${basename(path)}”`;
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    throw openFailure(label, error as NodeJS.ErrnoException);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      throw new ServiceError(
        'BAD_FILE',
        `${label} is ${kindOf(stats)}, not a script file. Nothing was imported.`,
      );
    }
    if (stats.size > limit) throw new ServiceError('TOO_LARGE', tooLargeMessage(label));
    // The size may have changed since fstat: read until the end, but never past limit + 1.
    let buffer = Buffer.allocUnsafe(stats.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) break;
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > limit) throw new ServiceError('TOO_LARGE', tooLargeMessage(label));
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** A file's size, for planning import batches; one that cannot be read says so when read. */
export function sizeOnDisk(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
