import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ArchiveError } from './errors';

export const PRODUCT_NAME = 'Copydesk';
export const ARCHIVE_FILE_NAME = 'copydesk-archive.sqlite';

/**
 * The per-user application data folder, as Electron's `app.getPath('appData')` computes it, so the
 * CLI, browser mode and the desktop app all find the same archive without being told.
 */
export function appDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') return env.APPDATA ?? join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(home, '.config');
}

/** Electron's `userData` for this app: where the archive lives unless told otherwise. */
export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  return join(appDataDir(env, platform), PRODUCT_NAME);
}

/** `--archive PATH`, then `COPYDESK_ARCHIVE`, then the archive in the user's data folder. */
export function resolveArchivePath(
  option: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  defaultDir: string = userDataDir(env),
): string {
  if (option) return resolve(option);
  if (env.COPYDESK_ARCHIVE) return resolve(env.COPYDESK_ARCHIVE);
  return join(defaultDir, ARCHIVE_FILE_NAME);
}

/**
 * Makes sure the archive's folder is there before an archive is created in it. The user's data
 * folder is made when missing (a first run); a folder named by hand (--archive, the environment)
 * is not, since a missing one is most likely a typo, and nothing is created.
 */
export function prepareArchiveFolder(path: string, options: { named: boolean }): void {
  const folder = dirname(path);
  if (existsSync(folder)) return;
  if (options.named) {
    throw new ArchiveError(
      'ARCHIVE_MISSING',
      `The folder ${folder} does not exist, so no archive was created at ${path}. Check the path, or create the folder first.`,
    );
  }
  mkdirSync(folder, { recursive: true });
}
