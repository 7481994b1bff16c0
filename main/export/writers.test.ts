import { describe, expect, it } from 'vitest';
import { ExportOptionsSchema, DEFAULT_EXPORT_OPTIONS } from '../../shared/export/options';
import {
  EXPORT_FORMATS,
  EXPORT_FORMAT_GROUPS,
  EXPORT_FORMAT_SPECS,
  exportFormatSpec,
} from '../../shared/export/formats';
import { DEFAULT_TIMING } from '../../shared/story/timing';
import { makeStory } from '../../shared/story/testing/makeStory';
import { renderExport } from './index';
import { EXPORT_WRITERS } from './writers';

const ctx = { generator: 'Copydesk test', now: () => new Date(0), timing: DEFAULT_TIMING };
const show = [makeStory({ slug: 'HARBOR BRIDGE' }), makeStory({ slug: 'WEATHER' })];

describe('the export format record', () => {
  it('lists each format in exactly one dialog group', () => {
    const grouped = EXPORT_FORMAT_GROUPS.flatMap((g) => g.formats);
    expect([...grouped].sort()).toEqual([...EXPORT_FORMATS].sort());
    for (const group of EXPORT_FORMAT_GROUPS) expect(group.formats.length).toBeGreaterThan(0);
  });

  it('names only options the options schema has, and says why when it reads none', () => {
    const known = Object.keys(ExportOptionsSchema.shape);
    for (const format of EXPORT_FORMATS) {
      const spec = exportFormatSpec(format);
      expect(known).toEqual(expect.arrayContaining([...spec.options]));
      expect(spec.options.length > 0 || Boolean(spec.noOptionsNote)).toBe(true);
    }
  });

  it('has a writer for every format and no writer without a format', () => {
    expect(Object.keys(EXPORT_WRITERS).sort()).toEqual([...EXPORT_FORMATS].sort());
  });
});

const STORY_FORMATS = EXPORT_FORMATS.filter((f) => EXPORT_FORMAT_SPECS[f].fileHolds !== 'rundown');

describe.each(STORY_FORMATS)('exporting a two-story show as %s', (format) => {
  const spec = EXPORT_FORMAT_SPECS[format];

  it('writes the files its record promises: count, extension and MIME type', async () => {
    const files = await renderExport(show, format, DEFAULT_EXPORT_OPTIONS, ctx);
    expect(files).toHaveLength(spec.fileHolds === 'story' ? show.length : 1);
    for (const file of files) {
      expect(file.fileName.endsWith(`.${spec.extension}`)).toBe(true);
      expect(file.mimeType).toBe(spec.mimeType);
      expect(file.data.length).toBeGreaterThan(0);
    }
    if (spec.fileHolds === 'story')
      expect(files.map((f) => f.fileName)).toEqual([
        `HARBOR-BRIDGE.${spec.extension}`,
        `WEATHER.${spec.extension}`,
      ]);
  });
});

describe('a format of the rundown itself', () => {
  it('is refused for stories exported on their own, in words', async () => {
    await expect(renderExport(show, 'rundown-csv', DEFAULT_EXPORT_OPTIONS, ctx)).rejects.toThrow(
      'Rundown for spreadsheets (.csv) is made from a rundown',
    );
  });
});
