import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../archive/open';
import { createServices, invokeService } from './serviceTable';
import { RENDERER_ERRORS_PER_MINUTE } from './logServices';
import { createRateLimit, rendererErrorEntry } from '../common/rendererErrors';

const STACK = [
  'TypeError: Cannot read properties of null (reading "runs")',
  '    at $lexicalToStoryBody (app://copydesk/assets/index-3f2a.js:12:345)',
  '    at StatusBar (app://copydesk/assets/index-3f2a.js:40:12)',
  ...Array.from(
    { length: 30 },
    (_, i) => `    at frame${i} (app://copydesk/assets/index-3f2a.js:1:${i})`,
  ),
].join('\n');

describe('a renderer error as the log keeps it', () => {
  it('keeps the name, the first message line and the first frames, never quoted text', () => {
    const entry = rendererErrorEntry({
      source: 'render',
      name: 'TypeError',
      message:
        'Cannot find “Harbor Bridge closes at dawn” in the script\nsecond line with more text',
      stack: STACK,
      componentStack: '\n    at StatusBar (app://copydesk/assets/index-3f2a.js:40:12)\n    at App',
    });
    expect(entry).toMatch(/^renderer render: TypeError: Cannot find "…" in the script\n/);
    expect(entry).not.toContain('Harbor Bridge');
    expect(entry).not.toContain('second line');
    expect(entry).toContain('at $lexicalToStoryBody (app://copydesk/assets/index-3f2a.js:12:345)');
    expect(entry.match(/^ {4}at frame/gm)).toHaveLength(10);
    expect(entry).toContain('  while drawing:\n    at StatusBar');
  });

  it('blanks tokens, however they appear', () => {
    const token = 'Zk3o9QmVb2xL7pRt5sWy8uAe1cDf4gHj6kN0';
    const entry = rendererErrorEntry({
      source: 'error',
      name: 'Error',
      message: `fetch http://127.0.0.1:5000/?token=${token} failed, Bearer ${token}`,
      stack: '',
      componentStack: '',
    });
    expect(entry).not.toContain(token);
    expect(entry).not.toContain(token.slice(0, 12));
  });

  it('says a promise rejected with something other than an Error only by its type', () => {
    const entry = rendererErrorEntry({
      source: 'rejection',
      name: 'non-error rejection',
      message: 'string',
      stack: '',
      componentStack: '',
    });
    expect(entry).toBe('renderer rejection: non-error rejection: string');
  });
});

describe('the rate limit', () => {
  it('lets a number through a minute, counts the rest, and says so with the next one', () => {
    const limit = createRateLimit(3);
    const at = (s: number) => limit.take(s * 1000);
    expect([at(0), at(1), at(2)].every((v) => v.allowed)).toBe(true);
    expect(at(3)).toEqual({ allowed: false });
    expect(at(59)).toEqual({ allowed: false });
    expect(at(60)).toEqual({ allowed: true, dropped: 2 });
    expect(at(61)).toEqual({ allowed: true, dropped: 0 });
  });
});

describe('the log.rendererError channel', () => {
  const open: Archive[] = [];
  afterEach(() => open.splice(0).forEach((a) => a.close()));

  function services(log?: (entry: string) => void) {
    const archive = openArchive(join(mkdtempSync(join(tmpdir(), 'copydesk-log-')), 'a.sqlite'));
    open.push(archive);
    let clock = Date.parse('2026-11-28T10:00:00.000Z');
    return {
      table: createServices({ archive, version: 'test', now: () => new Date(clock), log }),
      tick: (ms: number) => (clock += ms),
    };
  }
  const report = { source: 'error', name: 'Error', message: 'boom', stack: '' } as const;

  it('writes a scrubbed entry to the transport’s log', async () => {
    const entries: string[] = [];
    const { table } = services((e) => entries.push(e));
    const result = await invokeService(table, 'log.rendererError', {
      ...report,
      message: 'Unexpected text “Park Ji-won reports.”',
    });
    expect(result).toEqual({ ok: true, value: { logged: true } });
    expect(entries).toEqual(['renderer error: Error: Unexpected text "…"']);
  });

  it('refuses an oversized report before it reaches the log', async () => {
    const entries: string[] = [];
    const { table } = services((e) => entries.push(e));
    const result = await invokeService(table, 'log.rendererError', {
      ...report,
      message: 'x'.repeat(2001),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
    expect(
      await invokeService(table, 'log.rendererError', { ...report, storyText: 'Hello' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(entries).toEqual([]);
  });

  it('writes no more than its limit a minute from a renderer in an error loop', async () => {
    const entries: string[] = [];
    const { table, tick } = services((e) => entries.push(e));
    for (let i = 0; i < 500; i++) await invokeService(table, 'log.rendererError', report);
    expect(entries).toHaveLength(RENDERER_ERRORS_PER_MINUTE);
    tick(60_000);
    await invokeService(table, 'log.rendererError', report);
    expect(entries.at(-1)).toContain(
      `(${500 - RENDERER_ERRORS_PER_MINUTE} more renderer errors were not logged: too many at once)`,
    );
  });

  it('answers that nothing was logged where no log is kept', async () => {
    const { table } = services();
    expect(await invokeService(table, 'log.rendererError', report)).toEqual({
      ok: true,
      value: { logged: false },
    });
  });
});
