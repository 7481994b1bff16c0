import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/ipc/result';
import { runCli, type CliIo } from './run';
import { cliWorkspace } from './testing/cliWorkspace';
import { EXIT, exitCodeFor } from './exitCodes';

const fixture = new URL('../../fixtures/harbor-bridge.txt', import.meta.url);

function workspace() {
  const { dir, archive, runWith } = cliWorkspace();
  const run = (argv: string[], io: Partial<CliIo> = {}) => runWith(io, ...argv);
  const imported = async () => {
    const script = join(dir, 'harbor-bridge.txt');
    copyFileSync(fixture, script);
    const { stdout } = await run(['import', script, '--json']);
    return (JSON.parse(stdout) as { stories: { id: string }[] }).stories[0]!.id;
  };
  return { dir, archive, run, imported };
}

describe('copydesk exit codes', () => {
  it('maps every error code of the contract to one of the documented exit codes', () => {
    const documented = new Set<number>(Object.values(EXIT));
    for (const code of ERROR_CODES) expect(documented.has(exitCodeFor(code))).toBe(true);
    expect(exitCodeFor('NOT_FOUND')).toBe(3);
    expect(exitCodeFor('ARCHIVE_CORRUPT')).toBe(4);
    expect(exitCodeFor('INTERNAL')).toBe(5);
  });

  it('lost the service’s error code: a missing story exited 1 like any failure, now 3', async () => {
    const { run, imported } = workspace();
    await imported();
    const missing = randomUUID();
    for (const argv of [
      ['show', missing],
      ['history', missing],
      ['status', missing, 'ready'],
      ['export', '--story', missing, '--format', 'md'],
    ]) {
      expect(await run(argv)).toMatchObject({
        code: EXIT.notFound,
        stderr: expect.stringContaining('not in the archive'),
      });
    }
    expect(await run(['export', '--tag', 'no-such-tag', '--format', 'md'])).toMatchObject({
      code: EXIT.notFound,
      stderr: expect.stringContaining('No stories match'),
    });
  });

  it('keeps the service’s code in the JSON a script reads', async () => {
    const { run, imported } = workspace();
    await imported();
    const result = await run(['show', randomUUID(), '--json']);
    expect(result.code).toBe(EXIT.notFound);
    expect(JSON.parse(result.stdout)).toEqual({
      error: { code: 'NOT_FOUND', message: expect.stringContaining('not in the archive') },
    });
  });

  it('exits 1 when the request is understood and refused, and nothing changes', async () => {
    const { dir, run, imported } = workspace();
    const id = await imported();
    const binary = join(dir, 'photo.bin');
    writeFileSync(binary, Buffer.from([0x00, 0x01, 0x02, 0xff]));
    expect((await run(['import', binary])).code).toBe(EXIT.refused);
    expect((await run(['status', id, 'returned'])).code).toBe(EXIT.refused);
    for (const status of ['ready', 'approved', 'aired'])
      expect((await run(['status', id, status])).code).toBe(EXIT.ok);
    expect((await run(['status', id, 'ready'])).code).toBe(EXIT.refused);
    expect(
      JSON.parse((await run(['show', id, '--json'])).stdout) as { status: string },
    ).toMatchObject({ status: 'aired' });
  });

  it('exits 2 on a wrong command line, before the archive is created', async () => {
    const { archive, run } = workspace();
    for (const [argv, message] of [
      [['frobnicate'], 'unknown command'],
      [['list', '--bogus'], "Unknown option '--bogus'"],
      [['list', '--caps'], 'list does not take --caps'],
      [['list', '--status', 'published'], '--status is one of draft, ready'],
      [['list', '--from', 'yesterday'], 'YYYY-MM-DD'],
      [['search', 'x', '--sort', 'size'], '--sort is relevance or date'],
      [['export', '--all'], 'export needs --format prompter-txt|'],
      [['export', '--all', '--format', 'doc'], '--format is one of prompter-txt,'],
      [['export', '--all', '--format', 'rtf'], '--format is one of'],
      [['export', '--all', '--format', 'pdf', '--font-size', 'big'], 'from 10 to 144'],
      [['export', '--all', '--format', 'pdf', '--font-size', '200'], 'from 10 to 144'],
      [['export', '--all', '--tag', 'x', '--format', 'md'], 'exactly one of'],
      [['web', '--port', '70000'], '--port takes a whole number from 0 to 65535'],
      [['show'], 'show needs a story ID'],
    ] as const) {
      const result = await run([...argv]);
      expect(result.code, argv.join(' ')).toBe(EXIT.usage);
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain('Usage:');
    }
    expect(existsSync(archive)).toBe(false);
  });

  it('accepts a story format or an enum value in any case where only one value matches', async () => {
    const { run, imported } = workspace();
    await imported();
    const listed = await run(['list', '--format', 'pkg', '--status', 'DRAFT', '--json']);
    expect(listed.code).toBe(EXIT.ok);
    expect((JSON.parse(listed.stdout) as { total: number }).total).toBe(1);
  });

  it('exits 3 for a file that is not there', async () => {
    const { dir, run } = workspace();
    expect(await run(['import', join(dir, 'missing.txt')])).toMatchObject({
      code: EXIT.notFound,
      stderr: expect.stringContaining('no such file'),
    });
  });

  it('exits 4 when the archive cannot be used', async () => {
    const { dir } = workspace();
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'these are my notes, not an archive');
    let stderr = '';
    const code = await runCli(['list', '--archive', notes], {
      stdout: () => {},
      stderr: (s) => (stderr += s),
      env: {},
    });
    expect(code).toBe(EXIT.archive);
    expect(stderr).toContain('not a Copydesk archive');
    const { run } = workspace();
    expect((await run(['restore', notes, '--yes'])).code).toBe(EXIT.archive);
    expect((await run(['restore', join(dir, 'missing.sqlite'), '--yes'])).code).toBe(EXIT.archive);
  });

  it('exits 5 on a failure nobody expected, with the details on stderr', async () => {
    const { run, imported } = workspace();
    await imported();
    const result = await run(['list'], {
      stdout: () => {
        throw new TypeError('the terminal went away');
      },
    });
    expect(result.code).toBe(EXIT.internal);
    expect(result.stderr).toContain('internal error: the terminal went away');
  });
});
