import type { Story } from '../../shared/story/model';
import type { ExportFormat, PrompterOptions } from '../../shared/export/options';
import type { ExportFile } from '../../shared/ipc/types';
import { prompterRtf } from './prompterRtf';
import { prompterText } from './prompterText';

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

export function renderExport(
  stories: readonly Story[],
  format: ExportFormat,
  options: PrompterOptions,
): ExportFile {
  switch (format) {
    case 'prompter-txt':
      return {
        fileName: exportFileName(stories, 'txt'),
        mimeType: 'text/plain; charset=utf-8',
        encoding: 'utf8',
        data: prompterText(stories, options),
      };
    case 'prompter-rtf':
      return {
        fileName: exportFileName(stories, 'rtf'),
        mimeType: 'application/rtf',
        encoding: 'utf8',
        data: prompterRtf(stories, options),
      };
  }
}
