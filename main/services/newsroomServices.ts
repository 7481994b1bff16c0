import type { ServiceHandlers } from '../../shared/ipc/contract';
import { KEEP_DAYS_DEFAULT } from '../../shared/newsroom/channels';
import { ServiceError } from '../common/errors';
import type { ServiceKit } from './serviceKit';

type NewsroomChannels = Extract<keyof ServiceHandlers, `newsroom.${string}`>;

const ALONE =
  'This desk is not connected to a newsroom server: connect first (copydesk connect URL --user NAME).';

/** The newsroom channels: handed to the sync layer when there is one, else "this desk is alone". */
export function newsroomServices({ ctx }: ServiceKit): Pick<ServiceHandlers, NewsroomChannels> {
  const port = ctx.newsroom;
  const alone = (): never => {
    throw new ServiceError('OFFLINE', ALONE);
  };
  return {
    'newsroom.status': () =>
      port?.status() ?? {
        state: 'alone',
        url: null,
        identity: null,
        pending: 0,
        conflicts: [],
        notices: [],
        lastSyncAt: null,
        keepDays: KEEP_DAYS_DEFAULT,
        problem: null,
      },
    'newsroom.connect': (input) => (port ? port.connect(input) : alone()),
    'newsroom.disconnect': () => (port ? port.disconnect() : alone()),
    'newsroom.dismissNotice': (input) => (port ? port.dismissNotice(input) : alone()),
    'newsroom.sync': () => (port ? port.sync() : alone()),
    'newsroom.events': (input) =>
      port
        ? port.events(input)
        : // Alone, nothing ever comes from elsewhere: answer at once, there is nothing to wait for.
          { cursor: input.after, events: [] },
    'newsroom.lease': (input) => (port ? port.lease(input) : null),
    'newsroom.leases': () => port?.leases() ?? [],
    'newsroom.search': (input) => (port ? port.search(input) : alone()),
    'newsroom.open': (input) => (port ? port.open(input) : alone()),
  };
}
