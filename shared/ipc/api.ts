import type { Channel, Input, Output } from './contract';
import type { Result } from './result';

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
} as const;

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
  };
};
