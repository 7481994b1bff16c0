import type { Story } from '../../shared/story/model';
import {
  MULTI_STORY_FORMATS,
  type ExportFormat,
  type ExportOptions,
} from '../../shared/export/options';
import type { ExportFile } from '../../shared/ipc/types';
import type { TimingSettings } from '../../shared/story/timing';
import { makeStoryPackage, serializeStoryPackage } from '../../shared/package/storyPackage';
import { prompterRtf } from './prompterRtf';
import { prompterText } from './prompterText';
import { prompterHtml } from './prompterHtml';
import { prompterMarkdown } from './prompterMarkdown';
import { prompterDocx } from './prompterDocx';
import { mosFile } from './mos/mosXml';
import { storyToNsml } from './nsml/nsmlXml';
import { scriptPdf } from './pdf/scriptPdf';
import { storySrt, storyVtt } from './captions';

/** A file name from slugs: letters and digits of any script kept, the rest made safe. */
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
  return `${safe || 'story'}.${extension}`;
}

export type ExportContext = {
  /** `Copydesk 0.1.0`, written into the story package. */
  generator: string;
  now: () => Date;
  /** The archive's read rates (defaults and each presenter's). */
  timing: TimingSettings;
  /** Called after each story of a long export, for progress on the command line. */
  onProgress?: (done: number, total: number, story: Story) => void;
};

const EXTENSIONS: Record<ExportFormat, string> = {
  'prompter-txt': 'txt',
  'prompter-rtf': 'rtf',
  docx: 'docx',
  html: 'html',
  md: 'md',
  mos: 'mos.xml',
  nsml: 'nsml',
  pdf: 'pdf',
  srt: 'srt',
  vtt: 'vtt',
  json: 'json',
};

const MIME: Record<ExportFormat, string> = {
  'prompter-txt': 'text/plain; charset=utf-8',
  'prompter-rtf': 'application/rtf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  mos: 'application/xml',
  nsml: 'application/xml',
  pdf: 'application/pdf',
  srt: 'application/x-subrip',
  vtt: 'text/vtt; charset=utf-8',
  json: 'application/json',
};

async function renderOne(
  stories: readonly Story[],
  format: ExportFormat,
  options: ExportOptions,
  ctx: ExportContext,
): Promise<Pick<ExportFile, 'encoding' | 'data'>> {
  const text = (data: string) => ({ encoding: 'utf8' as const, data });
  const binary = (data: Buffer) => ({ encoding: 'base64' as const, data: data.toString('base64') });
  switch (format) {
    case 'prompter-txt':
      return text(prompterText(stories, options, ctx.timing));
    case 'prompter-rtf':
      return text(prompterRtf(stories, options, ctx.timing));
    case 'html':
      return text(prompterHtml(stories, options, ctx.timing));
    case 'md':
      return text(prompterMarkdown(stories, options, ctx.timing));
    case 'docx':
      return binary(await prompterDocx(stories, options, ctx.timing));
    case 'pdf':
      return binary(await scriptPdf(stories, options, ctx.timing, ctx.now()));
    case 'mos':
      return mosFile(stories, options, ctx.timing);
    case 'json':
      return text(serializeStoryPackage(makeStoryPackage(stories, ctx.generator, ctx.now())));
    case 'nsml':
      return text(storyToNsml(stories[0]!, ctx.timing));
    case 'srt':
      return text(storySrt(stories[0]!, options, ctx.timing));
    case 'vtt':
      return text(storyVtt(stories[0]!, options, ctx.timing));
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
  const groups = MULTI_STORY_FORMATS.has(format) ? [stories] : stories.map((s) => [s]);
  const files: ExportFile[] = [];
  const used = new Set<string>();
  let done = 0;
  for (const group of groups) {
    const rendered = await renderOne(group, format, options, ctx);
    let fileName = exportFileName(group, EXTENSIONS[format]);
    // Two stories with one slug must not overwrite each other's file.
    for (let n = 2; used.has(fileName); n++)
      fileName = exportFileName(group, EXTENSIONS[format]).replace(/\./, `-${n}.`);
    used.add(fileName);
    files.push({ fileName, mimeType: MIME[format], ...rendered });
    done += group.length;
    ctx.onProgress?.(done, stories.length, group[group.length - 1]!);
  }
  return files;
}
