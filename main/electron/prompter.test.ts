import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { SHELL_CHANNELS } from '../../shared/ipc/api';
import type { HubMessage, PrompterState } from '../../shared/prompter/remote';
import { createPrompterHub } from '../prompter/hub';
import type { RemoteHost } from '../prompter/remoteHost';
import { buildBridge } from './bridge';
import { createSenderCheck } from './ipc';
import { APP_ENTRY } from './protocol';
import { registerPrompterIpc } from './prompterIpc';
import {
  describeDisplays,
  outputDisplay,
  outputWindowOptions,
  PROMPTER_OUTPUT_URL,
} from './prompterWindow';
import { denyPermissions } from './security';

const laptop = { id: 1, label: 'Built-in', bounds: { x: 0, y: 0, width: 1440, height: 900 } };
const talent = { id: 2, label: '', bounds: { x: 1440, y: 0, width: 1920, height: 1080 } };

describe('the talent output window', () => {
  it('goes to the display asked for, else to the one the operator is not on', () => {
    const operator = { x: 100, y: 100, width: 1200, height: 700 };
    expect(outputDisplay([laptop, talent], operator, 1)).toBe(laptop);
    expect(outputDisplay([laptop, talent], operator, null)).toBe(talent);
    expect(outputDisplay([talent, laptop], operator, null)).toBe(talent);
    // An unplugged display: the other one again.
    expect(outputDisplay([laptop, talent], operator, 99)).toBe(talent);
    expect(outputDisplay([laptop], operator, null)).toBe(laptop);
    expect(outputDisplay([], operator, null)).toBeNull();
  });

  it('names the displays for the operator', () => {
    expect(describeDisplays([laptop, talent], 1)).toEqual([
      { id: 1, label: 'Built-in', primary: true, width: 1440, height: 1080 - 180 },
      { id: 2, label: 'Display 2', primary: false, width: 1920, height: 1080 },
    ]);
  });

  it('is full screen on the display, black at once, with Electron’s secure defaults and no preload', () => {
    const options = outputWindowOptions(talent.bounds);
    expect(options).toMatchObject({
      ...talent.bounds,
      fullscreen: true,
      backgroundColor: '#000000',
      show: false,
    });
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(options.webPreferences?.preload).toBeUndefined();
    expect(PROMPTER_OUTPUT_URL).toBe(`${APP_ENTRY}#/prompter/output`);
  });
});

/** A recorded ipcMain: what was registered, and a way to call it as a frame would. */
function fakeIpcMain() {
  type Handler = (event: IpcMainInvokeEvent, input?: unknown) => unknown;
  type Listener = (event: IpcMainEvent, message: unknown) => void;
  const handlers = new Map<string, Handler>();
  const listeners = new Map<string, Listener>();
  return {
    handlers,
    listeners,
    handle: (channel: string, h: Handler) => void handlers.set(channel, h),
    on(channel: string, l: Listener) {
      listeners.set(channel, l);
      return this as unknown as IpcMain;
    },
  };
}

/** A window's web contents as main sees them: what it was sent, and its lifecycle events. */
function fakeContents() {
  const sent: HubMessage[] = [];
  const once = new Map<string, () => void>();
  const mainFrame = { url: APP_ENTRY };
  const contents = {
    mainFrame,
    isDestroyed: () => false,
    send: (_channel: string, m: HubMessage) => sent.push(m),
    once: (event: string, f: () => void) => once.set(event, f),
  } as unknown as WebContents;
  return { contents, sent, once, event: { sender: contents, senderFrame: mainFrame } };
}

const state: PrompterState = {
  title: 'SHOW',
  playing: true,
  direction: 'forward',
  wpm: 180,
  story: { number: 1, page: 'A1', slug: 'FIRE' },
  stories: 2,
  progress: 0.1,
  elapsedSec: 3,
  storyLeftSec: 20,
  showLeftSec: 40,
  overUnderSec: null,
};

