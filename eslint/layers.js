// Which folder may import what: the layers described in docs/ARCHITECTURE.md, enforced.
//
// Every file under shared/, renderer/ and main/ belongs to one layer. A layer imports only the
// layers it lists and the npm packages it lists. Tests (*.test.ts[x]) and test helpers (any
// folder named testing/) belong to their folder's layer and may import what it may, plus the
// testing/ folders of those layers, the test packages, and anything outside the layered folders
// (bench/, fixtures/). Production code may import no testing/ folder, no test and no test package.
import path from 'node:path';
import { builtinModules } from 'node:module';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Stands in a package list for every Node built-in (`node:fs`, `path`, …). */
export const NODE = 'node:*';

/** Packages every test may use. */
const TEST_PACKAGES = ['vitest', 'fast-check', NODE];
/**
 * Packages main/'s tests may also use: raw SQLite to damage or inspect an archive file, and the
 * readers we did not write that check our exports.
 */
const MAIN_TEST_PACKAGES = [
  'better-sqlite3',
  'csv-parse',
  'fontkit',
  '@mos-connection/helper',
  'jszip',
  'markdown-it',
  'pdfjs-dist',
  'rtf.js',
  'srt-parser-2',
  'webvtt-parser',
  // A WebSocket client, to knock on our servers' sockets as a remote control or a page would.
  'ws',
];

/**
 * The layers, lowest first. `imports`: the other layers it may import (shared/ is imported by
 * all). `packages`: the npm packages its production code may import (`@scope/*` for a scope).
 * `testsAlsoImport`: layers its tests (only) may import besides, with the reason.
 */
/** @type {Record<string, {imports: string[], packages: string[], testsAlsoImport?: Record<string, string>}>} */
export const LAYERS = {
  // shared/ runs in every process, so each package here is bundled into main, the window and
  // its workers alike: add one only on purpose. zod for the schemas; diff (jsdiff, no
  // dependencies) for the history's word diff, which the renderer runs in a worker.
  shared: { imports: [], packages: ['zod', 'diff'] },
  renderer: {
    imports: ['shared'],
    packages: ['react', 'react-dom', 'lexical', '@lexical/*', 'zod'],
  },
  // Errors, the version and the log's scrubbing, which every main layer may need and which need
  // nothing of main.
  'main/common': { imports: ['shared'], packages: [NODE, 'zod'] },
  'main/archive': { imports: ['shared', 'main/common'], packages: [NODE, 'zod', 'better-sqlite3'] },
  'main/import': {
    imports: ['shared', 'main/common'],
    packages: [NODE, 'zod'],
    testsAlsoImport: { 'main/export': 'round trips: export a story, read it back' },
  },
  'main/export': {
    imports: ['shared', 'main/common'],
    packages: [NODE, 'zod', 'docx', 'pdfkit', 'fontkit', 'bidi-js', 'get-east-asian-width'],
    testsAlsoImport: { 'main/import': 'round trips: export a story, read it back' },
  },
  'main/services': {
    imports: ['shared', 'main/common', 'main/archive', 'main/import', 'main/export'],
    packages: [NODE, 'zod'],
  },
  // What browser mode and Electron's app:// protocol both send: content types, the CSP.
  'main/http': { imports: ['shared', 'main/common'], packages: [NODE, 'zod'] },
  // The prompter's remote control: the relay between the operator's window and remote clients,
  // and its loopback HTTP + WebSocket server. Browser mode and Electron both host it.
  'main/prompter': {
    imports: ['shared', 'main/common', 'main/http'],
    packages: [NODE, 'zod', 'ws'],
  },
  'main/web': {
    imports: [
      'shared',
      'main/common',
      'main/archive',
      'main/services',
      'main/http',
      'main/prompter',
    ],
    packages: [NODE, 'zod'],
  },
  // The CLI hosts browser mode (`copydesk web`), so it may start the web server.
  'main/cli': {
    imports: ['shared', 'main/common', 'main/archive', 'main/services', 'main/web'],
    packages: [NODE, 'zod'],
    testsAlsoImport: { 'main/export': 'reading back what the CLI exported' },
  },
  'main/electron': {
    imports: [
      'shared',
      'main/common',
      'main/archive',
      'main/services',
      'main/http',
      'main/prompter',
    ],
    packages: [NODE, 'zod', 'electron'],
  },
};

