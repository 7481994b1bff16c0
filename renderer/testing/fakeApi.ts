import { CHANNELS, type Channel, type Input, type Output } from '../../shared/ipc/contract';
import type { CopydeskApi } from '../../shared/ipc/api';
import { fail, ok, type Result } from '../../shared/ipc/result';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { DEFAULT_MOS_SETTINGS } from '../../shared/mos/model';

type Handler<K extends Channel> = (
  input: Input<K>,
) => Result<Output<K>> | Promise<Result<Output<K>>>;
export type FakeHandlers = { [K in Channel]?: Handler<K> };

/** What an empty archive answers: enough for the app to start with nothing open. */
const EMPTY_ARCHIVE: FakeHandlers = {
  // A desk whose user already gave a name: the first-run question does not come up.
  'app.info': () =>
    ok({
      version: '0.0.0-test',
      archivePath: '/tmp/test.sqlite',
      schemaVersion: 1,
      user: { name: 'Test Desk', signedIn: false },
    }),
  'settings.get': () => ok({ ...DEFAULT_SETTINGS, displayName: 'Test Desk' }),
  'pronouncers.list': () => ok([]),
  'stories.list': () => ok({ items: [], total: 0 }),
  'tags.list': () => ok([]),
  'archive.backups': () => ok([]),
  'templates.list': () => ok([]),
};

/** A desk with no MOS devices and Copydesk's default MOS settings (Settings shows both). */
export const NO_MOS_DEVICES: FakeHandlers = {
  'mos.status': () =>
    ok({
      ncsId: DEFAULT_MOS_SETTINGS.ncsId,
      listening: { ports: null, problem: null, refused: null },
      devices: [],
    }),
  'mos.settings.get': () => ok(DEFAULT_MOS_SETTINGS),
};

/**
 * A stand-in for main: each channel answers from a handler the test sets (an empty archive by
 * default), and every call is recorded. Channels without a handler fail, so a test sees them.
 */
export function createFakeApi() {
  let handlers: FakeHandlers = { ...EMPTY_ARCHIVE };
  const calls: { channel: Channel; input: unknown }[] = [];
  const api = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      async (input: unknown) => {
        calls.push({ channel, input });
        const handler = handlers[channel] as ((input: unknown) => unknown) | undefined;
        if (!handler) return fail('INTERNAL', `The fake archive has no answer for ${channel}.`);
        return handler(input);
      },
    ]),
  ) as CopydeskApi;
  return {
    api,
    calls,
    /** The calls made to one channel, in order. */
    callsTo: <K extends Channel>(channel: K) =>
      calls.filter((c) => c.channel === channel).map((c) => c.input as Input<K>),
    answer(more: FakeHandlers) {
      handlers = { ...handlers, ...more };
    },
    reset() {
      handlers = { ...EMPTY_ARCHIVE };
      calls.length = 0;
    },
  };
}

/** The one fake the mocked `api/client` module hands out (see `mockClient`). */
export const fakeArchive = createFakeApi();

/** A module to stand in for `renderer/api/client` in `vi.mock`: browser mode on the fake. */
export const fakeClient = { api: fakeArchive.api, bridge: undefined, isDesktop: false };
