import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import {
  MENU_COMMANDS,
  SHELL_CHANNELS,
  ShellRequestSchema,
  type ShellRequest,
  type CopydeskApi,
  type CopydeskBridge,
  type MenuCommand,
} from '../../shared/ipc/api';
import type { HubMessage } from '../../shared/prompter/remote';

/**
 * The object the preload exposes as `window.copydesk`: one function per contract channel and
 * the shell's few extras, nothing more. Built from the contract so a channel cannot be missed.
 */
export function buildBridge(
  ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener' | 'send'>,
): CopydeskBridge {
  // Requests are heard from the moment the preload runs and kept until the page listens, so one
  // sent while React is still mounting is not lost. Each is checked against the schema first.
  const listeners = new Set<(request: ShellRequest) => void>();
  const waiting: ShellRequest[] = [];
  ipc.on(SHELL_CHANNELS.request, (_event: IpcRendererEvent, request: unknown) => {
    const parsed = ShellRequestSchema.safeParse(request);
    if (!parsed.success) return;
    if (listeners.size === 0) {
      if (waiting.length < 50) waiting.push(parsed.data);
    } else listeners.forEach((listener) => listener(parsed.data));
  });
  const api = Object.fromEntries(
    CHANNELS.map((channel) => [channel, (input: unknown) => ipc.invoke(channel, input)]),
  ) as CopydeskApi;
  return {
    api,
    shell: {
      exportTo: (input) => ipc.invoke(SHELL_CHANNELS.exportTo, input),
      handoffTo: (input) => ipc.invoke(SHELL_CHANNELS.handoffTo, input),
      importPicked: () => ipc.invoke(SHELL_CHANNELS.importPicked),
      importOpened: (input) => ipc.invoke(SHELL_CHANNELS.importOpened, input),
      onMenuCommand: (listener: (command: MenuCommand) => void) => {
        const handler = (_event: IpcRendererEvent, command: unknown) => {
          if ((MENU_COMMANDS as readonly unknown[]).includes(command))
            listener(command as MenuCommand);
        };
        ipc.on(SHELL_CHANNELS.menuCommand, handler);
        return () => ipc.removeListener(SHELL_CHANNELS.menuCommand, handler);
      },
      openArchive: (input) => ipc.invoke(SHELL_CHANNELS.openArchive, input),
      prompterLink: (listener: (message: HubMessage) => void) => {
        // Main's messages to the prompter (commands, where the remote control answers).
        const handler = (_event: IpcRendererEvent, message: unknown) =>
          listener(message as HubMessage);
        ipc.on(SHELL_CHANNELS.prompterHub, handler);
        return {
          send: (message) => ipc.send(SHELL_CHANNELS.prompterOperator, message),
          close: () => {
            ipc.removeListener(SHELL_CHANNELS.prompterHub, handler);
            ipc.send(SHELL_CHANNELS.prompterOperator, { type: 'bye' });
          },
        };
      },
      prompterDisplays: () => ipc.invoke(SHELL_CHANNELS.prompterDisplays),
      openPrompterOutput: (input) => ipc.invoke(SHELL_CHANNELS.openPrompterOutput, input),
      onRequest: (listener: (request: ShellRequest) => void) => {
        listeners.add(listener);
        waiting.splice(0).forEach(listener);
        return () => listeners.delete(listener);
      },
    },
  } satisfies CopydeskBridge;
}