/** The only file outside the layers production code may import. */
const PRODUCTION_OUTSIDE = new Set(['package.json']);

function relative(file) {
  return path.relative(ROOT, file).split(path.sep).join('/');
}

/** The layer a path is in: `main/<folder>` or a top folder; `undefined` outside the layers. */
export function layerOf(file) {
  const rel = relative(file);
  const [top, second] = rel.split('/');
  if (top === 'shared' || top === 'renderer') return top;
  if (top !== 'main') return undefined;
  // `main/export` (a folder's index) is that folder's layer; a file straight in main/ is in none
  // LAYERS lists, and neither is a folder it does not list.
  const inFolder = rel.split('/').length > 2 || (second !== undefined && !second.includes('.'));
  return inFolder ? `main/${second}` : 'main/';
}

export function isTestCode(file) {
  return /\.test(\.[cm]?[jt]sx?)?$/.test(file) || relative(file).split('/').includes('testing');
}

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function listed(list, spec) {
  const pkg = packageName(spec);
  return list.some(
    (entry) =>
      entry === pkg ||
      (entry === NODE && (NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(pkg))) ||
      (entry.endsWith('/*') && pkg.startsWith(entry.slice(0, -1))),
  );
}

const WHY = 'see docs/ARCHITECTURE.md';

/** What is wrong with `spec` imported from `file` (a type-only import if `typeOnly`), or null. */
export function problem(file, spec, typeOnly = false) {
  const from = layerOf(file);
  if (from === undefined) return null;
  const layer = LAYERS[from];
  if (!layer) return `${relative(file)} is in no layer: put it in a folder eslint/layers.js lists`;
  const test = isTestCode(file);

  if (spec.startsWith('.') || spec.startsWith('/')) {
    const target = path.resolve(path.dirname(file), spec.replace(/\?.*$/, ''));
    const to = layerOf(target);
    if (to === undefined) {
      if (test || PRODUCTION_OUTSIDE.has(relative(target))) return null;
      return `${from}/ must not import ${relative(target)}: production code stays inside the layers`;
    }
    if (isTestCode(target) && !test)
      return `${from}/ must not import test code (${relative(target)}) outside a test`;
    if (to === from) return null;
    if (layer.imports.includes(to)) return null;
    if (test && layer.testsAlsoImport?.[to]) return null;
    return `${from}/ must not import ${to}/ (${from}/ may import ${layer.imports.join(', ') || 'nothing else'}; ${WHY})`;
  }

  if (packageName(spec) === 'electron' && test && !typeOnly)
    return "a test must not load 'electron' (its binary cannot be downloaded here): test the logic through fakes";
  if (listed(layer.packages, spec)) return null;
  if (test && listed(TEST_PACKAGES, spec)) return null;
  if (test && from.startsWith('main/') && listed(MAIN_TEST_PACKAGES, spec)) return null;
  const allowed = layer.packages.join(', ');
  if (test) return `a test in ${from}/ must not import '${spec}' (${WHY})`;
  return `${from}/ must not import '${spec}': it may import ${allowed} (${WHY})`;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Keeps imports pointing the allowed way between the layers of shared, renderer and main',
    },
    schema: [],
    messages: { layer: '{{message}}' },
  },
  create(context) {
    const file = context.filename;
    if (layerOf(file) === undefined) return {};
    function check(node, source) {
      if (!source || typeof source.value !== 'string') return;
      const typeOnly =
        node.importKind === 'type' ||
        node.exportKind === 'type' ||
        (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
      const message = problem(file, source.value, typeOnly);
      if (message) context.report({ node, messageId: 'layer', data: { message } });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export const layersPlugin = { rules: { layers: rule } };
