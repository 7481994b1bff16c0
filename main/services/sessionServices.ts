import type { ServiceHandlers } from '../../shared/ipc/contract';
import { ServiceError } from '../common/errors';
import type { ServiceKit } from './serviceKit';

type SessionChannels = 'archive.status' | 'archive.openReadOnly' | 'archive.openBackup';

export const SESSION_CHANNELS: readonly SessionChannels[] = [
  'archive.status',
  'archive.openReadOnly',
  'archive.openBackup',
];

const NOTHING_TO_RECOVER = 'The archive is open and sound: there is nothing to recover.';

/**
 * The archive's state and the ways out of a problem, answered by the app's session when there
 * is one; a command-line run has only the archive it opened.
 */
export function sessionServices({ ctx }: ServiceKit): Pick<ServiceHandlers, SessionChannels> {
  const { session, archive } = ctx;
  return {
    'archive.status': () =>
      session?.status() ?? {
        state: 'open',
        path: archive.path,
        readOnly: archive.readOnly,
        notice: null,
      },
    'archive.openReadOnly': () => {
      if (!session) throw new ServiceError('NOT_FOUND', NOTHING_TO_RECOVER);
      return session.openReadOnly();
    },
    'archive.openBackup': ({ path }) => {
      if (!session) throw new ServiceError('NOT_FOUND', NOTHING_TO_RECOVER);
      return session.openBackup(path);
    },
  };
}
