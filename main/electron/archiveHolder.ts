import type { Archive } from '../archive/open';
import type { ServiceHandlers } from '../../shared/ipc/contract';

export type ArchiveHolder = {
  services(): ServiceHandlers;
  path(): string;
  /** Opens another archive; if it cannot be opened, throws and the current one stays open. */
  switchTo(path: string): void;
  close(): void;
};

/**
 * The open archive and the services over it, swappable at run time (File → Open Archive, Open
 * Recent). IPC handlers ask for the services on every call, so a switch takes effect at once.
 */
export function createArchiveHolder(
  first: Archive,
  open: (path: string) => Archive,
  makeServices: (archive: Archive) => ServiceHandlers,
  /** Work that runs while an archive is open (automatic backups); returns its stop function. */
  whileOpen: (archive: Archive) => () => void = () => () => {},
): ArchiveHolder {
  let archive: Archive | null = first;
  let services = makeServices(first);
  let stop = whileOpen(first);
  const current = () => {
    if (!archive) throw new Error('the archive is closed');
    return archive;
  };
  return {
    services: () => services,
    path: () => current().path,
    switchTo(path) {
      const next = open(path);
      const previous = current();
      stop();
      archive = next;
      services = makeServices(next);
      stop = whileOpen(next);
      previous.close();
    },
    close() {
      stop();
      archive?.close();
      archive = null;
    },
  };
}
