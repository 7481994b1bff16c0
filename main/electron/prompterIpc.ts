import type { IpcMain, IpcMainEvent, WebContents } from 'electron';
import {
  OpenPrompterOutputSchema,
  SHELL_CHANNELS,
  type PrompterDisplay,
} from '../../shared/ipc/api';
import { fail, ok, type Result } from '../../shared/ipc/result';
import type { HubMessage } from '../../shared/prompter/remote';
import type { PrompterHub } from '../prompter/hub';
import { linkOperator } from '../prompter/operatorLink';
import type { RemoteHost } from '../prompter/remoteHost';
import type { SenderCheck } from './ipc';

export type PrompterShell = {
  hub: PrompterHub;
  remote: RemoteHost;
  displays(): PrompterDisplay[];
  openOutput(displayId: number | null): Promise<void>;
};

/** What the operator's window sends when its prompter closes (beside the operator messages). */
export const OPERATOR_BYE = { type: 'bye' } as const;

/**
 * The prompter's IPC: the operator's window linked to the remote control (one link per window,
 * dropped when the window goes or says bye), the displays, and the talent output window. Only our
 * own window's main frame is heard, as for every other channel.
 */
export function registerPrompterIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'on'>,
  isTrusted: SenderCheck,
  shell: PrompterShell,
): void {
  const links = new Map<WebContents, ReturnType<typeof linkOperator>>();
  const drop = (contents: WebContents) => {
    links.get(contents)?.close();
    links.delete(contents);
  };

  ipcMain.on(SHELL_CHANNELS.prompterOperator, (event: IpcMainEvent, message: unknown) => {
    if (!isTrusted(event)) return;
    const contents = event.sender;
    if ((message as { type?: unknown } | null)?.type === OPERATOR_BYE.type) return drop(contents);
    let link = links.get(contents);
    if (!link) {
      link = linkOperator({
        hub: shell.hub,
        remote: shell.remote,
        send: (m: HubMessage) => {
          if (!contents.isDestroyed()) contents.send(SHELL_CHANNELS.prompterHub, m);
        },
      });
      links.set(contents, link);
      // A reload or a closed window ends the link; the new page says hello again.
      contents.once('destroyed', () => drop(contents));
      contents.once('did-start-navigation', () => drop(contents));
    }
    link.receive(message);
  });

  ipcMain.handle(SHELL_CHANNELS.prompterDisplays, (event): Result<PrompterDisplay[]> =>
    isTrusted(event) ? ok(shell.displays()) : fail('FORBIDDEN', 'Not from Copydesk’s window.'),
  );

  ipcMain.handle(
    SHELL_CHANNELS.openPrompterOutput,
    async (event, input: unknown): Promise<Result<{ opened: boolean }>> => {
      if (!isTrusted(event)) return fail('FORBIDDEN', 'Not from Copydesk’s window.');
      const parsed = OpenPrompterOutputSchema.safeParse(input);
      if (!parsed.success) return fail('INVALID_INPUT', 'Choose a display for the output.');
      try {
        await shell.openOutput(parsed.data.displayId);
        return ok({ opened: true });
      } catch (error) {
        return fail('INTERNAL', `The output window could not open: ${(error as Error).message}`);
      }
    },
  );
}
