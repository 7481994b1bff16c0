// `npm start`: build, then run the desktop app. Where Electron cannot be downloaded or its SQLite
// module cannot be built, say so in one line and run the same app in browser mode instead.
// `npm run web` (`--web`) goes straight to browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureElectronBinding } from './native-electron.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const webOnly = args[0] === '--web';
const passThrough = webOnly ? args.slice(1) : args;

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', '--silent', 'build'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  shell: process.platform === 'win32',
});
if (build.status !== 0) {
  console.error('copydesk: the build failed (see above).');
  process.exit(build.status ?? 1);
}

function browserMode() {
  const child = spawn(process.execPath, ['out/main/cli.js', 'web', ...passThrough], {
    cwd: root,
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

/** The Electron binary's path; requiring `electron` from Node downloads it on first use. */
function electronBinary() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 10 * 60 * 1000,
  });
  if (probe.status === 0 && probe.stdout) return { path: probe.stdout };
  const detail = `${probe.stderr ?? ''}`
    .split('\n')
    .find((l) => /ENOTFOUND|ECONN|EAI_AGAIN|fetch failed|Error/.test(l));
  return { reason: detail ? detail.trim().slice(0, 120) : 'the download failed' };
}

if (webOnly) {
  browserMode();
} else {
  const electron = electronBinary();
  let problem = electron.reason
    ? `the Electron runtime could not be downloaded (${electron.reason})`
    : null;
  if (!problem) {
    try {
      ensureElectronBinding();
    } catch (error) {
      problem = `SQLite could not be built for Electron (${error.message})`;
    }
  }
  if (problem) {
    console.log(`Copydesk: ${problem}; starting browser mode instead — open the URL below.`);
    browserMode();
  } else {
    const child = spawn(electron.path, ['.', ...passThrough], {
      cwd: root,
      stdio: 'inherit',
    });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
