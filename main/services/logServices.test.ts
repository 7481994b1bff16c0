import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../archive/open';
import { createServices, invokeService } from './serviceTable';
import { RENDERER_ERRORS_PER_MINUTE } from './logServices';

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
