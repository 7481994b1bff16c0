import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS, type ServiceHandlers } from '../../shared/ipc/contract';
import { SHELL_CHANNELS, type PickedFile } from '../../shared/ipc/api';
import { fail, ok, type Result } from '../../shared/ipc/result';
import type { ExportFile } from '../../shared/ipc/types';
import { invokeService } from '../services/serviceTable';
import { isAppUrl } from './protocol';
import { z } from 'zod';

/** What the shell channels need from Electron, injected so tests can use fakes. */
export type ShellActions = {
  saveFile(file: ExportFile): Promise<{ saved: boolean; path?: string }>;
  pickImportFiles(): Promise<PickedFile[]>;
};

const ExportFileSchema = z.strictObject({
  fileName: z.string().min(1).max(255),
  mimeType: z.string().max(100),
  encoding: z.enum(['utf8', 'base64']),
  data: z.string().max(64 * 1024 * 1024),
});

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

/** Registers one handler per contract channel, plus the shell's. Returns the channels registered. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  services: ServiceHandlers,
  isTrusted: SenderCheck,
  shell: ShellActions,
): string[] {
  const refused = () => fail('FORBIDDEN', 'This request did not come from Copydesk’s own window.');
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) =>
      isTrusted(event) ? invokeService(services, channel, input) : refused(),
    );
  }
  ipcMain.handle(
    SHELL_CHANNELS.saveFile,
    async (event, input: unknown): Promise<Result<{ saved: boolean; path?: string }>> => {
      if (!isTrusted(event)) return refused();
      const file = ExportFileSchema.safeParse(input);
      if (!file.success)
        return fail(
          'INVALID_INPUT',
          `Invalid file to save: ${file.error.issues[0]?.message ?? 'rejected'}.`,
        );
      try {
        return ok(await shell.saveFile(file.data));
      } catch (error) {
        return fail('INTERNAL', `The file could not be written: ${(error as Error).message}`);
      }
    },
  );
  ipcMain.handle(
    SHELL_CHANNELS.pickImportFiles,
    async (event, input: unknown): Promise<Result<PickedFile[]>> => {
      if (!isTrusted(event)) return refused();
      if (input !== undefined) return fail('INVALID_INPUT', 'pickImportFiles takes no input.');
      try {
        return ok(await shell.pickImportFiles());
      } catch (error) {
        return fail('BAD_FILE', `The files could not be read: ${(error as Error).message}`);
      }
    },
  );
  return [...CHANNELS, SHELL_CHANNELS.saveFile, SHELL_CHANNELS.pickImportFiles];
}
