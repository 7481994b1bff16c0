import { archiveErrorFromSqlite } from '../archive/sqliteErrors';
import { contract, isChannel, type Channel, type ServiceHandlers } from '../../shared/ipc/contract';
import { fail, ok, type Result, type ServiceErrorValue } from '../../shared/ipc/result';
import { describeInvalidInput, HUMAN_PARSE } from '../../shared/ipc/inputMessages';
import { ZodError } from 'zod';
import { ServiceError } from '../common/errors';
import { serviceKit, type ServiceContext } from './serviceKit';
import { storyServices } from './storyServices';
import { reviewServices } from './reviewServices';
import { libraryServices } from './libraryServices';
import { transferServices } from './transferServices';
import { rundownServices } from './rundownServices';
import { logServices } from './logServices';
import { prompterServices } from './prompterServices';
import { sessionServices } from './sessionServices';

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
    ...prompterServices(kit),
    ...sessionServices(kit),
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
  const parsed = contract[channel].input.safeParse(rawInput, HUMAN_PARSE);
  if (!parsed.success) return fail('INVALID_INPUT', describeInvalidInput(parsed.error, channel));
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    return ok(await handler(parsed.data));
  } catch (error) {
    return toErrorResult(channel, error);
  }
}

/**
 * The error value for a failure we expect and can explain (a service's own error, a problem with
 * the archive file or the lock on it, a schema check on input, a full or read-only disk); null
 * for anything else, which is a bug.
 */
export function knownErrorValue(error: unknown, channel?: Channel): ServiceErrorValue | null {
  if (error instanceof ServiceError) return { code: error.code, message: error.message };
  // A schema check inside a service (a story built from an imported file) is bad input too.
  if (error instanceof ZodError)
    return { code: 'INVALID_INPUT', message: describeInvalidInput(error, channel) };
  const archiveError = archiveErrorFromSqlite(error);
  if (archiveError) return { code: archiveError.code, message: archiveError.message };
  return null;
}

export function toErrorResult(channel: Channel, error: unknown): Result<never> {
  const known = knownErrorValue(error, channel);
  if (known) return fail(known.code, known.message);
  console.error(`[copydesk] ${channel} failed:`, error);
  return fail(
    'INTERNAL',
    'Something went wrong inside Copydesk, and nothing was changed; the details are in the log.',
  );
}
