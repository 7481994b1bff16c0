import type { Archive } from '../archive/open';
import { createChangeFeed, type ChangeFeed } from '../common/changes';
import { createMosHub, type MosHub, type MosHubOptions } from './mosHub';

export type ArchiveMos = {
  /** The change feed and MOS links of an archive, for its service table's context. */
  contextFor: (archive: Archive) => { changes: ChangeFeed; mos: MosHub };
  /**
   * While the archive is open in the app, rundowns already on devices are followed again; the
   * returned function closes its links. A read-only archive is someone else's to send from:
   * nothing is resumed for it.
   */
  whileOpen: (archive: Archive) => () => void;
};

/**
 * One MOS hub per archive an app session opens (the desktop window, browser mode): opening
 * another archive closes the links of the one before, and the next archive's are its own.
 */
export function archiveMos(
  options: { version: string } & Pick<MosHubOptions, 'watchMs'>,
): ArchiveMos {
  const hubs = new WeakMap<Archive, { changes: ChangeFeed; mos: MosHub }>();
  const contextFor = (archive: Archive) => {
    let found = hubs.get(archive);
    if (!found) {
      const changes = createChangeFeed();
      found = { changes, mos: createMosHub({ ...options, archive, changes }) };
      hubs.set(archive, found);
    }
    return found;
  };
  return {
    contextFor,
    whileOpen(archive) {
      const { mos } = contextFor(archive);
      if (!archive.readOnly) mos.resume();
      return () => {
        hubs.delete(archive);
        void mos.close();
      };
    },
  };
}