describe('the prompter’s IPC', () => {
  function setup() {
    const ipc = fakeIpcMain();
    const hub = createPrompterHub();
    const window = fakeContents();
    const opened: (number | null)[] = [];
    const remote: RemoteHost = {
      ensure: async (port) => ({ url: `http://127.0.0.1:${port || 5000}/prompter/`, token: 't' }),
      close: async () => {},
    };
    registerPrompterIpc(
      ipc,
      createSenderCheck(() => window.contents),
      {
        hub,
        remote,
        displays: () => describeDisplays([laptop, talent], 1),
        openOutput: async (id) => {
          opened.push(id);
        },
      },
    );
    const operator = (message: unknown, event: unknown = window.event) =>
      ipc.listeners.get(SHELL_CHANNELS.prompterOperator)!(event as IpcMainEvent, message);
    return { ipc, hub, window, opened, operator };
  }

  it('links the operator’s window to the remote control and passes commands both ways', async () => {
    const { hub, window, operator } = setup();
    operator({ type: 'hello', remotePort: 0 });
    await new Promise((r) => setTimeout(r));
    expect(window.sent).toEqual([
      { type: 'access', access: { url: 'http://127.0.0.1:5000/prompter/', token: 't' } },
    ]);
    operator({ type: 'state', state });
    expect(hub.state()).toEqual(state);
    const answer = hub.command({ type: 'next' });
    const command = window.sent.find((m) => m.type === 'command')!;
    expect(command).toMatchObject({ command: { type: 'next' } });
    operator({
      type: 'done',
      id: command.type === 'command' ? command.id : '',
      ok: true,
      state: { ...state, story: { number: 2, page: 'A2', slug: 'B' } },
    });
    expect((await answer).state.story?.page).toBe('A2');
    // The window reloads: the link goes with it, and the remote control says no prompter is open.
    window.once.get('did-start-navigation')!();
    expect(hub.state()).toBeNull();
  });

  it('hears only Copydesk’s own window, and drops malformed messages', () => {
    const { hub, operator } = setup();
    const stranger = fakeContents();
    operator({ type: 'state', state }, stranger.event);
    expect(hub.state()).toBeNull();
    operator({ type: 'state', state: { ...state, wpm: 'fast' } });
    expect(hub.state()).toBeNull();
    operator({ type: 'state', state });
    operator({ type: 'bye' });
    expect(hub.state()).toBeNull();
  });

  it('lists the displays and opens the output where asked, checking the input', async () => {
    const { ipc, opened, window } = setup();
    const trusted = window.event as unknown as IpcMainInvokeEvent;
    expect(await ipc.handlers.get(SHELL_CHANNELS.prompterDisplays)!(trusted)).toMatchObject({
      ok: true,
      value: [{ id: 1 }, { id: 2 }],
    });
    expect(
      await ipc.handlers.get(SHELL_CHANNELS.openPrompterOutput)!(trusted, { displayId: 2 }),
    ).toEqual({ ok: true, value: { opened: true } });
    expect(
      await ipc.handlers.get(SHELL_CHANNELS.openPrompterOutput)!(trusted, { displayId: 'two' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await ipc.handlers.get(SHELL_CHANNELS.openPrompterOutput)!(
        fakeContents().event as unknown as IpcMainInvokeEvent,
        {
          displayId: null,
        },
      ),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(opened).toEqual([2]);
  });

  it('the preload’s link sends the operator’s messages and says bye when the prompter closes', () => {
    const sent: [string, unknown][] = [];
    const handlers = new Map<string, (e: unknown, m: unknown) => void>();
    const bridge = buildBridge({
      invoke: async () => null,
      send: (channel: string, m: unknown) => sent.push([channel, m]),
      on: (channel: string, h: (e: unknown, m: unknown) => void) => handlers.set(channel, h),
      removeListener: (channel: string) => handlers.delete(channel),
    } as never);
    const heard: HubMessage[] = [];
    const link = bridge.shell.prompterLink((m) => heard.push(m));
    link.send({ type: 'hello', remotePort: 0 });
    handlers.get(SHELL_CHANNELS.prompterHub)!(
      {},
      { type: 'command', id: '1', command: { type: 'play' } },
    );
    link.close();
    expect(heard).toEqual([{ type: 'command', id: '1', command: { type: 'play' } }]);
    expect(sent).toEqual([
      [SHELL_CHANNELS.prompterOperator, { type: 'hello', remotePort: 0 }],
      [SHELL_CHANNELS.prompterOperator, { type: 'bye' }],
    ]);
    expect(handlers.has(SHELL_CHANNELS.prompterHub)).toBe(false);
  });
});

describe('permissions', () => {
  it('grants plain MIDI to our own pages only, for the pedal, and nothing else', () => {
    let request:
      | ((c: unknown, p: string, cb: (ok: boolean) => void, d?: { requestingUrl: string }) => void)
      | undefined;
    let check: ((c: unknown, p: string, origin?: string) => boolean) | undefined;
    denyPermissions({
      setPermissionRequestHandler: (h: never) => (request = h),
      setPermissionCheckHandler: (h: never) => (check = h),
      setDevicePermissionHandler: () => undefined,
    } as never);
    const answers: boolean[] = [];
    request!(null, 'midi', (ok) => answers.push(ok), { requestingUrl: APP_ENTRY });
    request!(null, 'midi', (ok) => answers.push(ok), { requestingUrl: 'https://evil.example/' });
    request!(null, 'midiSysex', (ok) => answers.push(ok), { requestingUrl: APP_ENTRY });
    request!(null, 'media', (ok) => answers.push(ok), { requestingUrl: APP_ENTRY });
    expect(answers).toEqual([true, false, false, false]);
    expect(check!(null, 'midi', 'app://copydesk')).toBe(true);
    expect(check!(null, 'midi', 'http://127.0.0.1:1')).toBe(false);
  });
});
