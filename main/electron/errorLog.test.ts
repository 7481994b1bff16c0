import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureConsole, createErrorLog, redact, summarizeError } from './errorLog';

const logDir = () => join(mkdtempSync(join(tmpdir(), 'copydesk-log-')), 'logs');
const TOKEN = 'Qm9vdHN0cmFwVG9rZW5Gb3JDb3B5ZGVza0Jyb3dzZXJNb2Rl';
const STORY = 'The minister resigned at dawn after the harbour deal collapsed';

describe('the error log', () => {
  it('writes timestamped lines to copydesk.log in the logs folder it creates', () => {
    const dir = logDir();
    const log = createErrorLog({ dir, now: () => new Date('2026-03-01T08:00:00Z') });
    log.write('renderer gone', { reason: 'crashed', exitCode: 139 });
    log.error('uncaught exception', new TypeError('x is not a function'));
    const text = readFileSync(join(dir, 'copydesk.log'), 'utf8');
    expect(text).toMatch(/^2026-03-01T08:00:00\.000Z renderer gone reason=crashed exitCode=139\n/);
    expect(text).toMatch(/uncaught exception: TypeError: x is not a function\n\s+at /);
  });

  it('rotates by size and keeps a fixed number of old files', () => {
    const dir = logDir();
    const log = createErrorLog({ dir, maxBytes: 200, keep: 2 });
    for (let i = 0; i < 40; i++) log.write(`event ${i}`, { detail: 'x'.repeat(30) });
    expect(readdirSync(dir).sort()).toEqual(['copydesk.1.log', 'copydesk.2.log', 'copydesk.log']);
    for (const file of readdirSync(dir))
      expect(readFileSync(join(dir, file)).length, file).toBeLessThanOrEqual(200);
    expect(readFileSync(join(dir, 'copydesk.log'), 'utf8')).toContain('event 39');
  });

  it('never logs a token, in a URL, a header or on its own', () => {
    const dir = logDir();
    const log = createErrorLog({ dir });
    log.write('request failed', { url: `/api/x?token=${TOKEN}&a=1`, auth: `Bearer ${TOKEN}` });
    log.error('fetch', new Error(`GET http://127.0.0.1:5000/?token=${TOKEN} failed`));
    log.write(`odd ${TOKEN}`);
    expect(readFileSync(join(dir, 'copydesk.log'), 'utf8')).not.toContain(TOKEN.slice(0, 20));
  });

  it('never logs story text that an error message quotes', () => {
    const dir = logDir();
    const log = createErrorLog({ dir });
    let parseError: unknown;
    try {
      JSON.parse(`"${STORY}" trailing`);
    } catch (error) {
      parseError = error;
    }
    log.error('import', parseError);
    log.error('save', new Error(`“${STORY}” was changed elsewhere`));
    log.error('slug', new Error(`bad slug '${STORY}'`));
    const text = readFileSync(join(dir, 'copydesk.log'), 'utf8');
    expect(text).not.toMatch(/minister|harbour/);
    expect(text).toContain('SyntaxError');
  });

  it('keeps only the first line of a message, cut short, and no more than a dozen frames', () => {
    const error = new Error(`${'long '.repeat(100)}\nsecond line with ${STORY}`);
    const summary = summarizeError(error);
    expect(summary.split('\n')[0]!.length).toBeLessThan(230);
    expect(summary).not.toContain('second line');
    expect(summary.split('\n').length).toBeLessThanOrEqual(13);
    expect(summarizeError('a string')).toBe('non-error thrown: string');
  });

  it('never throws, even when the folder cannot be made', () => {
    const blocker = join(mkdtempSync(join(tmpdir(), 'copydesk-log-')), 'file');
    writeFileSync(blocker, 'not a folder');
    const log = createErrorLog({ dir: join(blocker, 'logs') });
    expect(() => log.write('x')).not.toThrow();
    expect(() => log.error('x', new Error('y'))).not.toThrow();
    expect(existsSync(log.file)).toBe(false);
  });

  it('copies console errors and warnings into the log, scrubbed', () => {
    const dir = logDir();
    const log = createErrorLog({ dir });
    const seen: unknown[][] = [];
    const target = {
      error: (...a: unknown[]) => seen.push(a),
      warn: (...a: unknown[]) => seen.push(a),
    };
    captureConsole(target, log);
    target.error('[copydesk] stories.save failed:', new Error(`disk "${STORY}"`));
    target.warn(`deprecated token=${TOKEN}`);
    expect(seen).toHaveLength(2);
    const text = readFileSync(join(dir, 'copydesk.log'), 'utf8');
    expect(text).toContain('console.error [copydesk] stories.save failed:: Error: disk "…"');
    expect(text).toContain('console.warn message=deprecated token=…');
    expect(text).not.toMatch(/minister|Qm9v/);
  });

  it('redacts what looks like a secret and leaves ordinary words', () => {
    expect(redact('open /home/desk/archive.sqlite failed')).toBe(
      'open /home/desk/archive.sqlite failed',
    );
    expect(redact(`key ${'a'.repeat(40)} end`)).toBe('key … end');
  });
});
