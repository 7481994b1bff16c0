import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/limits';
import { HOSTILE_FILES_POSSIBLE, hostileFolder } from './testing/hostileFiles';
import { readImportBytes } from './readImportBytes';

const MB = 2 ** 20;

describe.runIf(HOSTILE_FILES_POSSIBLE)('reading a file to import, whatever the path names', () => {
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
});
