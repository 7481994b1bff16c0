import type { OpenArchiveInput } from '../../shared/ipc/api';
import type { ArchiveHolder } from './archiveHolder';
import { ShellError } from './ipc';

export type OpenArchiveDeps = {
  holder: ArchiveHolder;
  pickArchive(): Promise<string | null>;
  recentArchives(): readonly string[];
  exists(path: string): boolean;
  /** The archive is open: put it first in File → Open Recent and the OS's recent documents. */
  remember(path: string): void;
  /** A recent archive that is gone: drop it from the list. */
  forget(path: string): void;
};

/**
 * File → Open Archive… (no path: a native dialog) and Open Recent (a path, which must be on the
 * recent list — the renderer cannot name any other file). A file that has gone is never
 * recreated empty in its place, and a file that is not an archive leaves the current one open.
 */
export function createOpenArchiveAction(deps: OpenArchiveDeps) {
  return async (input: OpenArchiveInput): Promise<{ opened: boolean; path?: string }> => {
    let path: string | null;
    if (input.path !== undefined) {
      if (!deps.recentArchives().includes(input.path))
        throw new ShellError(
          'FORBIDDEN',
          'Only an archive from File → Open Recent can be opened by name.',
        );
      if (!deps.exists(input.path)) {
        deps.forget(input.path);
        throw new ShellError(
          'NOT_FOUND',
          `${input.path} is not there any more (moved, deleted, or on a drive that is not connected). It was taken off the recent list.`,
        );
      }
      path = input.path;
    } else {
      path = await deps.pickArchive();
      if (!path) return { opened: false };
    }
    deps.holder.switchTo(path);
    deps.remember(deps.holder.path());
    return { opened: true, path: deps.holder.path() };
  };
}
