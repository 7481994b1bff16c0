// better-sqlite3 lives two lives: node_modules/better-sqlite3 is built for Node (tests, the CLI,
// browser mode), and a copy of its sources is built for Electron into
// native/electron-<version>-<platform>-<arch>/. The Node build is never touched, so `npm test` and
// `npm start` work in either order. The desktop app loads the Electron build through
// better-sqlite3's `nativeBinding` option (main/electron/nativeBinding.ts); packaging copies it into
// the installer (scripts/builder-hooks.mjs). See README, "The native module's two lives".
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BINDING_FILE = 'better_sqlite3.node';
const ELECTRON_HEADERS = 'https://electronjs.org/headers';

/**
 * Where the Electron build for one Electron version, platform and architecture is kept.
 * main/electron/nativeBinding.ts computes the same path for the running app (a test checks both).
 * @param {string} root
 * @param {{ version: string, platform: string, arch: string }} target
 */
export function electronBindingPath(root, { version, platform, arch }) {
  return join(root, 'native', `electron-${version}-${platform}-${arch}`, BINDING_FILE);
}

/** The Electron version installed in node_modules (the one `npm start` runs). */
export function installedElectronVersion() {
  return require('electron/package.json').version;
}

function bundledNodeGyp() {
  if (process.env.npm_config_node_gyp) return process.env.npm_config_node_gyp;
  const candidates = [
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules'),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules'),
  ].map((dir) => join(dir, 'node-gyp', 'bin', 'node-gyp.js'));
  return candidates.find((file) => existsSync(file)) ?? null;
}

/**
 * Runs node-gyp with npm's own copy. Returns { status, output }.
 * @param {string[]} args
 * @param {{ cwd: string, env: NodeJS.ProcessEnv }} options
 */
export function runNodeGyp(args, { cwd, env }) {
  const gyp = bundledNodeGyp();
  if (!gyp) return { status: 1, output: 'node-gyp was not found (it ships with npm)' };
  const result = spawnSync(process.execPath, [gyp, ...args], { cwd, env, encoding: 'utf8' });
  return { status: result.status ?? 1, output: `${result.stderr ?? ''}${result.stdout ?? ''}` };
}

/**
 * Returns the path of the Electron build of better-sqlite3, building it first when it is not
 * there yet. Builds in a scratch copy of the sources so node_modules keeps its Node build.
 * Throws with the first useful line of node-gyp's output when the build fails.
 * @param {{
 *   version?: string, platform?: string, arch?: string, root?: string, sourceDir?: string,
 *   nodeGyp?: typeof runNodeGyp,
 * }} [options]
 */
export function ensureElectronBinding(options = {}) {
  const version = options.version ?? installedElectronVersion();
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  const root = options.root ?? PROJECT_ROOT;
  const nodeGyp = options.nodeGyp ?? runNodeGyp;
  const target = electronBindingPath(root, { version, platform, arch });
  if (existsSync(target)) return target;
  if (platform !== process.platform) {
    throw new Error(
      `better-sqlite3 for ${platform} cannot be built on ${process.platform}: build each OS's installer on that OS`,
    );
  }

  const source = options.sourceDir ?? dirname(require.resolve('better-sqlite3/package.json'));
  const work = join(
    root,
    'native',
    '.build',
    `better-sqlite3-electron-${version}-${platform}-${arch}`,
  );
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    for (const part of ['package.json', 'binding.gyp', 'src', 'deps'])
      cpSync(join(source, part), join(work, part), { recursive: true });
    const result = nodeGyp(
      [
        'rebuild',
        '--release',
        `--target=${version}`,
        `--arch=${arch}`,
        `--dist-url=${ELECTRON_HEADERS}`,
      ],
      { cwd: work, env: { ...process.env, npm_config_runtime: 'electron' } },
    );
    const built = join(work, 'build', 'Release', BINDING_FILE);
    if (result.status !== 0 || !existsSync(built)) {
      const reason =
        result.output.split('\n').find((line) => /ERR!|error/i.test(line)) ??
        `node-gyp exited with ${result.status}`;
      throw new Error(`building better-sqlite3 for Electron ${version} failed: ${reason.trim()}`);
    }
    // Copy then rename, so an interrupted run never leaves a half-written binary in the cache.
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(built, `${target}.partial`);
    renameSync(`${target}.partial`, target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    console.log(ensureElectronBinding());
  } catch (error) {
    console.error(`copydesk: ${error.message}`);
    process.exit(1);
  }
}
