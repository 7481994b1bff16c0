// Runs on `npm install`/`npm ci`: builds the app so `npm start`, `npx copydesk` and the tests
// find it. Skipped when the build tools are not installed (a production-only install).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync(new URL('../node_modules/vite/package.json', import.meta.url))) {
  console.log('copydesk: build tools not installed; skipping the build.');
  process.exit(0);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['run', '--silent', 'build'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
