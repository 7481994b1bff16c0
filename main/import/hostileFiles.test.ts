import { execFileSync } from 'node:child_process';
import {
  mkdtempSync,
  openSync,
  closeSync,
  symlinkSync,
  writeFileSync,
  ftruncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/ipc/contract';
import { readPickedFile } from '../electron/dialogs';
import { runCliChild, type ChildRun } from '../services/testing/childProcess';
import { readImportBytes } from './readImportBytes';

const MB = 2 ** 20;
const posix = process.platform !== 'win32';

/** Hostile things a path can name: devices behind links, a pipe nobody writes, a huge file. */
function hostileFolder() {
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

describe.runIf(posix)('reading a file to import, whatever the path names', () => {
  let files: ReturnType<typeof hostileFolder>;
  beforeAll(() => {
    files = hostileFolder();
  });

  it('refuses devices, a pipe and a folder without reading from them, and a huge file by its size', async () => {
    const before = process.memoryUsage().rss;
    await expect(readImportBytes(files.zero)).rejects.toMatchObject({
      code: 'BAD_FILE',
      message: '“zero.txt” is a device, not a script file. Nothing was imported.',
    });
    await expect(readImportBytes(files.random)).rejects.toMatchObject({ code: 'BAD_FILE' });
    await expect(readImportBytes(files.fifo)).rejects.toMatchObject({
      code: 'BAD_FILE',
      message: expect.stringContaining('is a pipe'),
    });
    await expect(readImportBytes(files.folder)).rejects.toMatchObject({
      message: expect.stringContaining('is a folder'),
    });
    await expect(readImportBytes(files.sparse)).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringContaining('larger than 8 MB'),
    });
    await expect(readImportBytes(join(files.dir, 'missing.txt'))).rejects.toMatchObject({
      message: '“missing.txt” is not there (no such file). Nothing was imported.',
    });
    expect(process.memoryUsage().rss - before).toBeLessThan(16 * MB);
  });

  it('reads a file up to the limit and no further, even one that grows', async () => {
    const exact = join(files.dir, 'exact.txt');
    writeFileSync(exact, Buffer.alloc(MAX_IMPORT_FILE_BYTES, 0x61));
    expect((await readImportBytes(exact)).length).toBe(MAX_IMPORT_FILE_BYTES);
    writeFileSync(exact, Buffer.alloc(MAX_IMPORT_FILE_BYTES + 1, 0x61));
    await expect(readImportBytes(exact)).rejects.toMatchObject({ code: 'TOO_LARGE' });
    // A small limit shows the read stopping at limit + 1 bytes past what fstat said.
    expect((await readImportBytes(files.small, 1000)).toString()).toContain('HARBOR BRIDGE');
    await expect(readImportBytes(files.small, 10)).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  it('the desktop file picker and files the OS hands the app go through the same checks', async () => {
    await expect(readPickedFile(files.zero)).rejects.toMatchObject({ code: 'BAD_FILE' });
    await expect(readPickedFile(files.fifo)).rejects.toMatchObject({ code: 'BAD_FILE' });
    await expect(readPickedFile(files.sparse)).rejects.toMatchObject({ code: 'TOO_LARGE' });
    expect((await readPickedFile(files.small)).name).toBe('small.txt');
  });
});

describe.runIf(posix)('copydesk import of hostile files', () => {
  let files: ReturnType<typeof hostileFolder>;
  let control: ChildRun;
  // A refused file may cost what reading one script costs, not what reading the device would.
  const CEILING_OVER_CONTROL = 48 * MB;
  const run = (path: string) =>
    runCliChild(['import', path, '--archive', join(files.dir, 'archive.sqlite')], {
      timeoutMs: 20_000,
      rssCeiling: control.peakRss + 4 * CEILING_OVER_CONTROL,
    });

  beforeAll(async () => {
    files = hostileFolder();
    control = await runCliChild([
      'import',
      files.small,
      '--archive',
      join(files.dir, 'archive.sqlite'),
    ]);
    expect(control.code, control.stderr).toBe(0);
  }, 60_000);

  it.each([
    ['a link to /dev/zero', 'zero', /“zero\.txt” is a device/],
    ['a link to /dev/urandom', 'random', /“random\.txt” is a device/],
    ['a FIFO nobody writes to', 'fifo', /“pipe\.txt” is a pipe/],
    ['a 200 MB sparse file', 'sparse', /“huge\.txt” is larger than 8 MB/],
  ] as const)(
    'refuses %s at once, in words, within a memory ceiling',
    async (_what, key, message) => {
      const result = await run(files[key]);
      expect(result.killedFor).toBeNull();
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.peakRss - control.peakRss).toBeLessThan(CEILING_OVER_CONTROL);
      console.log(
        `import ${key}: peak ${Math.round(result.peakRss / MB)} MB (a small script: ${Math.round(control.peakRss / MB)} MB)`,
      );
    },
    60_000,
  );
});
