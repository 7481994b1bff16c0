// Builds better-sqlite3 for the Electron version in node_modules, into native/electron-<version>/,
// leaving node_modules/better-sqlite3 built for Node (tests and the CLI use that one). The app
// loads the Electron build through better-sqlite3's `nativeBinding` option; see README,
// "The native module's two lives".
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;

export function electronBindingPath(version) {
  return join(root, 'native', `electron-${version}`, 'better_sqlite3.node');
}

function nodeGyp() {
  if (process.env.npm_config_node_gyp) return process.env.npm_config_node_gyp;
  const bundled = join(
    dirname(process.execPath),
    '..',
    'lib',
    'node_modules',
    'npm',
    'node_modules',
    'node-gyp',
    'bin',
    'node-gyp.js',
  );
  return existsSync(bundled) ? bundled : null;
}

/** Returns the path of the Electron build, building it first if needed; throws with a reason. */
export function ensureElectronBinding() {
  const version = require('electron/package.json').version;
  const target = electronBindingPath(version);
  if (existsSync(target)) return target;
  const gyp = nodeGyp();
  if (!gyp) throw new Error('node-gyp was not found (it ships with npm)');
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const work = join(root, 'native', '.build', `better-sqlite3-electron-${version}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  for (const part of ['package.json', 'binding.gyp', 'src', 'deps'])
    cpSync(join(source, part), join(work, part), { recursive: true });
  const result = spawnSync(
    process.execPath,
    [
      gyp,
      'rebuild',
      '--release',
      `--target=${version}`,
      `--arch=${process.arch}`,
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: work, encoding: 'utf8', env: { ...process.env, npm_config_runtime: 'electron' } },
  );
  if (result.status !== 0) {
    const reason =
      `${result.stderr}${result.stdout}`.split('\n').find((l) => /ERR!|error/i.test(l)) ??
      `exit ${result.status}`;
    throw new Error(`building better-sqlite3 for Electron ${version} failed: ${reason.trim()}`);
  }
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  rmSync(work, { recursive: true, force: true });
  return target;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(ensureElectronBinding());
  } catch (error) {
    console.error(`copydesk: ${error.message}`);
    process.exit(1);
  }
}
