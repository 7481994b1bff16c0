import { CHANNELS, type Channel, type Input, type Output } from '../../shared/ipc/contract';
import type { CopydeskApi, CopydeskBridge } from '../../shared/ipc/api';
import type { Result } from '../../shared/ipc/result';

declare global {
  // Set by the Electron preload; absent in browser mode.
  var copydesk: CopydeskBridge | undefined;
}

/** Browser mode: the same contract over HTTP to the local server, which holds the cookie token. */
function httpApi(): CopydeskApi {
  const call = async <K extends Channel>(
    channel: K,
    input: Input<K>,
  ): Promise<Result<Output<K>>> => {
    let response: Response;
    try {
      response = await fetch(`api/${channel}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
    } catch {
      return {
        ok: false,
        error: {
          code: 'ARCHIVE_UNAVAILABLE',
          message: 'Copydesk’s local server is not answering. Is `copydesk web` still running?',
        },
      };
    }
    if (response.status === 401) {
      return {
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message:
            'This page’s access token has expired: open the URL that `copydesk web` printed.',
        },
      };
    }
    if (!response.ok) {
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: `The local server refused the request (${response.status}).`,
        },
      };
    }
    return (await response.json()) as Result<Output<K>>;
  };
  return Object.fromEntries(
    CHANNELS.map((channel) => [channel, (input: never) => call(channel, input)]),
  ) as CopydeskApi;
}

export const bridge: CopydeskBridge | undefined = globalThis.copydesk;
export const api: CopydeskApi = bridge?.api ?? httpApi();
export const isDesktop = bridge !== undefined;
