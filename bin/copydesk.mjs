#!/usr/bin/env node
// The `copydesk` command. The real CLI is the bundle `npm install` builds (see `prepare`).
import { existsSync } from 'node:fs';

const cli = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(
    'copydesk: the app is not built yet. Run `npm run build` (npm install does it for you).\n',
  );
  process.exit(1);
}
await import(cli.href);
