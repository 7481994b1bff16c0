import { z } from 'zod';
import type { Channel, Input, Output } from './contract';
import type { Result } from './result';
import type { ImportOutcome } from './types';
import type { HubMessage, OperatorMessage } from '../prompter/remote';

/** The renderer's view of main: one async function per contract channel, errors as values. */
export type CopydeskApi = { [K in Channel]: (input: Input<K>) => Promise<Result<Output<K>>> };

/** Commands the desktop app's menu sends to the renderer. */
export const MENU_COMMANDS = ['new-story', 'import', 'export', 'save', 'find'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * The desktop shell's own channels, beside the contract's. Declared here once. File I/O is the
 * shell's in the desktop app: main renders an export and writes it where the user chose, and
 * reads the files it imports by path; the renderer never sends or receives a file's bytes as
 * base64 (browser mode does, through the contract, because a page can do nothing else).
 */
export const SHELL_CHANNELS = {
  exportTo: 'shell.exportTo',
  handoffTo: 'shell.handoffTo',
  importPicked: 'shell.importPicked',
  importOpened: 'shell.importOpened',
  menuCommand: 'shell.menuCommand',
  openArchive: 'shell.openArchive',
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

/**
 * Where an export or a hand-off was written: one file where the user saved it, or several (one
 * per story) into the folder they chose once. `saved: false` when they cancelled.
 */
export type SavedFiles = { saved: false } | { saved: true; paths: string[]; folder: string | null };

/** What File → Open Archive… and Open Recent ask main for: a recent archive, or a dialog. */
export const OpenArchiveInputSchema = z.strictObject({
  path: z.string().min(1).max(4096).optional(),
});
export type OpenArchiveInput = z.infer<typeof OpenArchiveInputSchema>;

/**
 * Requests main sends the renderer (which owns the open story, so it saves first):
 * - open-archive: switch archives (the path of a recent one, or none for a dialog);
 * - open-handoff: a .copydesk hand-off was opened from the OS. Main keeps the path; the renderer
 *   only ever sees the file's name and a request id to answer with (`importOpened`).
 */
export const ShellRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('open-archive'), path: z.string().min(1).max(4096).optional() }),
  z.strictObject({
    type: z.literal('open-handoff'),
    requestId: z.uuid(),
    fileName: z.string().min(1).max(255),
  }),
]);
export type ShellRequest = z.infer<typeof ShellRequestSchema>;

/** A file to import as browser mode sends it: its name and bytes in base64. */
export type PickedFile = { name: string; dataBase64: string };

/**
 * What the Electron preload exposes on `window.copydesk`: the contract, plus the few things only
 * the desktop shell can do (native dialogs, files on disk, menu commands).
 */
export type CopydeskBridge = {
  api: CopydeskApi;
  shell: {
    /** Renders an export in main and writes it: a save dialog for one file, a folder for several. */
    exportTo(input: Input<'export.stories'>): Promise<Result<SavedFiles>>;
    /** Writes a story's hand-off package where the user saves it. */
    handoffTo(input: Input<'stories.handoff'>): Promise<Result<SavedFiles>>;
    /** An open dialog; main reads and imports the files picked. Null when cancelled. */
    importPicked(): Promise<Result<ImportOutcome | null>>;
    /** Imports the file behind an 'open-handoff' request (each request id answers once). */
    importOpened(input: { requestId: string }): Promise<Result<ImportOutcome>>;
    onMenuCommand(listener: (command: MenuCommand) => void): () => void;
    openArchive(input: OpenArchiveInput): Promise<Result<{ opened: boolean; path?: string }>>;
    onRequest(listener: (request: ShellRequest) => void): () => void;
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
