import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliChild } from '../services/testing/childProcess';
import { runCli } from './run';

const fixture = new URL('../../fixtures/harbor-bridge.txt', import.meta.url);

describe.runIf(existsSync('/dev/full'))('standard output that cannot be written', () => {
  let archive: string;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-output-'));
    archive = join(dir, 'desk.sqlite');
    const script = join(dir, 'harbor-bridge.txt');
    copyFileSync(fixture, script);
    const io = { stdout: () => {}, stderr: () => {}, env: {} };
    for (let i = 0; i < 3; i++) await runCli(['import', script, '--archive', archive], io);
  });

  it.each([
    ['list', ['list']],
    ['an export to stdout', ['export', '--all', '--format', 'md']],
  ])(
    '%s into a full disk says so in words, without an unhandled error event',
    async (_, argv) => {
      const full = openSync('/dev/full', 'w');
      try {
        const result = await runCliChild([...argv, '--archive', archive], {
          stdout: full,
          timeoutMs: 30_000,
        });
        expect(result.stderr).toContain(
          'copydesk: the output could not be written: the disk is full.\n',
        );
        expect(result.stderr).not.toMatch(/Unhandled|\n\s+at |ENOSPC/);
        expect(result.code).toBe(1);
      } finally {
        closeSync(full);
      }
    },
    60_000,
  );

  it('a reader that went away (copydesk list | head) ends the command quietly', async () => {
    const result = await runCliChild(['list', '--archive', archive], {
      closeStdout: true,
      timeoutMs: 30_000,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, 60_000);
});
