#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { runCli } from './run';
import { EXIT } from './exitCodes';

runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  isTTY: process.stdin.isTTY === true,
  // This file is the bundle's entry (out/main/cli.js); the renderer is built beside it.
  rendererDir: fileURLToPath(new URL('../renderer/', import.meta.url)),
}).then(
  (code) => {
    // `web` keeps running; every other command ends here.
    if (code !== null) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`copydesk: ${(error as Error).message}\n`);
    process.exitCode = EXIT.internal;
  },
);
