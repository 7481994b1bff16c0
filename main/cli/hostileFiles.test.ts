import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_FILES_POSSIBLE, hostileFolder } from '../common/testing/hostileFiles';
import { runCliChild, type ChildRun } from '../services/testing/childProcess';

const MB = 2 ** 20;

describe.runIf(HOSTILE_FILES_POSSIBLE)('copydesk import of hostile files', () => {
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
