// The dependency rule of STYLE.md, enforced: which folder may import what.
//   shared/   pure TypeScript: imports only shared/ and the packages listed below.
//   renderer/ may import shared/, never main/, electron or node:*.
//   main/     may import shared/, never renderer/; only main/electron/ may import electron.
import path from 'node:path';
import { builtinModules } from 'node:module';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const SHARED_PACKAGES = new Set(['zod']);

function layerOf(file) {
  const rel = path.relative(ROOT, file).split(path.sep);
  if (rel[0] === 'main' && rel[1] === 'electron') return 'main/electron';
  return ['shared', 'main', 'renderer'].includes(rel[0]) ? rel[0] : null;
}

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function problem(fromLayer, spec, file) {
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const target = layerOf(path.resolve(path.dirname(file), spec));
    if (target === null || target === fromLayer) return null;
    if (target === 'shared') return null;
    if (fromLayer === 'main/electron' && target === 'main') return null;
    if (fromLayer === 'main' && target === 'main/electron') {
      return 'main/ must not import main/electron/ (the CLI and browser mode run without Electron)';
    }
    return `${fromLayer}/ must not import ${target}/`;
  }
  const pkg = packageName(spec);
  if (pkg === 'electron' && fromLayer !== 'main/electron') {
    return `only main/electron/ may import electron (found in ${fromLayer}/)`;
  }
  if (NODE_BUILTINS.has(pkg) || NODE_BUILTINS.has(spec)) {
    if (fromLayer === 'shared' || fromLayer === 'renderer') {
      return `${fromLayer}/ must not import Node built-in '${spec}'`;
    }
    return null;
  }
  if (fromLayer === 'shared' && !SHARED_PACKAGES.has(pkg)) {
    return `shared/ may only import ${[...SHARED_PACKAGES].join(', ')} (found '${spec}')`;
  }
  return null;
}

const rule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Keeps imports pointing the one allowed way between shared, main and renderer',
    },
    schema: [],
    messages: { layer: '{{message}}' },
  },
  create(context) {
    const file = context.filename;
    const fromLayer = layerOf(file);
    if (fromLayer === null || /\.test\.tsx?$/.test(file)) return {};
    function check(node, source) {
      if (!source || typeof source.value !== 'string') return;
      const message = problem(fromLayer, source.value, file);
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
