import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

// Runs the real electron-builder over the real config and the built app, offline: Electron's own
// binary (which cannot be downloaded here) is replaced by a stand-in file that carries Electron's
// fuse wire, and the Electron build of better-sqlite3 by a stand-in from a scratch cache. What is
// checked is what electron-builder makes of our config: the asar's contents, where the native
// module and the icon land, and the fuses it flips.

const ROOT = new URL('..', import.meta.url).pathname;
const ELECTRON_VERSION = JSON.parse(
  readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8'),
).version as string;
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// @electron/fuses' FuseV1Options, in wire order.
const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;

const work = mkdtempSync(join(tmpdir(), 'copydesk-package-'));
const stage = join(ROOT, 'native', 'release', `linux-${process.arch}`);
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(stage, { recursive: true, force: true });
});

/** An "Electron" that is only its fuse wire: Electron's defaults, every fuse at its stock value. */
function fakeElectronDist(): string {
  const dist = join(work, 'electron-dist');
  mkdirSync(join(dist, 'resources'), { recursive: true });
  const stock = '101100011';
  writeFileSync(
    join(dist, 'electron'),
    Buffer.concat([
      Buffer.from(`stand-in for Electron ${ELECTRON_VERSION} `),
      Buffer.from(FUSE_SENTINEL),
      Buffer.from([1, stock.length]),
      Buffer.from(stock),
    ]),
  );
  chmodSync(join(dist, 'electron'), 0o755);
  writeFileSync(join(dist, 'version'), ELECTRON_VERSION);
  return dist;
}

function readFuses(binary: Buffer): Record<string, boolean> {
  const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  const length = binary[at + 1]!;
  const wire = binary.subarray(at + 2, at + 2 + length).toString('latin1');
  return Object.fromEntries(FUSES.map((name, i) => [name, wire[i] === '1']));
}

describe.runIf(process.platform === 'linux')('packaging with electron-builder', () => {
  const cache = join(work, 'cache');
  const standIn = `stand-in better-sqlite3 for Electron ${ELECTRON_VERSION} ${Date.now()}`;
  const output = join(work, 'dist');
  const unpacked = join(output, 'linux-unpacked');
  const resources = join(unpacked, 'resources');

  const NODE_BUILD = join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  const nodeBuildBefore = readFileSync(NODE_BUILD);

  it('packs the app with the config as written', () => {
    const cached = join(cache, 'native', `electron-${ELECTRON_VERSION}-linux-${process.arch}`);
    mkdirSync(cached, { recursive: true });
    writeFileSync(join(cached, 'better_sqlite3.node'), standIn);
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/electron-builder/cli.js'),
        '--linux',
        'dir',
        `--${process.arch}`,
        `-c.electronDist=${fakeElectronDist()}`,
        `-c.directories.output=${output}`,
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, COPYDESK_NATIVE_CACHE: cache } },
    );
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    // Packaging left node_modules' Node build alone: `npm test` still works after a release.
    expect(readFileSync(NODE_BUILD)).toEqual(nodeBuildBefore);
  }, 120_000);

  it('puts the Electron build of better-sqlite3 outside the asar, where the app looks for it', () => {
    expect(readFileSync(join(resources, 'native', 'better_sqlite3.node'), 'utf8')).toBe(standIn);
    expect(readFileSync(join(resources, 'icon.png'))).toEqual(
      readFileSync(join(ROOT, 'build/icons/256x256.png')),
    );
  });

  it('ships the built app and better-sqlite3’s JavaScript, and nothing else of ours', () => {
    const files = listPackage(join(resources, 'app.asar'), { isPack: false }).map((f) =>
      f.replaceAll('\\', '/'),
    );
    for (const file of [
      '/package.json',
      '/out/main/electron.js',
      '/out/preload/preload.cjs',
      '/out/renderer/index.html',
      '/node_modules/better-sqlite3/lib/index.js',
    ])
      expect(files, file).toContain(file);
    const unwanted = files.filter((f) =>
      /\.map$|\.node$|^\/(native|src|e2e|scripts|build|main|renderer|shared)\/|^\/node_modules\/better-sqlite3\/(build|src|deps)\/|\.test\./.test(
        f,
      ),
    );
    expect(unwanted).toEqual([]);
    const manifest = JSON.parse(
      extractFile(join(resources, 'app.asar'), 'package.json').toString('utf8'),
    ) as { main: string };
    expect(manifest.main).toBe('out/main/electron.js');
  });

  it('flips the fuses the config asks for', () => {
    // Which values the config asks for is pinned in scripts/packaging.test.ts.
    const config = parseYaml(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as {
      electronFuses: Record<string, boolean>;
    };
    expect(Object.keys(config.electronFuses).sort()).toEqual([...FUSES].sort());
    expect(readFuses(readFileSync(join(unpacked, 'copydesk')))).toEqual(config.electronFuses);
  });
});
