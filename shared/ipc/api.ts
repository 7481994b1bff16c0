import { z } from 'zod';
import type { Channel, Input, Output } from './contract';
import type { Result } from './result';
import type { HubMessage, OperatorMessage } from '../prompter/remote';

/** The renderer's view of main: one async function per contract channel, errors as values. */
export type CopydeskApi = { [K in Channel]: (input: Input<K>) => Promise<Result<Output<K>>> };

/** Commands the desktop app's menu sends to the renderer. */
export const MENU_COMMANDS = ['new-story', 'import', 'export', 'save', 'find'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The desktop shell's own channels, beside the contract's. Declared here once. */
export const SHELL_CHANNELS = {
  saveFile: 'shell.saveFile',
  pickImportFiles: 'shell.pickImportFiles',
  menuCommand: 'shell.menuCommand',
  openArchive: 'shell.openArchive',
  takePackage: 'shell.takePackage',
  request: 'shell.request',
  /** The prompter's operator window to main (remote control), and main's messages back. */
  prompterOperator: 'shell.prompterOperator',
  prompterHub: 'shell.prompterHub',
  prompterDisplays: 'shell.prompterDisplays',
  openPrompterOutput: 'shell.openPrompterOutput',
} as const;

/** A screen the prompter's talent output can be put on. */
export type PrompterDisplay = {
  id: number;
  label: string;
  primary: boolean;
  width: number;
  height: number;
};

export const OpenPrompterOutputSchema = z.strictObject({
  /** The display to fill; null for the one the operator's window is not on (or the only one). */
  displayId: z.int().nullable(),
});

/** What File → Open Archive… and Open Recent ask main for: a recent archive, or a dialog. */
export const OpenArchiveInputSchema = z.strictObject({
  path: z.string().min(1).max(4096).optional(),
});
export type OpenArchiveInput = z.infer<typeof OpenArchiveInputSchema>;

/**
 * Requests main sends the renderer (which owns the open story, so it saves first):
 * - open-archive: switch archives (the path of a recent one, or none for a dialog);
 * - open-package: a .copydesk file was opened from the OS. Main keeps the path; the renderer
 *   only ever sees the file's name and a request id to answer with.
 */
export const ShellRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('open-archive'), path: z.string().min(1).max(4096).optional() }),
  z.strictObject({
    type: z.literal('open-package'),
    requestId: z.uuid(),
    fileName: z.string().min(1).max(255),
  }),
]);
export type ShellRequest = z.infer<typeof ShellRequestSchema>;

/** A file the user picked to import: its name and bytes. */
export type PickedFile = { name: string; dataBase64: string };

/**
 * What the Electron preload exposes on `window.copydesk`: the contract, plus the few things only
 * the desktop shell can do (native dialogs, menu commands).
 */
export type CopydeskBridge = {
  api: CopydeskApi;
  shell: {
    saveFile(file: {
      fileName: string;
      mimeType: string;
      encoding: 'utf8' | 'base64';
      data: string;
    }): Promise<Result<{ saved: boolean; path?: string }>>;
    pickImportFiles(): Promise<Result<PickedFile[]>>;
    onMenuCommand(listener: (command: MenuCommand) => void): () => void;
    openArchive(input: OpenArchiveInput): Promise<Result<{ opened: boolean; path?: string }>>;
    onRequest(listener: (request: ShellRequest) => void): () => void;
    /** The file behind an 'open-package' request, read by main (each request id answers once). */
    takePackage(input: { requestId: string }): Promise<Result<PickedFile>>;
    /** The prompter's link to main for its remote control. */
    prompterLink(listener: (message: HubMessage) => void): {
      send(message: OperatorMessage): void;
      close(): void;
    };
    prompterDisplays(): Promise<Result<PrompterDisplay[]>>;
    /** Opens (or moves) the talent output window, full screen on the display. */
    openPrompterOutput(input: { displayId: number | null }): Promise<Result<{ opened: boolean }>>;
  };
};
