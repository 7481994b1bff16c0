import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openArchive, type Archive } from '../archive/open';
import { resolveArchivePath } from '../archive/location';
import { ArchiveError } from '../archive/errors';
import { createServices, invokeService } from '../services/serviceTable';
import { readImportBytes } from '../import/readImportBytes';
import type { Channel, Input, Output } from '../../shared/ipc/contract';
import { CUE_STYLES, EXPORT_FORMATS, type ExportFormat } from '../../shared/export/options';
import type { ExportOptionsSchema } from '../../shared/export/options';
import type { z } from 'zod';
import {
  SNIPPET_CLOSE,
  SNIPPET_OPEN,
  type ExportFile,
  type SearchHit,
  type StorySummary,
} from '../../shared/ipc/types';
import { formatDuration } from '../../shared/story/timing';
import { runsScriptText } from '../../shared/story/text';
import {
  STORY_FORMATS,
  STORY_STATUSES,
  type Story,
  type StoryFormat,
  type StoryStatus,
} from '../../shared/story/model';
import {
  askOnTerminal,
  backupCommand,
  checkCommand,
  CliUsageError,
  historyCommand,
  restoreCommand,
  statusCommand,
} from './reviewCommands';
import { version } from '../version';
import { webCommand } from './webCommand';

export type CliIo = {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
  /** Whether a person is at the terminal to answer a question. */
  isTTY?: boolean;
  confirm?: (question: string) => Promise<boolean>;
};

const STORY_FORMAT_NAMES: readonly string[] = STORY_FORMATS;

/** --tag --status --format --presenter --reporter --from --to, as the contract's filters. */
function listFilters(values: {
  tag?: string;
  status?: string;
  format?: string;
  presenter?: string;
  reporter?: string;
  from?: string;
  to?: string;
}) {
  if (
    values.status !== undefined &&
    !(STORY_STATUSES as readonly string[]).includes(values.status)
  ) {
    throw new UsageError(`--status is one of ${STORY_STATUSES.join(', ')}`);
  }
  const format = values.format?.toUpperCase();
  if (format !== undefined && !STORY_FORMAT_NAMES.includes(format))
    throw new UsageError(`--format is one of ${STORY_FORMATS.join(', ')}`);
  return {
    tag: values.tag,
    status: values.status as StoryStatus | undefined,
    format: format as StoryFormat | undefined,
    presenter: values.presenter,
    reporter: values.reporter,
    from: values.from,
    to: values.to,
  };
}

export const USAGE = `Copydesk ${version}: newsroom script archive

Usage:
  copydesk import FILE... [--archive PATH] [--json]
  copydesk list [FILTERS] [--archive PATH] [--json]
  copydesk show ID [--archive PATH] [--json]
  copydesk search QUERY [FILTERS] [--sort relevance|date] [--archive PATH] [--json]
  copydesk history ID [--archive PATH] [--json]
  copydesk status ID STATUS [--note TEXT] [--archive PATH] [--json]
  copydesk backup PATH [--archive PATH] [--json]
  copydesk restore PATH [--yes] [--archive PATH] [--json]
  copydesk check [--archive PATH] [--json]
  copydesk export (--story ID... | --all | --tag TAG) --format FORMAT [--out PATH] [options]
  copydesk web [--port N] [--archive PATH]

FILTERS (list, search): --tag TAG --status draft|ready|approved|returned|aired|killed
  --format READER|VO|SOT|VO/SOT|PKG|LIVE|INTRO|TAG --presenter NAME --reporter NAME
  --from YYYY-MM-DD --to YYYY-MM-DD

Export formats: ${EXPORT_FORMATS.join(', ')}.
  mos, json, pdf and the prompter formats (prompter-txt, prompter-rtf, docx, html, md) write the
  whole selection into one file; nsml, srt and vtt write one file per story, so with several
  stories --out names a folder. Without --out a single file goes to stdout.
Export options (each format reads the ones that apply to it):
  --cues bracketed|reverse|red|hidden   --instructions reverse|red   --caps   --package-copy
  --font-size PT   --story-break separator|page   --mos-cues storyItem|pi
  --mos-encoding utf-8|utf-16be   --paper A4|LETTER   --caption-chars N

The archive is --archive PATH, else $COPYDESK_ARCHIVE, else the archive in your user data folder.
`;

