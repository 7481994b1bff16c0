import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * `copydesk server` from the built CLI as its own process, as an operator starts it (tests, the
 * end-to-end suite, the bench). Resolves once it prints its URL; a server that exits first
 * rejects with the tail of what it wrote on stderr.
 */
export async function spawnNewsroomServer(
  cli: string,
  databaseUrl: string,
  extra: readonly string[] = [],
): Promise<{ url: string; child: ChildProcess }> {
  // Port 0 unless told: each process takes a free port.
  const listen = extra.includes('--listen') ? [] : ['--listen', '127.0.0.1:0'];
  const child = spawn(
    process.execPath,
    [cli, 'server', '--database', databaseUrl, ...listen, ...extra],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // Its log (a line per sign-in) is kept out of the way; the tail is shown if it dies.
  const tail: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    tail.push(line);
    if (tail.length > 20) tail.shift();
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) =>
      reject(new Error(`the newsroom server exited with ${code}:\n${tail.join('\n')}`)),
    );
  });
  return { url, child };
}
