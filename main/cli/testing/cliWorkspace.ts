import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliIo } from '../run';

export type CliRun = { code: number | null; stdout: string; stderr: string };

/** The CLI run in this process, with what it printed kept. */
export async function runCaptured(
  argv: readonly string[],
  io: Partial<CliIo> = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env: {},
    ...io,
  });
  return { code, stdout, stderr };
}

/** A temporary folder with an archive path in it, and the CLI run on that archive. */
export function cliWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-cli-'));
  const archive = join(dir, 'test.sqlite');
  const runWith = (io: Partial<CliIo>, ...argv: string[]): Promise<CliRun> =>
    runCaptured([...argv, '--archive', archive], io);
  const run = (...argv: string[]) => runWith({}, ...argv);
  return { dir, archive, run, runWith };
}