class UsageError extends Error {}

/** Commands that only read the archive: they open it read-only, so they work on a read-only drive. */
const READING_COMMANDS = new Set([
  'list',
  'show',
  'search',
  'history',
  'check',
  'export',
  'backup',
]);

type ExportOptionsInput = z.input<typeof ExportOptionsSchema>;

const OPTIONS = {
  archive: { type: 'string' },
  json: { type: 'boolean', default: false },
  tag: { type: 'string' },
  story: { type: 'string', multiple: true },
  all: { type: 'boolean', default: false },
  format: { type: 'string' },
  out: { type: 'string' },
  cues: { type: 'string' },
  caps: { type: 'boolean', default: false },
  'package-copy': { type: 'boolean', default: false },
  'font-size': { type: 'string' },
  instructions: { type: 'string' },
  'story-break': { type: 'string' },
  'mos-cues': { type: 'string' },
  'mos-encoding': { type: 'string' },
  paper: { type: 'string' },
  'caption-chars': { type: 'string' },
  port: { type: 'string' },
  status: { type: 'string' },
  presenter: { type: 'string' },
  reporter: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  sort: { type: 'string' },
  note: { type: 'string' },
  yes: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
} as const;

/** Runs one CLI command. Resolves to the exit code, or null while `web` keeps serving. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number | null> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(`copydesk: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  if (values.help || command === undefined || command === 'help') {
    io.stdout(USAGE);
    return command === undefined && !values.help ? 2 : 0;
  }

  const archivePath = resolveArchivePath(values.archive, io.env);
  if (command === 'web') {
    try {
      noExtra(args);
      const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
      return await webCommand({ port: values.port, archivePath, rendererDir, io });
    } catch (error) {
      const usage = error instanceof UsageError || error instanceof CliUsageError;
      io.stderr(`copydesk: ${(error as Error).message}\n${usage ? `\n${USAGE}` : ''}`);
      return usage ? 2 : 1;
    }
  }
  let archive: Archive;
  const reading = READING_COMMANDS.has(command);
  try {
    if (!reading) mkdirSync(dirname(archivePath), { recursive: true });
    archive = openArchive(archivePath, { access: reading ? 'read' : 'write' });
  } catch (error) {
    io.stderr(
      `copydesk: ${error instanceof ArchiveError ? error.message : `cannot open the archive: ${(error as Error).message}`}\n`,
    );
    return 1;
  }
  const services = createServices({
    archive,
    version,
    onExportProgress: (done, total, slug) => {
      if (total > 1) io.stderr(`[${done}/${total}] ${slug || 'UNTITLED'}\n`);
    },
  });
  const cliIo = {
    stdout: io.stdout,
    stderr: io.stderr,
    isTTY: io.isTTY ?? false,
    confirm: io.confirm ?? askOnTerminal,
  };
  const call = async <K extends Channel>(channel: K, input: Input<K>): Promise<Output<K>> => {
    const result = await invokeService(services, channel, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as Output<K>;
  };

  try {
    switch (command) {
      case 'import':
        return await importCommand(args, values.json, call, io);
      case 'list':
        noExtra(args);
        return print(
          io,
          values.json,
          await call('stories.list', { ...listFilters(values), limit: 1000 }),
          (page) =>
            page.items.map(summaryLine).join('\n') +
            `\n${page.total} ${page.total === 1 ? 'story' : 'stories'}\n`,
        );
      case 'show': {
        const [id, ...rest] = args;
        if (!id) throw new UsageError('show needs a story ID');
        noExtra(rest);
        const story = await call('stories.get', { id });
        return print(io, values.json, story, storyText);
      }
      case 'search': {
        if (args.length === 0) throw new UsageError('search needs a query');
        if (values.sort !== undefined && values.sort !== 'relevance' && values.sort !== 'date') {
          throw new UsageError('--sort is relevance or date');
        }
        const hits = await call('stories.search', {
          query: args.join(' '),
          ...listFilters(values),
          sort: values.sort as 'relevance' | 'date' | undefined,
          limit: 100,
        });
        const json = hits.items.map((h) => ({
          ...h,
          snippet: plainSnippet(h.snippet),
          highlights: highlights(h.snippet),
        }));
        if (values.json) return print(io, true, json, () => '');
        io.stdout(
          hits.items.map((h) => `${summaryLine(h)}\n    ${markedSnippet(h)}`).join('\n') +
            `\n${hits.total} found\n`,
        );
        return 0;
      }
      case 'export':
        return await exportCommand(args, values, call, io);
      case 'history':
        return await historyCommand(args, values.json, call, cliIo);
      case 'status':
        return await statusCommand(args, values.note, values.json, call, cliIo);
      case 'backup':
        return await backupCommand(args, values.json, archive, cliIo);
      case 'restore':
        return await restoreCommand(args, values.yes, values.json, archive, cliIo);
      case 'check':
        noExtra(args);
        return checkCommand(values.json, archive, cliIo);
      default:
        throw new UsageError(`unknown command “${command}”`);
    }
  } catch (error) {
    const usage = error instanceof UsageError || error instanceof CliUsageError;
    io.stderr(`copydesk: ${(error as Error).message}\n`);
    if (usage) io.stderr(`\n${USAGE}`);
    archive.close();
    return usage ? 2 : 1;
  } finally {
    if (command !== 'web' && archive.db.open) archive.close();
  }
}

type Call = <K extends Channel>(channel: K, input: Input<K>) => Promise<Output<K>>;

function noExtra(args: readonly string[]): void {
  if (args.length > 0) throw new UsageError(`unexpected argument “${args[0]}”`);
}

function print<T>(io: CliIo, json: boolean, value: T, text: (v: T) => string): number {
  io.stdout(json ? `${JSON.stringify(value, null, 2)}\n` : text(value));
  return 0;
}

function summaryLine(s: StorySummary): string {
  const tags = s.tags.length ? `  #${s.tags.join(' #')}` : '';
  return `${s.id}  ${(s.slug || 'UNTITLED').padEnd(24)} ${s.format.padEnd(6)} ${formatDuration(s.totalSec).padStart(5)}  ${s.updatedAt.slice(0, 16).replace('T', ' ')}${tags}`;
}

function plainSnippet(snippet: string): string {
  return snippet.replaceAll(SNIPPET_OPEN, '').replaceAll(SNIPPET_CLOSE, '');
}

function highlights(snippet: string): string[] {
  return [
    ...snippet.matchAll(new RegExp(`${SNIPPET_OPEN}([^${SNIPPET_CLOSE}]*)${SNIPPET_CLOSE}`, 'g')),
  ].map((m) => m[1]!);
}

function markedSnippet(hit: SearchHit): string {
  return hit.snippet.replaceAll(SNIPPET_OPEN, '«').replaceAll(SNIPPET_CLOSE, '»');
}

function storyText(story: Story): string {
  const head = [
    `${story.slug || 'UNTITLED'}  (${story.format})`,
    `id: ${story.id}`,
    story.presenter && `presenter: ${story.presenter}`,
    story.reporter && `reporter: ${story.reporter}`,
    story.tags.length > 0 && `tags: ${story.tags.join(', ')}`,
    `status: ${story.status}   updated: ${story.updatedAt}`,
  ].filter(Boolean);
  const body = story.body.map((block) => {
    switch (block.type) {
      case 'paragraph':
        return runsScriptText(block.runs);
      case 'cue':
        return `[${block.text}]`;
      case 'presenter':
        return `[PRESENTER: ${block.name}]`;
      case 'instruction':
        return block.text;
      case 'media':
        return `[${block.kind} ${block.speaker} · IN: ${block.inCue} · OUT: ${block.outCue} · DUR ${block.durationSec === null ? '?' : formatDuration(block.durationSec)}]\n${block.transcript}`;
    }
  });
  return `${head.join('\n')}\n\n${body.join('\n\n')}\n`;
}

async function importCommand(
  files: readonly string[],
  json: boolean,
  call: Call,
  io: CliIo,
): Promise<number> {
  if (files.length === 0) throw new UsageError('import needs at least one FILE');
  const payload = [];
  for (const file of files) {
    const bytes = await readImportBytes(file);
    payload.push({ name: basename(file), dataBase64: bytes.toString('base64') });
  }
  const outcome = await call('import.files', { files: payload });
  if (json) return print(io, true, outcome, () => '');
  io.stdout(
    `Imported ${outcome.stories.length} ${outcome.stories.length === 1 ? 'story' : 'stories'}:\n`,
  );
  io.stdout(outcome.stories.map((s) => `  ${summaryLine(s)}`).join('\n') + '\n');
  for (const d of outcome.dropped)
    io.stdout(`  left out of ${d.file}: ${d.lines.map((l) => `“${l}”`).join(', ')}\n`);
  return 0;
}

type ExportValues = {
  story?: string[];
  all: boolean;
  tag?: string;
  format?: string;
  out?: string;
  cues?: string;
  instructions?: string;
  caps: boolean;
  'package-copy': boolean;
  'font-size'?: string;
  'story-break'?: string;
  'mos-cues'?: string;
  'mos-encoding'?: string;
  paper?: string;
  'caption-chars'?: string;
};

function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${flag} is ${allowed.join(' or ')}`);
  return value as T;
}

function number(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`--${flag} takes a whole number`);
  return n;
}

async function exportCommand(
  args: readonly string[],
  values: ExportValues,
  call: Call,
  io: CliIo,
): Promise<number> {
  noExtra(args);
  const chosen = [values.story?.length ? 1 : 0, values.all ? 1 : 0, values.tag ? 1 : 0].reduce(
    (a, b) => a + b,
    0,
  );
  if (chosen !== 1)
    throw new UsageError('export needs exactly one of --story ID, --all or --tag TAG');
  if (!values.format || !(EXPORT_FORMATS as readonly string[]).includes(values.format)) {
    throw new UsageError(`export needs --format ${EXPORT_FORMATS.join('|')}`);
  }
  const selection = values.story?.length
    ? { ids: values.story }
    : values.all
      ? { all: true as const }
      : { tag: values.tag! };
  const options: ExportOptionsInput = {
    cues: oneOf('cues', values.cues, CUE_STYLES),
    instructions: oneOf('instructions', values.instructions, ['reverse', 'red'] as const),
    allCaps: values.caps,
    includePackageCopy: values['package-copy'],
    fontSizePt: number('font-size', values['font-size']),
    storyBreak: oneOf('story-break', values['story-break'], ['separator', 'page'] as const),
    mosCues: oneOf('mos-cues', values['mos-cues'], ['storyItem', 'pi'] as const),
    mosEncoding: oneOf('mos-encoding', values['mos-encoding'], ['utf-8', 'utf-16be'] as const),
    paper: oneOf('paper', values.paper, ['A4', 'LETTER'] as const),
    captionLineChars: number('caption-chars', values['caption-chars']),
  };
  const { files } = await call('export.stories', {
    selection,
    format: values.format as ExportFormat,
    options,
  });
  const bytes = (file: ExportFile) =>
    Buffer.from(file.data, file.encoding === 'base64' ? 'base64' : 'utf8');
  if (!values.out) {
    if (files.length > 1)
      throw new UsageError(
        `--format ${values.format} writes one file per story (${files.length} here): give --out FOLDER`,
      );
    const only = files[0]!;
    if (only.encoding === 'base64')
      throw new UsageError(`--format ${values.format} writes a binary file: give --out PATH`);
    io.stdout(only.data);
    return 0;
  }
  const target = resolve(values.out);
  const isFolder = files.length > 1 || (existsSync(target) && statSync(target).isDirectory());
  if (isFolder) mkdirSync(target, { recursive: true });
  for (const file of files) {
    const path = isFolder ? join(target, file.fileName) : target;
    writeFileSync(path, bytes(file));
    io.stderr(`Wrote ${path}\n`);
  }
  return 0;
}
