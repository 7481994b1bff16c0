import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { LAYERS, layersPlugin, problem } from './layers.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ROOT = path.resolve(import.meta.dirname, '..');
const at = (file: string) => path.join(ROOT, file);
const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' },
});
const rule = layersPlugin.rules.layers;

const ok = (file: string, code: string) => ({ filename: at(file), code });
const bad = (file: string, code: string, message: string | RegExp) => ({
  filename: at(file),
  code,
  errors: [{ message }],
});

describe('the layer rule', () => {
  tester.run('copydesk/layers', rule, {
    valid: [
      ok('shared/story/timing.ts', "import { z } from 'zod'; import { a } from './model';"),
      ok('shared/diff/wordDiff.ts', "import { diffArrays } from 'diff';"),
      ok(
        'renderer/app/App.tsx',
        "import { useState } from 'react'; import { $getRoot } from 'lexical';",
      ),
      ok('renderer/editor/x.ts', "import { mergeRegister } from '@lexical/utils';"),
      ok(
        'renderer/export/ExportDialog.tsx',
        "import { EXPORT_FORMATS } from '../../shared/export/formats';",
      ),
      ok(
        'main/archive/open.ts',
        "import Database from 'better-sqlite3'; import { x } from 'node:fs';",
      ),
      ok('main/archive/migrations/index.ts', "import sql from './0001-init.sql?raw';"),
      ok('main/import/decodeFile.ts', "import { ServiceError } from '../common/errors';"),
      ok('main/export/pdf/scriptPdf.ts', "import PDFDocument from 'pdfkit';"),
      ok('main/services/transferServices.ts', "import { renderExport } from '../export';"),
      ok('main/web/server.ts', "import { CONTENT_SECURITY_POLICY } from '../http/csp';"),
      ok('main/cli/commands/web.ts', "import { startWebServer } from '../../web/server';"),
      ok(
        'main/electron/main.ts',
        "import { app } from 'electron'; import { x } from '../http/mime';",
      ),
      ok('main/common/version.ts', "import pkg from '../../package.json' with { type: 'json' };"),
      // Tests: their layer's imports, testing/ folders, test packages, files outside the layers.
      ok('main/export/mos/mos.test.ts', "import { parseMosXml } from '@mos-connection/helper';"),
      ok(
        'main/export/nsml/nsml.test.ts',
        "import { parseNsml } from '../../import/nsml/nsmlImport';",
      ),
      ok('main/cli/cli.test.ts', "import { cliWorkspace } from './testing/cliWorkspace';"),
      ok(
        'main/archive/x.test.ts',
        "import { makeStory } from '../../shared/story/testing/makeStory';",
      ),
      ok('main/archive/searchWindow.test.ts', "import { g } from '../../bench/generate/stories';"),
      ok(
        'shared/import/scriptText.test.ts',
        "import { readFileSync } from 'node:fs'; import fc from 'fast-check';",
      ),
      ok(
        'shared/story/testing/scripts.ts',
        "import fc from 'fast-check'; import { randomUUID } from 'node:crypto';",
      ),
      ok('main/electron/ipcFuzz.test.ts', "import type { WebContents } from 'electron';"),
      // Outside the layers the rule has nothing to say.
      ok('scripts/screenshots.ts', "import { x } from '../main/cli/run';"),
      ok('e2e/harness.ts', "import { chromium } from 'playwright-core';"),
    ],
    invalid: [
      bad(
        'shared/story/model.ts',
        "import { x } from '../../main/archive/open';",
        'shared/ must not import main/archive/ (shared/ may import nothing else; see docs/ARCHITECTURE.md)',
      ),
      bad(
        'shared/story/model.ts',
        "import { readFileSync } from 'node:fs';",
        /^shared\/ must not import 'node:fs': it may import zod, diff/,
      ),
      bad(
        'shared/story/model.ts',
        "import React from 'react';",
        /shared\/ must not import 'react'/,
      ),
      bad(
        'renderer/app/App.tsx',
        "import { openArchive } from '../../main/archive/open';",
        /renderer\/ must not import main\/archive\//,
      ),
      bad(
        'renderer/app/App.tsx',
        "import Database from 'better-sqlite3';",
        /renderer\/ must not import 'better-sqlite3'/,
      ),
      bad(
        'renderer/app/App.tsx',
        "import PDFDocument from 'pdfkit';",
        /renderer\/ must not import 'pdfkit'/,
      ),
      bad(
        'renderer/app/App.tsx',
        "import { Document } from 'docx';",
        /renderer\/ must not import 'docx'/,
      ),
      bad(
        'renderer/app/App.tsx',
        "import { readFile } from 'fs';",
        /renderer\/ must not import 'fs'/,
      ),
      bad(
        'renderer/app/App.tsx',
        "import { ipcRenderer } from 'electron';",
        /renderer\/ must not import 'electron'/,
      ),
      bad(
        'main/archive/open.ts',
        "import { createServices } from '../services/serviceTable';",
        /main\/archive\/ must not import main\/services\//,
      ),
      bad(
        'main/import/decodeFile.ts',
        "import { ServiceError } from '../services/errors';",
        /main\/import\/ must not import main\/services\//,
      ),
      bad(
        'main/import/decodeFile.ts',
        "import { x } from '../export/writers';",
        /main\/import\/ must not import main\/export\//,
      ),
      bad(
        'main/export/writers.ts',
        "import { getStory } from '../archive/stories';",
        /main\/export\/ must not import main\/archive\//,
      ),
      bad(
        'main/export/writers.ts',
        "import Database from 'better-sqlite3';",
        /main\/export\/ must not import 'better-sqlite3'/,
      ),
      bad(
        'main/services/serviceTable.ts',
        "import { runCli } from '../cli/run';",
        /main\/services\/ must not import main\/cli\//,
      ),
      bad(
        'main/electron/appProtocol.ts',
        "import { CONTENT_SECURITY_POLICY } from '../web/csp';",
        /main\/electron\/ must not import main\/web\//,
      ),
      bad(
        'main/web/server.ts',
        "import { runCli } from '../cli/run';",
        /main\/web\/ must not import main\/cli\//,
      ),
      bad(
        'main/cli/run.ts',
        "import { app } from 'electron';",
        /main\/cli\/ must not import 'electron'/,
      ),
      bad(
        'main/cli/run.ts',
        "import { x } from '../electron/ipc';",
        /main\/cli\/ must not import main\/electron\//,
      ),
      bad(
        'main/version.ts',
        "import pkg from '../package.json';",
        'main/version.ts is in no layer: put it in a folder eslint/layers.js lists',
      ),
      bad('main/newthing/x.ts', "import { z } from 'zod';", /main\/newthing\/x.ts is in no layer/),
      // Production code never reaches test code, test packages or the tooling folders.
      bad(
        'main/export/writers.ts',
        "import { makeStory } from '../../shared/story/testing/makeStory';",
        /must not import test code/,
      ),
      bad('main/cli/run.ts', "import { x } from './cli.test';", /must not import test code/),
      bad(
        'main/export/writers.ts',
        "import fc from 'fast-check';",
        /main\/export\/ must not import 'fast-check'/,
      ),
      bad(
        'main/archive/search.ts',
        "import { g } from '../../bench/generate/stories';",
        /production code stays inside the layers/,
      ),
      // Tests keep their layer's direction too.
      bad(
        'main/archive/bulk.test.ts',
        "import { createServices } from '../services/serviceTable';",
        /main\/archive\/ must not import main\/services\//,
      ),
      bad(
        'main/services/stationFormats.test.ts',
        "import { runCli } from '../cli/run';",
        /main\/services\/ must not import main\/cli\//,
      ),
      bad(
        'main/cli/x.test.ts',
        "import { x } from '../electron/testing/fakes';",
        /main\/cli\/ must not import main\/electron\//,
      ),
      bad(
        'renderer/app/App.test.tsx',
        "import Database from 'better-sqlite3';",
        /a test in renderer\/ must not import 'better-sqlite3'/,
      ),
      bad(
        'shared/story/timing.test.ts',
        "import { openArchive } from '../../main/archive/open';",
        /shared\/ must not import main\/archive\//,
      ),
      bad(
        'main/electron/ipc.test.ts',
        "import { ipcMain } from 'electron';",
        /a test must not load 'electron'/,
      ),
      bad(
        'main/cli/run.ts',
        "export { x } from '../electron/ipc';",
        /main\/cli\/ must not import main\/electron\//,
      ),
      bad(
        'main/cli/run.ts',
        "const m = await import('../electron/ipc');",
        /main\/cli\/ must not import main\/electron\//,
      ),
    ],
  });

  it('lists, for every layer, only layers that exist', () => {
    for (const [name, layer] of Object.entries(LAYERS)) {
      for (const to of [...layer.imports, ...Object.keys(layer.testsAlsoImport ?? {})])
        expect(Object.keys(LAYERS), `${name} → ${to}`).toContain(to);
    }
  });

  it('keeps main/ acyclic: no layer imports one that imports it back', () => {
    const reaches = (from: string, seen = new Set<string>()): Set<string> => {
      for (const to of LAYERS[from as keyof typeof LAYERS].imports)
        if (!seen.has(to)) reaches(to, seen.add(to));
      return seen;
    };
    for (const name of Object.keys(LAYERS)) expect(reaches(name).has(name), name).toBe(false);
  });

  it('answers a plain question without ESLint', () => {
    expect(problem(at('main/export/writers.ts'), '../archive/stories')).toMatch(/main\/export\//);
    expect(problem(at('main/export/writers.ts'), './captions')).toBeNull();
  });
});
