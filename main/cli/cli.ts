#!/usr/bin/env node
import { runCli } from './run';

runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  isTTY: process.stdin.isTTY === true,
}).then(
  (code) => {
    // `web` keeps running; every other command ends here.
    if (code !== null) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`copydesk: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
