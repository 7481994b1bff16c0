#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { runCli } from './run';
import { EXIT } from './exitCodes';
import { guardStdout } from './stdoutGuard';

const output = guardStdout(process.stdout, (s) => process.stderr.write(s));

runCli(process.argv.slice(2), {
  // Once the output has failed, the rest of it goes nowhere rather than failing again.
  stdout: (s) => output.failure() === null && process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  isTTY: process.stdin.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  // This file is the bundle's entry (out/main/cli.js); the renderer is built beside it.
  rendererDir: fileURLToPath(new URL('../renderer/', import.meta.url)),
}).then(
  (code) => {
    // `web` keeps running; every other command ends here. The output failing may still be
    // reported after this (its error comes asynchronously), and then it sets the exit code.
    if (code !== null) process.exitCode = code;
    process.once('beforeExit', () => {
      const failed = output.failure();
      if (failed !== null && failed !== EXIT.ok) process.exitCode = failed;
    });
  },
  (error: unknown) => {
    process.stderr.write(`copydesk: ${(error as Error).message}\n`);
    process.exitCode = EXIT.internal;
  },
);
