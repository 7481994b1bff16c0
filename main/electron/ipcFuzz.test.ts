import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS, contract, type Channel } from '../../shared/ipc/contract';
import { z } from 'zod';
import { OpenArchiveInputSchema, SHELL_CHANNELS } from '../../shared/ipc/api';
import { ERROR_CODES } from '../../shared/ipc/result';
import { openArchive } from '../archive/open';
import { createServices, invokeService } from '../services/serviceTable';
import { createSenderCheck, registerIpc, SHELL_INVOKE_CHANNELS, type ShellActions } from './ipc';
import { APP_ENTRY } from './protocol';
import { expectUserWords } from '../services/testing/userWords';

// Throws malformed input at every channel, through the real registerIpc and the real services
// over a real archive, and expects a clean error value every time — never a throw, never a hang,
// never a shell action run on bad input, never a message that echoes a huge input back.

type Handler = (event: unknown, input?: unknown) => unknown;
const handlers = new Map<string, Handler>();
const mainFrame = { url: APP_ENTRY };
const ourContents = { mainFrame } as unknown as WebContents;
const trusted = { sender: ourContents, senderFrame: mainFrame } as unknown as IpcMainInvokeEvent;

const dir = mkdtempSync(join(tmpdir(), 'copydesk-fuzz-'));
const archive = openArchive(join(dir, 'fuzz.sqlite'));
afterAll(() => archive.close());
const services = createServices({ archive, version: 'fuzz' });
const shellCalls: string[] = [];
const nothingImported = { stories: [], merged: [], dropped: [] };
const shell: ShellActions = {
  exportTo: async () => (shellCalls.push('exportTo'), { saved: false }),
  handoffTo: async () => (shellCalls.push('handoffTo'), { saved: false }),
  importPicked: async () => (shellCalls.push('importPicked'), null),
  importOpened: async () => (shellCalls.push('importOpened'), nothingImported),
  openArchive: async () => (shellCalls.push('openArchive'), { opened: false }),
};
registerIpc(
  { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) } as never,
  () => services,
  createSenderCheck(() => ourContents),
  shell,
);

const ALL = [...CHANNELS, ...SHELL_INVOKE_CHANNELS];
const RUNS = 150;

/** Anything structured clone can carry across IPC: Electron delivers nothing else. */
const cloneable = fc.anything({
  maxDepth: 4,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withBoxedValues: true,
});

/** Right keys, wrong values: the inputs a confused or hostile renderer is likeliest to send. */
const hostileValue = fc.oneof(
  cloneable,
  fc.constantFrom(
    '',
    '\u0000',
    '../../../etc/passwd',
    '__proto__',
    'x'.repeat(70_000),
    -1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53,
    null,
  ),
);
const KEYS = [
  'id',
  'story',
  'query',
  'tag',
  'limit',
  'offset',
  'files',
  'selection',
  'format',
  'options',
  'slug',
  'path',
  'fileName',
  'data',
  'encoding',
  'mimeType',
  '__proto__',
  'constructor',
];
const nearMiss = fc.dictionary(fc.constantFrom(...KEYS), hostileValue, { maxKeys: 5 });

function isValid(channel: string, input: unknown): boolean {
  if (channel === SHELL_CHANNELS.importPicked) return input === undefined;
  if (channel === SHELL_CHANNELS.openArchive)
    return OpenArchiveInputSchema.safeParse(input).success;
  if (channel === SHELL_CHANNELS.importOpened)
    return z.strictObject({ requestId: z.uuid() }).safeParse(input).success;
  // The shell's file channels take the same input as the contract channel they stand in for.
  if (channel === SHELL_CHANNELS.exportTo) return isValid('export.stories', input);
  if (channel === SHELL_CHANNELS.handoffTo) return isValid('stories.handoff', input);
  return contract[channel as Channel].input.safeParse(input).success;
}

function expectCleanError(result: unknown, channel: string): void {
  expect(result, channel).toMatchObject({ ok: false });
  const { error } = result as { error: { code: unknown; message: unknown } };
  expect(ERROR_CODES, channel).toContain(error.code);
  expect(typeof error.message, channel).toBe('string');
  expect((error.message as string).length, channel).toBeGreaterThan(0);
  expect((error.message as string).length, channel).toBeLessThan(600);
  expect(Object.keys(result as object).sort()).toEqual(['error', 'ok']);
}

describe('IPC fuzz: malformed input on every channel', () => {
  it.each(ALL)('%s answers every malformed input with a clean error value', async (channel) => {
    const handler = handlers.get(channel)!;
    const before = shellCalls.length;
    await fc.assert(
      fc.asyncProperty(fc.oneof(cloneable, nearMiss), async (input) => {
        fc.pre(!isValid(channel, input));
        const result = await handler(trusted, input);
        expectCleanError(result, channel);
        const { error } = result as { error: { code: string; message: string } };
        expect(error.code).toBe('INVALID_INPUT');
        expectUserWords(error.message, channel);
      }),
      { numRuns: RUNS },
    );
    // No shell action ran on bad input.
    expect(shellCalls.length).toBe(before);
  });

  it('a sender that is not our window is refused on every channel, whatever it sends', async () => {
    const strangers = [
      { sender: ourContents, senderFrame: { url: 'https://evil.example/' } },
      { sender: ourContents, senderFrame: { url: APP_ENTRY, parent: mainFrame } },
      { sender: {}, senderFrame: mainFrame },
      { sender: ourContents, senderFrame: null },
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ALL),
        fc.constantFrom(...strangers),
        fc.oneof(cloneable, nearMiss),
        async (channel, event, input) => {
          const result = await handlers.get(channel)!(event, input);
          expectCleanError(result, channel);
          expect((result as { error: { code: string } }).error.code).toBe('FORBIDDEN');
        },
      ),
      { numRuns: RUNS },
    );
    expect(shellCalls).toEqual([]);
  });

  it('unknown channel names get a clean error from the service entry point', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), cloneable), cloneable, async (channel, input) => {
        fc.pre(!(CHANNELS as unknown[]).includes(channel));
        const result = await invokeService(services, channel, input);
        expectCleanError(result, typeof channel === 'string' ? channel : typeof channel);
        expect((result as { error: { code: string } }).error.code).toBe('UNKNOWN_CHANNEL');
      }),
      { numRuns: RUNS },
    );
  });

  it('valid-looking calls still answer with a Result: ids that do not exist, stories that clash', async () => {
    const cases: [string, unknown][] = [
      ['stories.get', { id: '00000000-0000-4000-8000-000000000000' }],
      ['stories.delete', { id: '00000000-0000-4000-8000-000000000000' }],
      ['export.stories', { selection: { tag: 'nothing-here' }, format: 'prompter-txt' }],
      ['import.files', { files: [{ name: 'empty.txt', dataBase64: '' }] }],
      ['import.files', { files: [{ name: 'bin.txt', dataBase64: 'AAECAwQFBgcICQ==' }] }],
      [SHELL_CHANNELS.exportTo, { selection: { ids: [] }, format: 'prompter-txt' }],
      [SHELL_CHANNELS.exportTo, { selection: { all: true }, format: 'exe' }],
      [SHELL_CHANNELS.handoffTo, { id: 'not-a-story' }],
      [SHELL_CHANNELS.importOpened, { requestId: 'x', path: '/etc/passwd' }],
    ];
    for (const [channel, input] of cases)
      expectCleanError(await handlers.get(channel)!(trusted, input), channel);
    expect(shellCalls).toEqual([]);
  });
});
