import type { Archive } from '../archive/open';
import type { Channel, Input, Output, ServiceHandlers } from '../../shared/ipc/contract';
import type { Flag } from './flags';
import { UsageError } from './exitCodes';

/** The terminal as the CLI sees it; tests pass their own. */
export type CliIo = {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
  /** Whether a person is at the terminal to answer a question. */
  isTTY?: boolean;
  /** Whether stderr is a terminal: progress draws a bar there, plain lines elsewhere. */
  stderrIsTTY?: boolean;
  confirm?: (question: string) => Promise<boolean>;
  /** The built renderer that `web` serves (the bin knows where the build put it). */
  rendererDir?: string;
};

/** A service call that returns its value, or throws a CliFailure carrying the service's code. */
export type Call = <K extends Channel>(channel: K, input: Input<K>) => Promise<Output<K>>;

export type CommandContext = {
  /** The words after the command's name. */
  args: readonly string[];
  /** A flag's value, checked against its schema; undefined when not given. */
  flag: <T>(flag: Flag<T>) => T | undefined;
  json: boolean;
  io: Required<Pick<CliIo, 'stdout' | 'stderr' | 'isTTY' | 'confirm'>> &
    Pick<CliIo, 'rendererDir' | 'stderrIsTTY'>;
  call: Call;
  /** The archive, opened on first use: a usage error never creates or touches it. */
  archive: () => Archive;
  /** Where the archive is (--archive, $COPYDESK_ARCHIVE or the user's data folder). */
  archivePath: string;
  /** The path was named (--archive, $COPYDESK_ARCHIVE): a missing folder is not created. */
  archivePathNamed: boolean;
  services: () => ServiceHandlers;
};

/** One `copydesk` command: its name, what the usage says of it, its flags, and what it does. */
export type Command = {
  name: string;
  /** What follows the name in the usage, e.g. `ID STATUS [--note TEXT]`. */
  synopsis: string;
  /** The flags it reads besides the global ones (--archive, --json, --help). */
  flags: readonly Flag[];
  /**
   * It only reads the archive: it opens it read-only, so it works on a read-only drive, and
   * refuses (creating nothing) when there is no archive.
   */
  readsOnly?: true;
  /** Resolves to the exit code, or null while the command keeps running (`web`). */
  run: (ctx: CommandContext) => Promise<number | null>;
};

/** The values of flags kept by key (the filters, the export options), for a contract input. */
export function flagValues<F extends Record<string, Flag>>(
  ctx: CommandContext,
  flags: F,
): { [K in keyof F]: F[K] extends Flag<infer T> ? T | undefined : never } {
  return Object.fromEntries(Object.entries(flags).map(([key, flag]) => [key, ctx.flag(flag)])) as {
    [K in keyof F]: F[K] extends Flag<infer T> ? T | undefined : never;
  };
}

/** The one argument the command takes (an ID, a PATH); a usage error with `message` otherwise. */
export function onlyArgument(args: readonly string[], message: string): string {
  const [arg, ...rest] = args;
  if (!arg) throw new UsageError(message);
  noExtra(rest);
  return arg;
}

/** Refuses words the command does not take. */
export function noExtra(args: readonly string[]): void {
  if (args.length > 0) throw new UsageError(`unexpected argument “${args[0]}”`);
}
