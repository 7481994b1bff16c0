import type { ArchiveSession } from '../services/archiveSession';

/**
 * What the desktop shell needs of the open archive: the services over it, its path, switching
 * to another (File → Open Archive, Open Recent) and closing. The archive session provides it.
 */
export type ArchiveHolder = Pick<ArchiveSession, 'services' | 'path' | 'switchTo' | 'close'>;
