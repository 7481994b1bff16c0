import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openArchive, type Archive } from '../archive/open';
import { prepareArchiveFolder, resolveArchivePath } from '../archive/location';
import { ArchiveError } from '../archive/errors';
import { createServices, invokeService, knownErrorValue } from '../services/serviceTable';
import type { ServiceHandlers } from '../../shared/ipc/contract';
import { version } from '../common/version';
import type { Call, CliIo, Command, CommandContext } from './command';
import { COMMANDS } from './commands';
import { CliFailure, EXIT, exitCodeFor, UsageError } from './exitCodes';
import { flagValue, parseArgsOptions, type Flag, type RawFlagValue } from './flags';
import { askOnTerminal } from './terminal';
import { USAGE } from './usage';

export type { CliIo };
export { USAGE };

/** Flags every command takes. */
const GLOBAL_FLAGS: readonly Flag[] = [
  { name: 'archive', type: 'string', metavar: 'PATH' },
  { name: 'json', type: 'boolean' },
  { name: 'help', type: 'boolean', short: 'h' },
  { name: 'version', type: 'boolean' },
];

const PARSE_OPTIONS = parseArgsOptions([...GLOBAL_FLAGS, ...COMMANDS.flatMap((c) => c.flags)]);

/**
 * `--font-size -5`: a flag that takes a value is given it, even one that starts with a dash
 * (node's parser would call it ambiguous); the value's own check then says what is wrong.
 */
function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = /^--([\w-]+)$/.exec(argv[i]!)?.[1];
    const next = argv[i + 1];
    if (flag && PARSE_OPTIONS[flag]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${argv[i]}=${next}`);
      i++;
    } else out.push(argv[i]!);
  }
  return out;
}

function refuseForeignFlags(command: Command, given: readonly string[]): void {
  const allowed = new Set([...GLOBAL_FLAGS, ...command.flags].map((f) => f.name));
  const foreign = given.find((name) => !allowed.has(name));
  if (foreign !== undefined) throw new UsageError(`${command.name} does not take --${foreign}`);
}

/**
 * The archive and the service table, made on first use and closed at the end. A command that
 * only reads opens the archive read-only.
 */
function lazyArchive(path: string, named: boolean, io: CliIo) {
  let archive: Archive | undefined;
  let services: ServiceHandlers | undefined;
  let access: 'read' | 'write' = 'write';
  const open = (): Archive => {
    if (archive) return archive;
    try {
      const existed = existsSync(path);
      if (access === 'write') prepareArchiveFolder(path, { named });
      archive = openArchive(path, { access });
      if (!existed) io.stderr(`Created a new archive at ${path}.\n`);
    } catch (error) {
      if (error instanceof ArchiveError) throw error;
      throw new ArchiveError(
        'ARCHIVE_UNAVAILABLE',
        `cannot open the archive: ${(error as Error).message}`,
        { cause: error },
      );
    }
    return archive;
  };
  return {
    open,
    readOnly: () => (access = 'read'),
    services: (): ServiceHandlers =>
      (services ??= createServices({
        archive: open(),
        version,
        onExportProgress: (done, total, slug) => {
          if (total > 1) io.stderr(`[${done}/${total}] ${slug || 'UNTITLED'}\n`);
        },
        // Browser mode's renderer errors go where its server logs: stderr.
        log: (entry) => io.stderr(`${entry}\n`),
      })),
    close: () => {
      if (archive?.db.open) archive.close();
    },
  };
}

/** Prints why the command failed and picks the exit status from the error's code. */
function report(error: unknown, json: boolean, io: CliIo): number {
  if (error instanceof UsageError) {
    io.stderr(`copydesk: ${error.message}\n\n${USAGE}`);
    if (json)
      io.stdout(`${JSON.stringify({ error: { code: 'USAGE', message: error.message } })}\n`);
    return EXIT.usage;
  }
  const known = error instanceof CliFailure ? error : knownErrorValue(error);
  const value = known
    ? { code: known.code, message: known.message }
    : { code: 'INTERNAL' as const, message: `internal error: ${(error as Error).message}` };
  io.stderr(`copydesk: ${value.message}\n`);
  if (!known) io.stderr(`${(error as Error).stack ?? ''}\n`);
  if (json) io.stdout(`${JSON.stringify({ error: value }, null, 2)}\n`);
  return exitCodeFor(value.code);
}

/** Runs one CLI command. Resolves to the exit code, or null while `web` keeps serving. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number | null> {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv),
      options: PARSE_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.stderr(`copydesk: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const values = parsed.values as Record<string, RawFlagValue>;
  const [name, ...args] = parsed.positionals;
  if (values.version) {
    io.stdout(`${version}\n`);
    return EXIT.ok;
  }
  if (values.help || name === undefined || name === 'help') {
    io.stdout(USAGE);
    return name === undefined && !values.help ? EXIT.usage : EXIT.ok;
  }

  const json = values.json === true;
  const archivePath = resolveArchivePath(values.archive as string | undefined, io.env);
  const archivePathNamed = values.archive !== undefined || Boolean(io.env.COPYDESK_ARCHIVE);
  const archive = lazyArchive(archivePath, archivePathNamed, io);
  let keepOpen = false;
  try {
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`unknown command “${name}”`);
    refuseForeignFlags(command, Object.keys(values));
    if (command.readsOnly) archive.readOnly();
    const call: Call = async (channel, input) => {
      const result = await invokeService(archive.services(), channel, input);
      if (!result.ok) {
        // A bug's details went to stderr just above: the CLI keeps no log file to point at.
        const message =
          result.error.code === 'INTERNAL'
            ? 'Something went wrong inside Copydesk, and nothing was changed; the details are above.'
            : result.error.message;
        throw new CliFailure(result.error.code, message);
      }
      return result.value as never;
    };
    const ctx: CommandContext = {
      args,
      flag: <T>(flag: Flag<T>) => flagValue(flag, values[flag.name]),
      json,
      io: {
        stdout: io.stdout,
        stderr: io.stderr,
        isTTY: io.isTTY ?? false,
        confirm: io.confirm ?? askOnTerminal,
        rendererDir: io.rendererDir,
        stderrIsTTY: io.stderrIsTTY,
      },
      call,
      archive: archive.open,
      archivePath,
      archivePathNamed,
      services: archive.services,
    };
    const code = await command.run(ctx);
    keepOpen = code === null;
    return code;
  } catch (error) {
    return report(error, json, io);
  } finally {
    if (!keepOpen) archive.close();
  }
}
