// `npm run scan:electron` (and CI): runs Doyensec's Electronegativity over the app's own code and
// fails on any finding that is not justified in scripts/electronegativity-accepted.tsv, and on
// any justification that no longer matches a finding. The tool exits 0 whatever it finds, so its
// CSV report is what is read.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
 * Accepted findings, one a line: CHECK <tab> file <tab> code sample <tab> why it is acceptable.
 * @param {string} text
 */
export function readAccepted(text) {
  return text
    .split('\n')
    .map((line, index) => ({ line, number: index + 1 }))
    .filter(({ line }) => line.trim() !== '' && !line.startsWith('#'))
    .map(({ line, number }) => {
      const [check, file, sample, reason] = line.split('\t');
      if (!check || !file || !sample || !reason?.trim())
        throw new Error(
          `electronegativity-accepted.tsv line ${number}: need CHECK, file, sample and a reason, tab-separated`,
        );
      return { check, file, sample: sample.replace(/\s+/g, ' '), reason: reason.trim(), number };
    });
}

/** @typedef {{ check: string, severity: string, file: string, location: string, sample: string }} Finding */
/** @typedef {{ check: string, file: string, sample: string, reason: string, number: number }} Accepted */

/** @param {{ check: string, file: string, sample: string }} f */
const keyOf = (f) => `${f.check}\t${f.file}\t${f.sample}`;

/**
 * Findings nobody has justified, and justifications that match no finding.
 * @param {Finding[]} findings
 * @param {Accepted[]} accepted
 * @returns {{ unexplained: Finding[], stale: Accepted[] }}
 */
export function compare(findings, accepted) {
  const acceptedKeys = new Set(accepted.map(keyOf));
  const foundKeys = new Set(findings.map(keyOf));
  return {
    unexplained: findings.filter((f) => !acceptedKeys.has(keyOf(f))),
    stale: accepted.filter((a) => !foundKeys.has(keyOf(a))),
  };
}

/** Copies the app's own code (no tests, no node_modules) to a scratch folder for the scan. */
function stage() {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-electronegativity-'));
  for (const part of ['main', 'renderer', 'shared', 'package.json'])
    cpSync(join(ROOT, part), join(dir, part), {
      recursive: true,
      filter: (source) => !/\.test\.tsx?$/.test(source),
    });
  return dir;
}

function scan(attempts = 5) {
  for (let attempt = 1; ; attempt++) {
    try {
      return scanOnce();
    } catch (error) {
      if (!(error instanceof TornReportError) || attempt === attempts) throw error;
      console.log(`electronegativity: ${error.message}; scanning again`);
    }
  }
}

function scanOnce() {
  const require = createRequire(import.meta.url);
  const electron = require('electron/package.json').version;
  const input = stage();
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
    const findings = scan();
    const accepted = readAccepted(readFileSync(ACCEPTED_FILE, 'utf8'));
    const { unexplained, stale } = compare(findings, accepted);
    console.log(
      `electronegativity: ${findings.length} findings, ${findings.length - unexplained.length} justified in ${ACCEPTED_FILE.slice(ROOT.length)}`,
    );
    for (const f of unexplained)
      console.log(
        `  UNEXPLAINED ${f.severity} ${f.check} ${f.file}:${f.location}\n    fix it, or justify it with this line:\n    ${f.check}\t${f.file}\t${f.sample}\t<why it is acceptable>`,
      );
    for (const a of stale)
      console.log(
        `  STALE line ${a.number}: ${a.check} ${a.file} no longer found; remove the line`,
      );
    process.exit(unexplained.length + stale.length === 0 ? 0 : 1);
  } catch (error) {
    console.error(`electronegativity: ${error.message}`);
    process.exit(1);
  }
}
