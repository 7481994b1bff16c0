import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { dirname } from 'node:path';

export type ReadOnlyLauncher =
  { launcher: string[]; how: string; skip?: undefined } | { skip: string; launcher?: undefined };

// The folder is made read-only inside a private mount namespace: nothing leaks to the machine,
// and root (which ignores chmod) is stopped by the read-only mount like anyone else.
const BIND_READ_ONLY =
  'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" && shift && exec "$@"';

function refusesWrite(launcher: string[], folder: string): boolean {
  const probe = spawnSync(launcher[0]!, [...launcher.slice(1), 'touch', `${folder}/.probe`], {
    stdio: 'ignore',
  });
  const runs = spawnSync(launcher[0]!, [...launcher.slice(1), 'true'], { stdio: 'ignore' });
  return probe.status !== 0 && probe.error === undefined && runs.status === 0;
}

/**
 * A way to run a command with `folder` really read-only for it, as a user's read-only share or
 * drive is — a read-only bind mount in a private mount namespace, else an unprivileged user
 * (nobody) — or the reason neither is possible here.
 */
export function readOnlyLauncher(folder: string): ReadOnlyLauncher {
  if (process.platform !== 'linux') return { skip: 'read-only mounts are tried on Linux only' };
  const bind = ['unshare', '-m', 'sh', '-c', BIND_READ_ONLY, 'sh', folder];
  if (refusesWrite(bind, folder)) return { launcher: bind, how: 'a read-only bind mount' };
  const nobody = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'];
  // nobody must be able to reach the folder, read the archive and run node from here.
  chmodSync(folder, 0o755);
  chmodSync(dirname(folder), 0o755);
  if (refusesWrite(nobody, folder))
    return { launcher: nobody, how: 'the unprivileged user nobody' };
  return {
    skip: 'neither a read-only bind mount (needs CAP_SYS_ADMIN) nor running as nobody is possible here',
  };
}
