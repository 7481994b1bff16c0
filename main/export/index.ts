import type { Story } from '../../shared/story/model';
import type { ExportOptions } from '../../shared/export/options';
import { exportFormatSpec, type ExportFormat } from '../../shared/export/formats';
import type { ExportFile } from '../../shared/ipc/types';
import {
  EXPORT_WRITERS,
  type ExportContext,
  type SelectionWriter,
  type StoryWriter,
  type Written,
} from './writers';

export type { ExportContext };

// Names Windows keeps for devices, whatever follows the first dot: CON.nsml opens the console.
// Superscript digits count too (COM¹), and the sanitiser keeps them as digits.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * A file name from slugs: letters and digits of any script kept, the rest made safe, and never
 * a name Windows keeps for a device (`CON` becomes `CON-story`).
 */
export function exportFileName(stories: readonly Story[], extension: string): string {
  const base =
    stories.length === 1
      ? stories[0]!.slug
      : `${stories.length} stories ${new Date().toISOString().slice(0, 10)}`;
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

function encoded(written: Written): Pick<ExportFile, 'encoding' | 'data'> {
  if (typeof written === 'string') return { encoding: 'utf8', data: written };
  if (Buffer.isBuffer(written)) return { encoding: 'base64', data: written.toString('base64') };
  return written;
}

/** The format's writer applied to one file's stories, whichever shape of writer it has. */
async function write(
  format: ExportFormat,
  group: readonly Story[],
  options: ExportOptions,
  ctx: ExportContext,
): Promise<Written> {
  // EXPORT_WRITERS' type gives each format the writer shape its record's fileHolds calls for.
  const writer = EXPORT_WRITERS[format];
  return exportFormatSpec(format).fileHolds === 'story'
    ? (writer as StoryWriter)(group[0]!, options, ctx)
    : (writer as SelectionWriter)(group, options, ctx);
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
  const groups = spec.fileHolds === 'selection' ? [stories] : stories.map((s) => [s]);
  const files: ExportFile[] = [];
  const used = new Set<string>();
  let done = 0;
  for (const group of groups) {
    const rendered = encoded(await write(format, group, options, ctx));
    // Two stories with one slug, in any case, must not overwrite each other's file.
    const fileName = uniqueName(exportFileName(group, spec.extension), used);
    files.push({ fileName, mimeType: spec.mimeType, ...rendered });
    done += group.length;
    ctx.onProgress?.(done, stories.length, group[group.length - 1]!);
  }
  return files;
}
