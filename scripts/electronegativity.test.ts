import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ACCEPTED_FILE,
  compare,
  parseCsv,
  readAccepted,
  readFindings,
  TornReportError,
  windowOptionProblems,
  windowOptionsSource,
} from './electronegativity.mjs';
import { mainWindowOptions } from '../main/electron/window';

// The header and quoting of a real Electronegativity 1.10.3 CSV report.
const REPORT = [
  'issue, severity, confidence, filename, location, sample, description, url',
  'CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","main/electron/main.ts","137:17","const window = new BrowserWindow(","Review the use of the contextIsolation option",https://github.com/doyensec/electronegativity/wiki/CONTEXT_ISOLATION_JS_CHECK',
  'CSP_GLOBAL_CHECK,"LOW","FIRM","renderer/index.html","5:0","default-src \'none\'; script-src \'self\'","One or more CSP directives detected seems to be vulnerable",https://example.invalid',
  'OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","main/electron/main.ts","9:1","open(""a, b"")","Review the use of openExternal",https://example.invalid',
  '',
].join('\r\n');

describe('reading Electronegativity’s CSV report', () => {
  it('parses quoted fields with commas, doubled quotes and CRLF line ends', () => {
    expect(parseCsv('a,"b, c","d ""e"""\r\n"x\ny",z\n')).toEqual([
      ['a', 'b, c', 'd "e"'],
      ['x\ny', 'z'],
    ]);
  });

  it('reads each finding’s check, file, location and code sample', () => {
    expect(readFindings(REPORT)).toEqual([
      {
        check: 'CONTEXT_ISOLATION_JS_CHECK',
        severity: 'HIGH',
        file: 'main/electron/main.ts',
        location: '137:17',
        sample: 'const window = new BrowserWindow(',
      },
      {
        check: 'CSP_GLOBAL_CHECK',
        severity: 'LOW',
        file: 'renderer/index.html',
        location: '5:0',
        sample: "default-src 'none'; script-src 'self'",
      },
      {
        check: 'OPEN_EXTERNAL_JS_CHECK',
        severity: 'MEDIUM',
        file: 'main/electron/main.ts',
        location: '9:1',
        sample: 'open("a, b")',
      },
    ]);
    expect(() => readFindings('')).toThrow(/empty/);
    expect(() => readFindings('issue, severity\nX,"LOW"')).toThrow(/filename/);
  });

  it('throws out a report whose header landed on top of its first row', () => {
    const [header, first, ...rest] = REPORT.split('\r\n');
    const torn = [header, first.slice(header.length + 2), ...rest].join('\r\n');
    expect(() => readFindings(torn)).toThrow(TornReportError);
  });

  it('fails on what nobody justified and on justifications that match nothing', () => {
    const accepted = readAccepted(
      [
        '# comment',
        'CONTEXT_ISOLATION_JS_CHECK\tmain/electron/main.ts\t137:17\tconst window = new BrowserWindow(\tset in window.ts',
        'SANDBOX_JS_CHECK\tmain/electron/main.ts\t137:17\tconst window = new BrowserWindow(\tgone since',
      ].join('\n'),
    );
    const { unexplained, stale } = compare(readFindings(REPORT), accepted);
    expect(unexplained.map((f) => f.check)).toEqual(['CSP_GLOBAL_CHECK', 'OPEN_EXTERNAL_JS_CHECK']);
    expect(stale.map((a) => a.check)).toEqual(['SANDBOX_JS_CHECK']);
  });

  it('refuses an accepted line without a reason or a location', () => {
    expect(() => readAccepted('X\tmain/a.ts\t1:2\tsample\t  ')).toThrow(/line 1/);
    expect(() => readAccepted('X\tmain/a.ts\tsample\tbecause it is fine')).toThrow(/line:column/);
  });

  it('fails on a finding that moved, and on one more of the same finding than was accepted', () => {
    const [finding] = readFindings(REPORT);
    const accepted = readAccepted(
      'CONTEXT_ISOLATION_JS_CHECK\tmain/electron/main.ts\t137:17\tconst window = new BrowserWindow(\tset in window.ts',
    );
    expect(compare([finding!], accepted)).toEqual({ unexplained: [], stale: [] });
    const moved = { ...finding!, location: '140:17' };
    expect(compare([moved], accepted)).toEqual({ unexplained: [moved], stale: accepted });
    const twice = compare([finding!, finding!], accepted);
    expect(twice.unexplained).toEqual([finding]);
    expect(twice.stale).toEqual([]);
  });

  it('checks the window options themselves: the app’s pass, an insecure set is named point by point', () => {
    const options = mainWindowOptions({ preload: '/p/preload.cjs', dark: false });
    expect(windowOptionProblems(options)).toEqual([]);
    const insecure = {
      ...options,
      webPreferences: {
        ...options.webPreferences,
        contextIsolation: false,
        sandbox: false,
        nodeIntegration: true,
        webSecurity: false,
        disableBlinkFeatures: '',
      },
    };
    expect(windowOptionProblems(insecure)).toEqual([
      'webPreferences.contextIsolation is false, must be true',
      'webPreferences.sandbox is false, must be true',
      'webPreferences.nodeIntegration is true, must be false',
      'webPreferences.webSecurity is false, must be true',
      'webPreferences.disableBlinkFeatures must include Auxclick',
    ]);
    expect(windowOptionProblems({ ...options, webPreferences: undefined })).toContain(
      'webPreferences.contextIsolation is undefined, must be true',
    );
  });

  it('hands the scanner the window options written out in a new BrowserWindow call', () => {
    const source = windowOptionsSource(mainWindowOptions({ preload: 'preload.cjs', dark: true }));
    expect(source).toContain('new BrowserWindow({');
    expect(source).toContain('"contextIsolation": true');
    expect(source).toContain('"sandbox": true');
  });

  it('the checked-in file justifies every line in one line each', () => {
    const accepted = readAccepted(readFileSync(ACCEPTED_FILE, 'utf8'));
    expect(accepted.length).toBeGreaterThan(0);
    for (const a of accepted) expect(a.reason.length, a.check).toBeGreaterThan(30);
  });
});
