import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ExportOptionsSchema } from '../../shared/export/options';
import { EXPORT_FORMATS, exportFormatSpec } from '../../shared/export/formats';
import { StoryFiltersSchema } from '../../shared/ipc/contract';
import { STORY_STATUSES } from '../../shared/story/model';
import { checkValue, flagHelp, flagsFromShape, parseArgsOptions, schemaFlag } from './flags';
import { UsageError } from './exitCodes';
import { EXPORT_OPTION_FLAGS } from './commands/export';
import { USAGE } from './run';

describe('flags made from contract schemas', () => {
  it('show the allowed values, a range or the date form in the help', () => {
    const flags = flagsFromShape(
      z.strictObject({
        status: z.enum(['draft', 'ready']).optional(),
        fontSizePt: z.int().min(10).max(144).default(36),
        from: z.iso.date().optional(),
        allCaps: z.boolean().default(false),
        presenter: z.string().optional(),
      }).shape,
      { allCaps: 'caps' },
      { fontSizePt: 'PT' },
    );
    expect(Object.values(flags).map(flagHelp)).toEqual([
      '--status draft|ready',
      '--font-size-pt PT (10–144)',
      '--from YYYY-MM-DD',
      '--caps',
      '--presenter PRESENTER',
    ]);
    expect(flags.allCaps.type).toBe('boolean');
  });

  it('check a typed value against the schema and say what is allowed', () => {
    const size = z.int().min(10).max(144).default(36);
    expect(checkValue('--font-size', size, '48')).toBe(48);
    expect(() => checkValue('--font-size', size, '4')).toThrow(
      new UsageError('--font-size takes a whole number from 10 to 144'),
    );
    expect(() => checkValue('--font-size', size, '')).toThrow(UsageError);
    const paper = z.enum(['A4', 'LETTER']);
    expect(checkValue('--paper', paper, 'letter')).toBe('LETTER');
    expect(() => checkValue('--paper', paper, 'legal')).toThrow('--paper is A4 or LETTER');
    expect(() => checkValue('--from', z.iso.date('a date is YYYY-MM-DD'), 'soon')).toThrow(
      '--from: a date is YYYY-MM-DD',
    );
  });

  it('refuse two flags of one name with different shapes', () => {
    expect(() =>
      parseArgsOptions([
        schemaFlag('tag', z.string()),
        { name: 'tag', type: 'string', multiple: true },
      ]),
    ).toThrow('--tag is declared twice');
  });
});

describe('the usage text follows the contract and the format records', () => {
  it('lists every export format with its label, and one flag per export option', () => {
    for (const format of EXPORT_FORMATS)
      expect(USAGE).toContain(`\n  ${format.padEnd(14)} ${exportFormatSpec(format).label}`);
    expect(Object.keys(EXPORT_OPTION_FLAGS).sort()).toEqual(
      Object.keys(ExportOptionsSchema.shape).sort(),
    );
    for (const flag of Object.values(EXPORT_OPTION_FLAGS))
      expect(USAGE).toContain(`--${flag.name}`);
  });

  it('offers a flag for every filter the contract has, and the statuses it allows', () => {
    for (const filter of Object.keys(StoryFiltersSchema.shape))
      expect(USAGE).toContain(`--${filter}`);
    expect(USAGE).toContain(`--status ${STORY_STATUSES.join('|')}`);
  });
});
