import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { contract } from '../../../shared/ipc/contract';
import { ExportOptionsSchema, type ExportOptionName } from '../../../shared/export/options';
import { EXPORT_FORMATS, exportFormatSpec } from '../../../shared/export/formats';
import { TagSchema } from '../../../shared/story/model';
import type { ExportFile } from '../../../shared/ipc/types';
import { flagValues, noExtra, type Command, type CommandContext } from '../command';
import { CliFailure, EXIT, UsageError } from '../exitCodes';
import { fileFailure } from '../fileErrors';
import { flagsFromShape, schemaFlag, type Flag } from '../flags';

const storyFlag: Flag<string[]> = { name: 'story', type: 'string', multiple: true, metavar: 'ID' };
const allFlag: Flag<boolean> = { name: 'all', type: 'boolean' };
const tagFlag = schemaFlag('tag', TagSchema, 'TAG');
export const formatFlag = schemaFlag(
  'format',
  contract['export.stories'].input.shape.format,
  'FORMAT',
);
export const outFlag: Flag<string> = { name: 'out', type: 'string', metavar: 'PATH' };
/** Replace files already at --out; without it an export writes nothing over an existing file. */
export const forceFlag: Flag<boolean> = { name: 'force', type: 'boolean' };

/**
 * One flag per export option, from the options schema. Most are the option's name in kebab case;
 * these kept the shorter names they were first given.
 */
export const EXPORT_OPTION_FLAGS = flagsFromShape(
  ExportOptionsSchema.shape,
  {
    allCaps: 'caps',
    includePackageCopy: 'package-copy',
    fontSizePt: 'font-size',
    captionLineChars: 'caption-chars',
    captionLineWideChars: 'caption-wide-chars',
    captionMaxCps: 'caption-cps',
  },
  {
    fontSizePt: 'PT',
    captionLineChars: 'N',
    captionLineWideChars: 'N',
    captionMaxCps: 'N',
    showName: 'NAME',
  },
);

export function optionFlagName(option: ExportOptionName): string {
  return EXPORT_OPTION_FLAGS[option].name;
}

function selection(ctx: Parameters<Command['run']>[0]) {
  const ids = ctx.flag(storyFlag) ?? [];
  const all = ctx.flag(allFlag) ?? false;
  const tag = ctx.flag(tagFlag);
  if ([ids.length > 0, all, tag !== undefined].filter(Boolean).length !== 1)
    throw new UsageError('export needs exactly one of --story ID, --all or --tag TAG');
  return ids.length > 0 ? { ids } : all ? { all: true as const } : { tag: tag! };
}

/**
 * Refuses, before a single file is written, when any target is already there — compared
 * without case, as Windows and macOS compare names — unless --force said to replace them.
 */
function refuseToOverwrite(paths: readonly string[]): void {
  const taken = paths.filter((path) => {
    const folder = dirname(path);
    if (!existsSync(folder)) return false;
    const name = basename(path).toLocaleLowerCase('en');
    return readdirSync(folder).some((entry) => entry.toLocaleLowerCase('en') === name);
  });
  if (taken.length === 0) return;
  const listed =
    taken.slice(0, 3).join(', ') + (taken.length > 3 ? ` and ${taken.length - 3} more` : '');
  throw new CliFailure(
    'CONFLICT',
    `${listed} ${taken.length === 1 ? 'is' : 'are'} already there; nothing was written. Add --force to replace ${taken.length === 1 ? 'it' : 'them'}, or choose another --out.`,
  );
}

function bytes(file: ExportFile): Buffer {
  return Buffer.from(file.data, file.encoding === 'base64' ? 'base64' : 'utf8');
}

export const exportCommand: Command = {
  name: 'export',
  readsOnly: true,
  synopsis: '(--story ID... | --all | --tag TAG) --format FORMAT [--out PATH [--force]] [OPTIONS]',
  flags: [
    storyFlag,
    allFlag,
    tagFlag,
    formatFlag,
    outFlag,
    forceFlag,
    ...Object.values(EXPORT_OPTION_FLAGS),
  ],
  async run(ctx) {
    noExtra(ctx.args);
    const chosen = selection(ctx);
    const format = ctx.flag(formatFlag);
    if (format === undefined)
      throw new UsageError(`export needs --format ${EXPORT_FORMATS.join('|')}`);
    const out = ctx.flag(outFlag);
    if (out === undefined && exportFormatSpec(format).fileHolds === 'story') {
      // One file per story: refused before anything is rendered when there is more than one.
      const count =
        'ids' in chosen
          ? chosen.ids!.length
          : (
              await ctx.call('stories.list', {
                limit: 1,
                ...('tag' in chosen ? { tag: chosen.tag } : {}),
              })
            ).total;
      if (count > 1)
        throw new UsageError(
          `--format ${format} writes one file per story (${count} here): give --out FOLDER`,
        );
    }
    const { files } = await ctx.call('export.stories', {
      selection: chosen,
      format,
      options: exportOptionValues(ctx),
    });
    return writeExport(ctx, format, files, out);
  },
};

/** The export options given on the command line. */
export function exportOptionValues(ctx: CommandContext) {
  return flagValues(ctx, EXPORT_OPTION_FLAGS);
}

/**
 * Writes exported files: to `out` (a file, or a folder for several), or a single text file to
 * stdout when there is no `out`. Nothing is written over a file already there unless --force.
 */
export function writeExport(
  ctx: CommandContext,
  format: string,
  files: readonly ExportFile[],
  out: string | undefined,
): number {
  if (out === undefined) {
    if (files.length > 1)
      throw new UsageError(
        `--format ${format} writes one file per story (${files.length} here): give --out FOLDER`,
      );
    const only = files[0]!;
    if (only.encoding === 'base64')
      throw new UsageError(`--format ${format} writes a binary file: give --out PATH`);
    ctx.io.stdout(only.data);
    return EXIT.ok;
  }
  const target = resolve(out);
  const isFolder = files.length > 1 || (existsSync(target) && statSync(target).isDirectory());
  try {
    if (isFolder) mkdirSync(target, { recursive: true });
  } catch (error) {
    throw fileFailure('write', target, error);
  }
  const paths = files.map((file) => (isFolder ? join(target, file.fileName) : target));
  const force = ctx.flag(forceFlag) ?? false;
  if (!force) refuseToOverwrite(paths);
  for (const [i, file] of files.entries()) {
    const path = paths[i]!;
    try {
      // 'wx' fails on a file that appeared since the check rather than replacing it.
      writeFileSync(path, bytes(file), { flag: force ? 'w' : 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') refuseToOverwrite([path]);
      throw fileFailure('write', path, error);
    }
    ctx.io.stderr(`Wrote ${path}\n`);
  }
  return EXIT.ok;
}
