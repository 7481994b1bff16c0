import type { Story } from '../../shared/story/model';
import type { ExportOptions } from '../../shared/export/options';
import { exportFormatSpec, type ExportFormat } from '../../shared/export/formats';
import type { ExportFile } from '../../shared/ipc/types';
import {
  EXPORT_WRITERS,
  type ExportContext,
  type RundownWriter,
  type SelectionWriter,
  type StoryWriter,
  type Written,
} from './writers';

export type { ExportContext };
export type { ShowContext } from './writers';

// Names Windows keeps for devices, whatever follows the first dot: CON.nsml opens the console.
// Superscript digits count too (COM¹), and the sanitiser keeps them as digits.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * A file name from slugs: letters and digits of any script kept, the rest made safe, and never
 * a name Windows keeps for a device (`CON` becomes `CON-story`).
 */
export function exportFileName(stories: readonly Story[], extension: string): string {
  return safeFileName(
    stories.length === 1
      ? stories[0]!.slug
      : `${stories.length} stories ${new Date().toISOString().slice(0, 10)}`,
    extension,
  );
}

function safeFileName(base: string, extension: string): string {
  const safe = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  const stem = safe || 'story';
  return `${WINDOWS_RESERVED.test(stem) ? `${stem}-story` : stem}.${extension}`;
}

/**
 * `name`, or `name` with -2, -3… before its extension, so that no two files of one export differ
 * only in case: Harbor.nsml and HARBOR.nsml are one file on Windows and macOS.
 */
function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate.toLocaleLowerCase('en')); n++)
    candidate = name.replace(/\./, `-${n}.`);
  used.add(candidate.toLocaleLowerCase('en'));
  return candidate;
}

/** A rundown's file is named after the show and its air date. */
function showFileName(show: { title: string; airDate: string }, extension: string): string {
  return safeFileName(`${show.title} ${show.airDate}`, extension);
}

function encoded(written: Written): Pick<ExportFile, 'encoding' | 'data'> {
  if (typeof written === 'string') return { encoding: 'utf8', data: written };
  if (Buffer.isBuffer(written)) return { encoding: 'base64', data: written.toString('base64') };
  return written;
}

/** The format's writer applied to one file's stories, whichever shape of writer it has. */
async function write(
  format: ExportFormat,
  group: readonly Story[],
  index: number,
  options: ExportOptions,
  ctx: ExportContext,
): Promise<Written> {
  // EXPORT_WRITERS' type gives each format the writer shape its record's fileHolds calls for.
  const writer = EXPORT_WRITERS[format];
  switch (exportFormatSpec(format).fileHolds) {
    case 'story':
      return (writer as StoryWriter)(group[0]!, options, ctx, index);
    case 'selection':
      return (writer as SelectionWriter)(group, options, ctx);
    case 'rundown':
      if (!ctx.show)
        throw new ExportError(
          `${exportFormatSpec(format).label} is made from a rundown: export a rundown to it.`,
        );
      return (writer as RundownWriter)(ctx.show, options, ctx);
  }
}

/** An export that cannot be made as asked; the message says why, in the user's words. */
export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

/**
 * The files for an export: one for the whole selection where the format holds a show, one per
 * story otherwise (an iNEWS story file, a caption track), named from the slugs.
 */
export async function renderExport(
  stories: readonly Story[],
  format: ExportFormat,
  options: ExportOptions,
  ctx: ExportContext,
): Promise<ExportFile[]> {
  const spec = exportFormatSpec(format);
  const groups = spec.fileHolds === 'story' ? stories.map((s) => [s]) : [stories];
  const files: ExportFile[] = [];
  const used = new Set<string>();
  let done = 0;
  for (const [index, group] of groups.entries()) {
    const rendered = encoded(await write(format, group, index, options, ctx));
    // Two stories with one slug, in any case, must not overwrite each other's file.
    const fileName = uniqueName(
      spec.fileHolds !== 'story' && ctx.show
        ? showFileName(ctx.show, spec.extension)
        : exportFileName(group, spec.extension),
      used,
    );
    files.push({ fileName, mimeType: spec.mimeType, ...rendered });
    done += group.length;
    ctx.onProgress?.(done, stories.length, group[group.length - 1]!);
  }
  return files;
}
