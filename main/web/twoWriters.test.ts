import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../archive/open';
import { startWebServer, type WebServer } from './server';
import { createServices, invokeService } from '../services/serviceTable';

const RAW_IMPORTS = new URL('../services/testing/rawImports.mjs', import.meta.url).pathname;
const CLI = new URL('../cli/cli.ts', import.meta.url).pathname;

/** The real CLI from source, as a separate process with its own connection to the archive. */
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', RAW_IMPORTS, CLI, ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

function createOverHttp(server: WebServer, n: number): Promise<{ ok: boolean; body: string }> {
  return new Promise((resolve) => {
    const body = JSON.stringify({ slug: `WEB ${n}` });
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/api/stories.create',
        method: 'POST',
        headers: {
          host: `127.0.0.1:${server.port}`,
          'content-type': 'application/json',
          authorization: `Bearer ${server.token}`,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () =>
          resolve({ ok: res.statusCode === 200 && JSON.parse(text).ok === true, body: text }),
        );
      },
    );
    req.on('error', (error) => resolve({ ok: false, body: error.message }));
    req.end(body);
  });
}

function scripts(dir: string, prefix: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: count }, (_, i) => {
    const file = join(dir, `${prefix}-${i}.txt`);
    writeFileSync(
      file,
      `${prefix} ${i}\n\nThe council met today to talk about harbor bridge repairs, story ${i}.\n`,
    );
    return file;
  });
}

describe('two writers on one archive', () => {
  it('browser mode keeps creating while two CLI processes import: no "database is locked", no failure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-writers-'));
    const path = join(dir, 'archive.sqlite');
    const archive = openArchive(path);
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
    const server = await startWebServer({
      services: createServices({ archive, version: 'test' }),
      rendererDir,
    });
    const batches = {
      a: scripts(join(dir, 'a'), 'ALPHA', 150),
      b: scripts(join(dir, 'b'), 'BRAVO', 150),
    };
    const cliRuns: { code: number | null; stdout: string; stderr: string }[] = [];
    let importsDone = false;
    const importer = async (files: string[]) => {
      for (let round = 0; round < 3; round++)
        cliRuns.push(await cli(['import', ...files, '--archive', path]));
    };
    const imports = Promise.all([importer(batches.a), importer(batches.b)]).then(
      () => (importsDone = true),
    );

    const failures: string[] = [];
    let creates = 0;
    // Keep the browser busy for as long as the importers run, four requests in flight.
    const worker = async () => {
      while (!importsDone || creates < 200) {
        const n = creates++;
        const reply = await createOverHttp(server, n);
        if (!reply.ok) failures.push(reply.body);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker(), imports]);
    await server.close();

    // Progress lines are expected on stderr; anything else there is a failure.
    const cliFailures = cliRuns.filter(
      (r) =>
        r.code !== 0 ||
        r.stderr.replace(/^(Checked|Imported) [\d,]+ of [\d,]+ files\n/gm, '') !== '',
    );
    expect(failures.slice(0, 3), `${failures.length} of ${creates} creates failed`).toEqual([]);
    expect(cliFailures.map((r) => r.stderr.slice(0, 400))).toEqual([]);
    const listed = archive.db.prepare('SELECT count(*) AS n FROM stories').get() as { n: number };
    expect(listed.n).toBe(creates + 2 * 3 * 150);
    archive.close();
    console.log(`two writers: ${creates} creates, ${cliRuns.length} CLI imports of 150 files`);
  }, 180_000);
});

describe('a write that still finds the archive busy', () => {
  it('says the archive is busy and to try again, not INTERNAL, and changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-busy-'));
    const path = join(dir, 'archive.sqlite');
    const archive = openArchive(path);
    // Waiting the full five seconds would only slow the test down: what matters is the answer.
    archive.db.pragma('busy_timeout = 50');
    const other = openArchive(path);
    other.db.exec('BEGIN IMMEDIATE');
    const services = createServices({ archive, version: 'test' });
    const result = await invokeService(services, 'stories.create', { slug: 'BLOCKED' });
    other.db.exec('ROLLBACK');
    expect(result).toEqual({
      ok: false,
      error: { code: 'ARCHIVE_BUSY', message: expect.stringMatching(/busy.*try again/) },
    });
    expect(archive.db.prepare('SELECT count(*) AS n FROM stories').get()).toEqual({ n: 0 });
    expect((await invokeService(services, 'stories.create', { slug: 'LATER' })).ok).toBe(true);
    other.close();
    archive.close();
  });
});
