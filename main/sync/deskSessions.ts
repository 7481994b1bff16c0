import type { Archive } from '../archive/open';
import type { ServiceContext } from '../services/serviceKit';
import { deskSync, type DeskSync } from './deskSync';

/**
 * The newsroom connection of each archive the app opens (the desktop window, browser mode): the
 * service table is given it, and while the archive is open the desk stays in step with the
 * newsroom. Idle when the desk is not connected; never started on an archive opened read-only.
 */
export function newsroomDesks(log?: (line: string) => void) {
  const desks = new Map<Archive, DeskSync>();
  const deskOf = (archive: Archive): DeskSync => {
    let desk = desks.get(archive);
    if (!desk) {
      desk = deskSync({ archive, log });
      desks.set(archive, desk);
    }
    return desk;
  };
  return {
    /** What the archive's service table is given: the connection, and where changes go. */
    serviceOptions(archive: Archive): Pick<ServiceContext, 'newsroom' | 'onChange'> {
      const desk = deskOf(archive);
      return { newsroom: desk, onChange: (change) => desk.onChange(change) };
    },
    /**
     * For the archive session's `whileOpen`: the live feed in and changes out, beside the other
     * work that runs while the archive is open (their stop functions); returns one stop for all.
     */
    whileOpen(archive: Archive, others: readonly (() => void)[] = []): () => void {
      const stopOthers = () => others.forEach((stop) => stop());
      if (archive.readOnly) return stopOthers;
      const desk = deskOf(archive);
      desk.startLive();
      return () => {
        stopOthers();
        desks.delete(archive);
        void desk.stop();
      };
    },
    /** Hands back the leases held and closes the feeds, before the app closes its archive. */
    async stopAll(): Promise<void> {
      const all = [...desks.values()];
      desks.clear();
      await Promise.all(all.map((desk) => desk.stop()));
    },
  };
}
