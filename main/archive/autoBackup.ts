import type { Archive } from './open';
import { rotateBackup } from './backup';
import { getSettings } from './settings';

export type AutoBackupOptions = {
  archive: Archive;
  /** Read each time, so a change in the settings applies without a restart. */
  schedule: () => { everyMinutes: number; keep: number };
  log: (line: string) => void;
  now?: () => Date;
};

export type AutoBackups = {
  stop(): void;
  /** One check, as the minute timer runs it: back up if it is time and something changed. */
  tick(): Promise<void>;
};

/**
 * Rotating backups while the app runs: one every `everyMinutes` when something changed since the
 * last, the newest `keep` kept. The first comes a minute after start, not at start, so opening
 * a big archive stays quick.
 */
export function startAutoBackups({
  archive,
  schedule,
  log,
  now = () => new Date(),
}: AutoBackupOptions): AutoBackups {
  const changes = () =>
    (archive.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  let lastAt = now().getTime() - schedule().everyMinutes * 60_000 + 60_000;
  let lastChanges = -1;
  let running = false;
  const tick = async () => {
    if (running || !archive.db.open) return;
    const { everyMinutes, keep } = schedule();
    const current = changes();
    if (now().getTime() - lastAt < everyMinutes * 60_000 || current === lastChanges) return;
    running = true;
    try {
      const made = await rotateBackup(archive.db, archive.path, keep, now());
      lastAt = now().getTime();
      lastChanges = current;
      log(`[backup] wrote ${made.path}`);
    } catch (error) {
      log(`[backup] failed: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}

/**
 * Automatic backups for an archive the app has open, on the schedule in its settings, as a stop
 * function. An archive open read-only changes nothing, so it gets none.
 */
export function backupsWhileOpen(archive: Archive, log: (line: string) => void): () => void {
  if (archive.readOnly) return () => {};
  return startAutoBackups({ archive, schedule: () => getSettings(archive.db).backups, log }).stop;
}
