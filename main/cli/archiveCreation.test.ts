import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaptured } from './testing/cliWorkspace';
import { EXIT } from './exitCodes';

const fixture = new URL('../../fixtures/harbor-bridge.txt', import.meta.url);

const cli = runCaptured;

function place() {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-create-'));
  const script = join(dir, 'harbor-bridge.txt');
  copyFileSync(fixture, script);
  return { dir, script };
}

describe('an archive is created only by a writing command, and it says so', () => {
  it('a typo in --archive makes reading commands refuse, creating neither file nor folder', async () => {
    const { dir } = place();
    const typo = join(dir, 'newsrom', 'archvie.sqlite');
    for (const argv of [
      ['list'],
      ['search', 'harbor'],
      ['show', crypto.randomUUID()],
      ['history', crypto.randomUUID()],
      ['check'],
      ['export', '--all', '--format', 'md'],
      ['backup', join(dir, 'copy.sqlite')],
    ]) {
      const result = await cli([...argv, '--archive', typo]);
      expect(result.code, argv[0]).toBe(EXIT.notFound);
      expect(result.stderr, argv[0]).toContain(
        `There is no archive at ${typo}; nothing was created.`,
      );
      expect(result.stdout, argv[0]).not.toMatch(/0 stories/);
    }
    const beside = join(dir, 'archvie.sqlite');
    expect((await cli(['list', '--archive', beside])).code).toBe(EXIT.notFound);
    expect(readdirSync(dir).sort()).toEqual(['harbor-bridge.txt']);
  });

  it('a writing command says it created a new archive, and only the first time', async () => {
    const { dir, script } = place();
    const archive = join(dir, 'desk.sqlite');
    const first = await cli(['import', script, '--archive', archive]);
    expect(first.code).toBe(EXIT.ok);
    expect(first.stderr).toBe(`Created a new archive at ${archive}.\n`);
    const second = await cli(['import', script, '--archive', archive]);
    expect(second.stderr).toBe('');
  });

  it('a writing command refuses a folder named by hand that is not there', async () => {
    const { dir, script } = place();
    const archive = join(dir, 'typo-folder', 'desk.sqlite');
    const result = await cli(['import', script, '--archive', archive]);
    expect(result.code).toBe(EXIT.notFound);
    expect(result.stderr).toContain(`The folder ${join(dir, 'typo-folder')} does not exist`);
    expect(existsSync(join(dir, 'typo-folder'))).toBe(false);
  });

  it('the user’s data folder is made on a first run, when no path was named', async () => {
    const { dir, script } = place();
    const home = join(dir, 'config');
    const result = await cli(['import', script], { env: { XDG_CONFIG_HOME: home } });
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(result.stderr).toContain('Created a new archive at');
    expect(existsSync(join(home, 'Copydesk', 'copydesk-archive.sqlite'))).toBe(true);
  });

  it('a zero-byte file is not taken over as a new archive, for reading or writing', async () => {
    const { dir, script } = place();
    const empty = join(dir, 'empty.sqlite');
    writeFileSync(empty, '');
    for (const argv of [['list'], ['import', script]]) {
      const result = await cli([...argv, '--archive', empty]);
      expect(result.code, argv[0]).toBe(EXIT.archive);
      expect(result.stderr).toContain('is an empty file (0 bytes), not a Copydesk archive');
    }
    expect(statSync(empty).size).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['empty.sqlite', 'harbor-bridge.txt']);
  });

  it('web does not create the archive when its port is taken', async () => {
    const { dir } = place();
    const archive = join(dir, 'desk.sqlite');
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const result = await cli(['web', '--port', String(port), '--archive', archive], {
        rendererDir,
      });
      expect(result.code).not.toBe(EXIT.ok);
      expect(result.code).not.toBeNull();
      expect(result.stderr).toContain(`port ${port} is already in use`);
      expect(existsSync(archive)).toBe(false);
    } finally {
      taken.close();
    }
  });
});
