import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { readMos, str } from '../export/mos/testing/readMos';
import {
  closeArchives,
  exportedText as text,
  serviceCaller as setup,
  tonight,
} from './testing/rundownShow';

afterEach(closeArchives);

describe('exporting a rundown', () => {
  it('sends MOS the real running order: roCreate in air order with page numbers, then each story', async () => {
    const { call } = setup();
    const { id } = await tonight(call);
    const { files } = await call('export.stories', {
      selection: { rundown: id },
      format: 'mos',
      options: { mosEncoding: 'utf-8' },
    });
    const messages = readMos(text(files[0]!));
    const ro = messages[0]!;
    expect(ro.kind).toBe('roCreate');
    if (ro.kind !== 'roCreate') return;
    expect(str(ro.ro.ID)).toBe(`copydesk-ro-${id}`);
    expect(str(ro.ro.Slug)).toBe('6 PM NEWS 2026-11-30');
    expect(ro.ro.Stories.map((s) => [str(s.Slug), str(s.Number)])).toEqual([
      ['WEATHER', 'A2'],
      ['HARBOR FIRE', 'A3'],
      ['CITY BUDGET', 'A4'],
    ]);
    expect(
      messages.slice(1).map((m) => (m.kind === 'roStorySend' ? str(m.story.Slug) : m.kind)),
    ).toEqual(['WEATHER', 'HARBOR FIRE', 'CITY BUDGET']);
  });

  it('prompts the show in running order with page numbers, floated stories and breaks left out', async () => {
    const { call } = setup();
    const { id } = await tonight(call);
    const { files } = await call('export.stories', {
      selection: { rundown: id },
      format: 'prompter-txt',
    });
    const out = text(files[0]!);
    const at = ['A2', 'WEATHER', 'A3', 'HARBOR FIRE', 'A4', 'CITY BUDGET'].map((s) =>
      out.indexOf(s),
    );
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(out).not.toContain('LOST DOG');
    expect(out).not.toContain('BREAK 1');
    expect(files[0]!.fileName).toBe(
      '6-PM-NEWS-2026-11-30.txt'.replace(
        '.txt',
        files[0]!.fileName.slice(files[0]!.fileName.lastIndexOf('.')),
      ),
    );
  });

  it('fills NSML page-number, back-time and cume-time from the rundown', async () => {
    const { call } = setup();
    const { id } = await tonight(call);
    const { files } = await call('export.stories', { selection: { rundown: id }, format: 'nsml' });
    expect(files.map((f) => f.fileName)).toEqual([
      'WEATHER.nsml',
      'HARBOR-FIRE.nsml',
      'CITY-BUDGET.nsml',
    ]);
    const weather = text(files[0]!);
    expect(weather).toContain('<string id="page-number">A2</string>');
    // HEADLINES (30 s) runs first; WEATHER starts 30 s in.
    expect(weather).toContain('<duration id="cume-time">30</duration>');
    expect(weather).toMatch(/<time id="back-time">\d+<\/time>/);
  });

  it('prints the rundown itself and writes it for spreadsheets; stories alone cannot be', async () => {
    const { call } = setup();
    const { id, stories } = await tonight(call);
    const csv = await call('export.stories', { selection: { rundown: id }, format: 'rundown-csv' });
    const rows = parse(text(csv.files[0]!), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.map((r) => [r.Page, r.Slug, r.Float])).toEqual([
      ['A1', 'HEADLINES', ''],
      ['A2', 'WEATHER', ''],
      ['A3', 'HARBOR FIRE', ''],
      ['A4', 'CITY BUDGET', ''],
      ['A5', 'LOST DOG', 'yes'],
      ['A6', 'BREAK 1', ''],
    ]);
    const pdf = await call('export.stories', { selection: { rundown: id }, format: 'rundown-pdf' });
    expect(Buffer.from(pdf.files[0]!.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    await expect(
      call('export.stories', { selection: { ids: [stories[0]!.id] }, format: 'rundown-pdf' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('made from a rundown'),
    });
  });
});
