import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ArchiveError } from '../archive/errors';
import { listBackups, replaceDamagedArchive } from '../archive/backup';
import type { Archive } from '../archive/open';
import { CHANNELS, type ServiceHandlers } from '../../shared/ipc/contract';
import type { ArchiveProblemCode, ArchiveStatus } from '../../shared/ipc/types';
import { ServiceError } from '../common/errors';
import type { ArchiveSessionControls } from './serviceKit';
import { SESSION_CHANNELS } from './sessionServices';

export type ArchiveSessionDeps = {
  open(path: string, options: { access: 'read' | 'write' }): Archive;
  makeServices(archive: Archive, session: ArchiveSessionControls): ServiceHandlers;
  /** Work that runs while an archive is open (automatic backups); returns its stop function. */
  whileOpen?(archive: Archive): () => void;
  now?(): Date;
};

export type ArchiveSession = ArchiveSessionControls & {
  /** The service table for what is open now; while nothing is, every channel but archive.* refuses. */
  services(): ServiceHandlers;
  path(): string;
  /** Opens another archive; if it cannot be opened, throws and what was there stays. */
  switchTo(path: string): void;
  close(): void;
};

type Problem = { path: string; code: ArchiveProblemCode; message: string };

/**
 * The archive the app (browser mode, the desktop window) works in. An archive that cannot be
 * opened — newer, damaged, read-only here — does not stop the app: the session holds the
 * problem, the page shows it, and the user picks the way forward (open it read-only, put a
 * backup in its place, choose another).
 */
export function createArchiveSession(path: string, deps: ArchiveSessionDeps): ArchiveSession {
  let open: { archive: Archive; services: ServiceHandlers; stop: () => void } | null = null;
  let problem: Problem | null = null;
  let notice: string | null = null;
  const now = deps.now ?? (() => new Date());

  const controls: ArchiveSessionControls = {
    status,
    openReadOnly() {
      if (!problem || !readOnlyPossible(problem))
        throw new ServiceError('NOT_FOUND', 'This archive cannot be opened read-only from here.');
      settle(deps.open(problem.path, { access: 'read' }));
      notice = null;
      return status();
    },
    openBackup(backupPath) {
      if (problem?.code !== 'ARCHIVE_CORRUPT')
        throw new ServiceError('NOT_FOUND', 'Only a damaged archive is replaced by a backup.');
      const wanted = resolve(backupPath);
      const chosen = listBackups(problem.path).find((b) => resolve(b.path) === wanted);
      if (!chosen)
        throw new ServiceError('NOT_FOUND', 'That file is not one of this archive’s backups.');
      const target = problem.path;
      const { damagedCopy } = replaceDamagedArchive(target, wanted, now());
      notice = `The backup of ${chosen.at.slice(0, 16).replace('T', ' ')} is now the archive; the damaged file is kept at ${damagedCopy}.`;
      attempt(target);
      return status();
    },
  };

  function readOnlyPossible(p: Problem): boolean {
    // A new archive that could not be made in a read-only folder has nothing to read.
    return p.code === 'ARCHIVE_READ_ONLY' && existsSync(p.path);
  }

  function status(): ArchiveStatus {
    if (open)
      return {
        state: 'open',
        path: open.archive.path,
        readOnly: open.archive.readOnly,
        notice,
      };
    const p = problem!;
    return {
      state: 'problem',
      path: p.path,
      code: p.code,
      message: p.message,
      readOnlyPossible: readOnlyPossible(p),
      backups: p.code === 'ARCHIVE_CORRUPT' ? listBackups(p.path) : [],
    };
  }

  function settle(archive: Archive): void {
    const previous = open;
    previous?.stop();
    open = {
      archive,
      services: deps.makeServices(archive, controls),
      stop: deps.whileOpen?.(archive) ?? (() => {}),
    };
    problem = null;
    previous?.archive.close();
  }

  /** Opens `target` for writing; a problem with the file becomes the session's state. */
  function attempt(target: string): void {
    try {
      settle(deps.open(target, { access: 'write' }));
    } catch (error) {
      if (!(error instanceof ArchiveError)) throw error;
      open?.stop();
      open?.archive.close();
      open = null;
      problem = { path: target, code: error.code, message: error.message };
    }
  }

  const refusing = (): ServiceHandlers => {
    const session: Record<string, (input: never) => unknown> = {
      'archive.status': () => status(),
      'archive.openReadOnly': () => controls.openReadOnly(),
      'archive.openBackup': ({ path: p }: { path: string }) => controls.openBackup(p),
    };
    return Object.fromEntries(
      CHANNELS.map((channel) => [
        channel,
        (SESSION_CHANNELS as readonly string[]).includes(channel)
          ? session[channel]
          : () => {
              throw new ArchiveError(problem!.code, problem!.message);
            },
      ]),
    ) as ServiceHandlers;
  };

  attempt(path);
  return {
    ...controls,
    services: () => open?.services ?? refusing(),
    path: () => open?.archive.path ?? problem!.path,
    switchTo(next) {
      settle(deps.open(next, { access: 'write' }));
      notice = null;
    },
    close() {
      open?.stop();
      open?.archive.close();
      open = null;
      problem ??= { path, code: 'ARCHIVE_UNAVAILABLE', message: 'The archive is closed.' };
    },
  };
}
