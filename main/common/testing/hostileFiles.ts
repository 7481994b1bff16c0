import { execFileSync } from 'node:child_process';
import {
  closeSync,
  ftruncateSync,
  mkdtempSync,
  openSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MB = 2 ** 20;

/** Devices, pipes and sparse files exist at paths only on POSIX systems. */
export const HOSTILE_FILES_POSSIBLE = process.platform !== 'win32';

/** Hostile things a path can name: devices behind links, a pipe nobody writes, a huge file. */
export function hostileFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-hostile-'));
  const zero = join(dir, 'zero.txt');
  const random = join(dir, 'random.txt');
  const fifo = join(dir, 'pipe.txt');
  const sparse = join(dir, 'huge.txt');
  const folder = join(dir, 'folder.txt');
  const small = join(dir, 'small.txt');
  symlinkSync('/dev/zero', zero);
  symlinkSync('/dev/urandom', random);
  execFileSync('mkfifo', [fifo]);
  // 200 MB that takes no disk: a sparse file is read as zeros, and must not be read at all.
  const fd = openSync(sparse, 'w');
  ftruncateSync(fd, 200 * MB);
  closeSync(fd);
  execFileSync('mkdir', [folder]);
  writeFileSync(small, 'HARBOR BRIDGE\n\nThe council met today about the harbor bridge.\n');
  return { dir, zero, random, fifo, sparse, folder, small };
}
