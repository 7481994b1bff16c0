import { ArchiveError } from '../archive/errors';
import { contract, isChannel, type Channel, type ServiceHandlers } from '../../shared/ipc/contract';
import { fail, ok, type Result, type ServiceErrorValue } from '../../shared/ipc/result';
import { ServiceError } from '../common/errors';
import { serviceKit, type ServiceContext } from './serviceKit';
import { storyServices } from './storyServices';
import { reviewServices } from './reviewServices';
import { libraryServices } from './libraryServices';
import { transferServices } from './transferServices';
import { rundownServices } from './rundownServices';
import { logServices } from './logServices';
import { mosServices } from './mosServices';

export type { ServiceContext };

/** The operations of Copydesk, implemented once and served by IPC, HTTP and the CLI. */
export function createServices(ctx: ServiceContext): ServiceHandlers {
  const kit = serviceKit(ctx);
  return {
    ...storyServices(kit),
    ...reviewServices(kit),
    ...libraryServices(kit),
    ...transferServices(kit),
    ...rundownServices(kit),
    ...logServices(kit),
    ...mosServices(kit),
  };
}

/**
 * The single entry every transport goes through: the channel must exist, the input must pass
 * its schema, and any failure comes back as an error value with a code and a readable message.
 */
export async function invokeService(
  handlers: ServiceHandlers,
  channel: unknown,
  rawInput: unknown,
): Promise<Result<unknown>> {
  if (!isChannel(channel))
    return fail(
      'UNKNOWN_CHANNEL',
      typeof channel === 'string'
        ? `There is no channel named ${JSON.stringify(channel).slice(0, 80)}.`
        : `A channel name must be a string, not ${channel === null ? 'null' : typeof channel}.`,
    );
  const parsed = contract[channel].input.safeParse(rawInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (at ${issue.path.join('.')})` : '';
    return fail(
      'INVALID_INPUT',
      `Invalid input for ${channel}: ${issue?.message ?? 'rejected'}${where}.`,
    );
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    return ok(await handler(parsed.data));
  } catch (error) {
    return toErrorResult(channel, error);
  }
}

/**
 * The error value for a failure we expect and can explain (a service's own error, a problem with
 * the archive file, a full or read-only disk); null for anything else, which is a bug.
 */
export function knownErrorValue(error: unknown): ServiceErrorValue | null {
  if (error instanceof ServiceError || error instanceof ArchiveError)
    return { code: error.code, message: error.message };
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_FULL') {
    return {
      code: 'ARCHIVE_UNAVAILABLE',
      message: 'The disk is full: the change was not saved. Free some space and save again.',
    };
  }
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_IOERR') {
    return {
      code: 'ARCHIVE_UNAVAILABLE',
      message:
        'The archive cannot be written (read-only or unreachable): the change was not saved.',
    };
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return {
      code: 'ARCHIVE_CORRUPT',
      message: 'The archive file is damaged; nothing was written to it.',
    };
  }
  return null;
}

export function toErrorResult(channel: Channel, error: unknown): Result<never> {
  const known = knownErrorValue(error);
  if (known) return fail(known.code, known.message);
  console.error(`[copydesk] ${channel} failed:`, error);
  return fail('INTERNAL', `Something went wrong in ${channel}; the details are in the log.`);
}
