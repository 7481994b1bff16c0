import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { z } from 'zod';
import { CHANNELS, contract, type ServiceHandlers } from '../../shared/ipc/contract';
import {
  OpenArchiveInputSchema,
  SHELL_CHANNELS,
  type OpenArchiveInput,
} from '../../shared/ipc/api';
import { fail, ok, type ErrorCode, type Result } from '../../shared/ipc/result';
import { describeInvalidInput, HUMAN_PARSE } from '../../shared/ipc/inputMessages';
import { ArchiveError } from '../archive/errors';
import { ServiceError } from '../common/errors';
import { invokeService } from '../services/serviceTable';
import type { DesktopFiles } from './desktopFiles';
import { isAppUrl } from './protocol';

/** What the shell channels need from Electron, injected so tests can use fakes. */
export type ShellActions = DesktopFiles & {
  openArchive(input: OpenArchiveInput): Promise<{ opened: boolean; path?: string }>;
};

/** An error a shell action throws on purpose, with the code the renderer should see. */
export class ShellError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Only our own window's main frame, showing our own app:// page, may call main. A frame from
 * anywhere else — an iframe, a navigated page, another window — gets an error value.
 */
export function createSenderCheck(getMainContents: () => WebContents | null) {
  return (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): boolean => {
    const main = getMainContents();
    const frame = event.senderFrame;
    if (!main || event.sender !== main || !frame) return false;
    if (frame !== main.mainFrame) return false;
    return isAppUrl(frame.url);
  };
}

export type SenderCheck = ReturnType<typeof createSenderCheck>;

/** The shell channels the renderer invokes (the others are main's messages to it). */
export const SHELL_INVOKE_CHANNELS = [
  SHELL_CHANNELS.exportTo,
  SHELL_CHANNELS.handoffTo,
  SHELL_CHANNELS.importPicked,
  SHELL_CHANNELS.importOpened,
  SHELL_CHANNELS.openArchive,
] as const;

const refused = () => fail('FORBIDDEN', 'This request did not come from Copydesk’s own window.');

/**
 * Registers one handler per contract channel, plus the shell's. Services are looked up on every
 * call, so switching archives takes effect at once. Returns the channels registered.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  services: () => ServiceHandlers,
  isTrusted: SenderCheck,
  shell: ShellActions,
): string[] {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) =>
      isTrusted(event) ? invokeService(services(), channel, input) : refused(),
    );
  }

  /** A shell channel: sender check, schema check, then the action, with every failure a value. */
  function shellChannel<I, O>(
    channel: string,
    schema: z.ZodType<I>,
    action: (input: I) => Promise<O>,
    failure: { code: ErrorCode; prefix: string },
  ): void {
    ipcMain.handle(channel, async (event, input: unknown): Promise<Result<O>> => {
      if (!isTrusted(event)) return refused();
      const parsed = schema.safeParse(input, HUMAN_PARSE);
      if (!parsed.success) return fail('INVALID_INPUT', describeInvalidInput(parsed.error));
      try {
        return ok(await action(parsed.data));
      } catch (error) {
        if (
          error instanceof ShellError ||
          error instanceof ArchiveError ||
          error instanceof ServiceError
        )
          return fail(error.code, error.message);
        return fail(failure.code, `${failure.prefix}: ${(error as Error).message}`);
      }
    });
  }

  const writing = { code: 'BAD_FILE', prefix: 'The files could not be written' } as const;
  const reading = { code: 'BAD_FILE', prefix: 'The files could not be read' } as const;
  shellChannel(
    SHELL_CHANNELS.exportTo,
    contract['export.stories'].input,
    (input) => shell.exportTo(input),
    writing,
  );
  shellChannel(
    SHELL_CHANNELS.handoffTo,
    contract['stories.handoff'].input,
    (input) => shell.handoffTo(input),
    writing,
  );
  shellChannel(SHELL_CHANNELS.importPicked, z.undefined(), () => shell.importPicked(), reading);
  shellChannel(
    SHELL_CHANNELS.importOpened,
    z.strictObject({ requestId: z.uuid() }),
    ({ requestId }) => shell.importOpened(requestId),
    reading,
  );
  shellChannel(SHELL_CHANNELS.openArchive, OpenArchiveInputSchema, (i) => shell.openArchive(i), {
    code: 'ARCHIVE_UNAVAILABLE',
    prefix: 'The archive could not be opened',
  });
  return [...CHANNELS, ...SHELL_INVOKE_CHANNELS];
}
