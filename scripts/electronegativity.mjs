// `npm run scan:electron` (and CI): runs Doyensec's Electronegativity over the app's own code and
// fails on any finding that is not justified in scripts/electronegativity-accepted.tsv — matched
// on check, file, location and sample, one line per finding, so a new, moved or repeated finding
// fails — and on any justification that no longer matches a finding. The tool exits 0 whatever
// it finds, so its CSV report is what is read. The scanner cannot follow mainWindowOptions()
// into window.ts, so the gate checks the options that function returns itself, and hands the
// scanner a file that passes them to `new BrowserWindow` literally.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const TOOL = '@doyensec/electronegativity@1.10.3';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ACCEPTED_FILE = join(ROOT, 'scripts', 'electronegativity-accepted.tsv');

/**
 * Parses RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks).
 * @param {string} text
 * @returns {string[][]}
 */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted) {
      field += c;
    } else if (c === ',') {
      endField();
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) endRow();
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/**
 * Electronegativity 1.10.3 writes its CSV header and its rows with two unsynchronised
 * fs.writeFile calls, so now and then (about one run in fifteen here) the header lands on top of
 * the first row. Such a report is thrown out and the scan run again.
 */
export class TornReportError extends Error {}

/**
 * The findings of an Electronegativity CSV report.
 * @param {string} csv
 * @returns {{ check: string, severity: string, file: string, location: string, sample: string }[]}
 */
export function readFindings(csv) {
  const [header, ...rows] = parseCsv(csv);
  if (!header) throw new Error('the Electronegativity report is empty');
  const column = (name) => {
    const i = header.findIndex((h) => h.trim() === name);
    if (i < 0) throw new Error(`the Electronegativity report has no "${name}" column`);
    return i;
  };
  const at = {
    check: column('issue'),
    severity: column('severity'),
    file: column('filename'),
    location: column('location'),
    sample: column('sample'),
  };
  rows.forEach((r, index) => {
    if (r.length !== header.length || !/^[A-Z][A-Z0-9_]*$/.test(r[at.check].trim()))
      throw new TornReportError(
        `the Electronegativity report is torn at row ${index + 2}: ${r.join(',').slice(0, 80)}`,
      );
  });
  return rows.map((r) => ({
    check: r[at.check].trim(),
    severity: r[at.severity].trim(),
    file: r[at.file].trim(),
    location: r[at.location].trim(),
    sample: r[at.sample].trim().replace(/\s+/g, ' '),
  }));
}

/**
 * Accepted findings, one a line: CHECK <tab> file <tab> line:column <tab> code sample <tab> why it
 * is acceptable.
 * @param {string} text
 */
export function readAccepted(text) {
  return text
    .split('\n')
    .map((line, index) => ({ line, number: index + 1 }))
    .filter(({ line }) => line.trim() !== '' && !line.startsWith('#'))
    .map(({ line, number }) => {
      const [check, file, location, sample, reason] = line.split('\t');
      if (!check || !file || !/^\d+:\d+$/.test(location ?? '') || !sample || !reason?.trim())
        throw new Error(
          `electronegativity-accepted.tsv line ${number}: need CHECK, file, line:column, sample and a reason, tab-separated`,
        );
      return {
        check,
        file,
        location,
        sample: sample.replace(/\s+/g, ' '),
        reason: reason.trim(),
        number,
      };
    });
}

/** @typedef {{ check: string, severity: string, file: string, location: string, sample: string }} Finding */
/** @typedef {{ check: string, file: string, location: string, sample: string, reason: string, number: number }} Accepted */

/** @param {{ check: string, file: string, location: string, sample: string }} f */
const keyOf = (f) => `${f.check}\t${f.file}\t${f.location}\t${f.sample}`;

/**
 * Findings nobody has justified, and justifications that match no finding. Each accepted line
 * answers for one finding at one place: the same finding twice needs two lines, and a finding
 * that moved (another line or column) is a new one until its line is updated.
 * @param {Finding[]} findings
 * @param {Accepted[]} accepted
 * @returns {{ unexplained: Finding[], stale: Accepted[] }}
 */
export function compare(findings, accepted) {
  const waiting = new Map();
  for (const a of accepted) waiting.set(keyOf(a), [...(waiting.get(keyOf(a)) ?? []), a]);
  const unexplained = findings.filter((f) => {
    const lines = waiting.get(keyOf(f));
    if (!lines?.length) return true;
    lines.shift();
    return false;
  });
  return { unexplained, stale: [...waiting.values()].flat() };
}

/** The web preferences the main window must have, whatever else changes in window.ts. */
export const REQUIRED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  enableBlinkFeatures: '',
  webviewTag: false,
  navigateOnDragDrop: false,
};

/**
 * What is wrong with the main window's options, in words; empty when they are secure.
 * @param {{ webPreferences?: object }} options
 * @returns {string[]}
 */
