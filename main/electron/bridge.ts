import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import {
  MENU_COMMANDS,
  SHELL_CHANNELS,
  type CopydeskApi,
  type CopydeskBridge,
  type MenuCommand,
} from '../../shared/ipc/api';

/**
 * The object the preload exposes as `window.copydesk`: one function per contract channel and
 * the shell's few extras, nothing more. Built from the contract so a channel cannot be missed.
 */
export function buildBridge(
  ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>,
): CopydeskBridge {
  const api = Object.fromEntries(
    CHANNELS.map((channel) => [channel, (input: unknown) => ipc.invoke(channel, input)]),
  ) as CopydeskApi;
  return {
    api,
    shell: {
      saveFile: (file) => ipc.invoke(SHELL_CHANNELS.saveFile, file),
      pickImportFiles: () => ipc.invoke(SHELL_CHANNELS.pickImportFiles),
      onMenuCommand: (listener: (command: MenuCommand) => void) => {
        const handler = (_event: IpcRendererEvent, command: unknown) => {
          if ((MENU_COMMANDS as readonly unknown[]).includes(command))
            listener(command as MenuCommand);
        };
        ipc.on(SHELL_CHANNELS.menuCommand, handler);
        return () => ipc.removeListener(SHELL_CHANNELS.menuCommand, handler);
      },
    },
  } satisfies CopydeskBridge;
}