export function windowOptionProblems(options) {
  const prefs = /** @type {Record<string, unknown>} */ (options.webPreferences ?? {});
  const problems = Object.entries(REQUIRED_WEB_PREFERENCES)
    .filter(([name, value]) => prefs[name] !== value)
    .map(
      ([name, value]) =>
        `webPreferences.${name} is ${JSON.stringify(prefs[name])}, must be ${JSON.stringify(value)}`,
    );
  const disabled = String(prefs.disableBlinkFeatures ?? '').split(',');
  if (!disabled.map((f) => f.trim()).includes('Auxclick'))
    problems.push('webPreferences.disableBlinkFeatures must include Auxclick');
  if (typeof prefs.preload !== 'string' || prefs.preload === '')
    problems.push('webPreferences.preload must name the sandboxed preload');
  return problems;
}

/** mainWindowOptions() as the app calls it, evaluated from window.ts (through tsx). */
export function loadWindowOptions() {
  const window = pathToFileURL(join(ROOT, 'main', 'electron', 'window.ts')).href;
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(window)});
       process.stdout.write(JSON.stringify(m.mainWindowOptions({ preload: 'preload.cjs', dark: false })));`,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`could not evaluate mainWindowOptions(): ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** Where the scan finds the main window's options spelled out. */
export const WINDOW_OPTIONS_SCAN_FILE = 'main/electron/mainWindowOptions.scan.js';

/**
 * A file for the scanner only: `new BrowserWindow` with mainWindowOptions()'s values written
 * out, so its checks see what the window really gets.
 * @param {unknown} options
 */
export function windowOptionsSource(options) {
  return [
    '// Written for the Electronegativity scan from mainWindowOptions() in window.ts.',
    "const { BrowserWindow } = require('electron');",
    `const window = new BrowserWindow(${JSON.stringify(options, null, 2)});`,
    'module.exports = { window };',
    '',
  ].join('\n');
}

/**
 * Copies the app's own code (no tests, no test helpers, no node_modules) to a scratch folder for
 * the scan, with the window's options spelled out.
 */
function stage(windowOptions) {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-electronegativity-'));
  for (const part of ['main', 'renderer', 'shared', 'package.json'])
    cpSync(join(ROOT, part), join(dir, part), {
      recursive: true,
      filter: (source) => !/\.test\.tsx?$|[\\/]testing([\\/]|$)/.test(source),
    });
  writeFileSync(join(dir, WINDOW_OPTIONS_SCAN_FILE), windowOptionsSource(windowOptions));
  return dir;
}

function scan(windowOptions, attempts = 5) {
  for (let attempt = 1; ; attempt++) {
    try {
      return scanOnce(windowOptions);
    } catch (error) {
      if (!(error instanceof TornReportError) || attempt === attempts) throw error;
      console.log(`electronegativity: ${error.message}; scanning again`);
    }
  }
}

function scanOnce(windowOptions) {
  const require = createRequire(import.meta.url);
  const electron = require('electron/package.json').version;
  const input = stage(windowOptions);
  const report = join(input, '..', `${input.split(/[\\/]/).pop()}.csv`);
  try {
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    const run = spawnSync(
      npx,
      ['-y', '-p', TOOL, 'electronegativity', '-i', input, '-r', '-o', report, '-e', electron],
      { encoding: 'utf8', shell: process.platform === 'win32' },
    );
    if (run.status !== 0 || !existsSync(report))
      throw new Error(
        `Electronegativity did not run (exit ${run.status}): ${run.stderr || run.stdout}`,
      );
    return readFindings(readFileSync(report, 'utf8'));
  } finally {
    rmSync(input, { recursive: true, force: true });
    rmSync(report, { force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const windowOptions = loadWindowOptions();
    const insecure = windowOptionProblems(windowOptions);
    for (const problem of insecure)
      console.log(`  INSECURE WINDOW main/electron/window.ts: ${problem}`);
    const findings = scan(windowOptions);
    const accepted = readAccepted(readFileSync(ACCEPTED_FILE, 'utf8'));
    const { unexplained, stale } = compare(findings, accepted);
    console.log(
      `electronegativity: ${findings.length} findings, ${findings.length - unexplained.length} justified in ${ACCEPTED_FILE.slice(ROOT.length)}`,
    );
    for (const f of unexplained)
      console.log(
        `  UNEXPLAINED ${f.severity} ${f.check} ${f.file}:${f.location}\n    fix it, or justify it (or its new place) with this line:\n    ${f.check}\t${f.file}\t${f.location}\t${f.sample}\t<why it is acceptable>`,
      );
    for (const a of stale)
      console.log(
        `  STALE line ${a.number}: ${a.check} ${a.file}:${a.location} no longer found there; remove or update the line`,
      );
    process.exit(insecure.length + unexplained.length + stale.length === 0 ? 0 : 1);
  } catch (error) {
    console.error(`electronegativity: ${error.message}`);
    process.exit(1);
  }
}
