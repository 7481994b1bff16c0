import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMos, str } from '../export/mos/testing/readMos';
import { cliWorkspace } from './testing/cliWorkspace';

const fixture = new URL('../../fixtures/harbor-bridge.txt', import.meta.url);

type ShowJson = {
  id: string;
  title: string;
  date: string;
  onAir: string;
  offAir: string;
  overUnderSec: number;
  rows: {
    id: string;
    page: string;
    kind: string;
    storyId: string | null;
    slug: string;
    estSec: number;
    actualSec: number | null;
    floated: boolean;
    hit: string | null;
    front: string | null;
    back: string | null;
    cumeSec: number | null;
  }[];
};

describe('copydesk rundown', () => {
  it('builds, times, rearranges and exports a show from the command line', async () => {
    const { dir, run } = cliWorkspace();
    const script = join(dir, 'harbor-bridge.txt');
    copyFileSync(fixture, script);
    const imported = JSON.parse((await run('import', script, '--json')).stdout) as {
      stories: { id: string; slug: string; totalSec: number }[];
    };
    const story = imported.stories[0]!;

    const created = await run(
      'rundown',
      'new',
      '6 PM NEWS',
      '--date',
      '2026-11-30',
      '--on-air',
      '18:00',
      '--off-air',
      '18:30',
      '--json',
    );
    expect(created.code).toBe(0);
    const rid = (JSON.parse(created.stdout) as ShowJson).id;

    expect((await run('rundown', 'add', rid, '--item', 'HEADLINES', '--length', '0:30')).code).toBe(
      0,
    );
    expect((await run('rundown', 'add', rid, '--story', story.id)).code).toBe(0);
    expect((await run('rundown', 'add', rid, '--break', 'BREAK 1', '--length', '2:00')).code).toBe(
      0,
    );
    expect(
      (
        await run(
          'rundown',
          'add',
          rid,
          '--item',
          'WEATHER',
          '--length',
          '1:00',
          '--at',
          '1',
          '--page',
          'W1',
        )
      ).code,
    ).toBe(0);

    let show = JSON.parse((await run('rundown', 'show', rid, '--json')).stdout) as ShowJson;
    expect(show).toMatchObject({
      title: '6 PM NEWS',
      date: '2026-11-30',
      onAir: '18:00:00',
      offAir: '18:30:00',
    });
    expect(show.rows.map((r) => [r.page, r.kind, r.slug])).toEqual([
      ['W1', 'item', 'WEATHER'],
      ['A2', 'item', 'HEADLINES'],
      ['A3', 'story', story.slug],
      ['A4', 'break', 'BREAK 1'],
    ]);
    expect(show.rows[2]).toMatchObject({
      storyId: story.id,
      estSec: story.totalSec,
      front: '18:01:30',
      cumeSec: 90,
    });

    const [weather, headlines, , brk] = show.rows;
    expect((await run('rundown', 'move', rid, weather!.id.slice(0, 8), '--to', '3')).code).toBe(0);
    expect((await run('rundown', 'set', rid, headlines!.id, '--float')).code).toBe(0);
    expect(
      (await run('rundown', 'set', rid, brk!.id, '--hit', '18:10:00', '--actual', '2:05')).code,
    ).toBe(0);
    show = JSON.parse((await run('rundown', 'show', rid, '--json')).stdout) as ShowJson;
    expect(show.rows.map((r) => [r.slug, r.floated, r.front])).toEqual([
      ['HEADLINES', true, null],
      [story.slug, false, '18:00:00'],
      [
        'WEATHER',
        false,
        `18:0${Math.floor(story.totalSec / 60)}:${String(story.totalSec % 60).padStart(2, '0')}`,
      ],
      ['BREAK 1', false, '18:10:00'],
    ]);
    expect(show.rows[3]).toMatchObject({ hit: '18:10:00', actualSec: 125, back: '18:27:55' });
    expect(show.overUnderSec).toBe(10 * 60 + 125 - 30 * 60);

    const text = (await run('rundown', 'show', rid)).stdout;
    expect(text).toContain('over/under -17:55 (light)');
    expect(text).toMatch(/HEADLINES \(float\)/);

    const mosPath = join(dir, 'show.mos.xml');
    expect(
      (
        await run(
          'rundown',
          'export',
          rid,
          '--format',
          'mos',
          '--mos-encoding',
          'utf-8',
          '--out',
          mosPath,
        )
      ).code,
    ).toBe(0);
    const messages = readMos(readFileSync(mosPath, 'utf8'));
    expect(messages[0]!.kind).toBe('roCreate');
    if (messages[0]!.kind === 'roCreate')
      expect(messages[0]!.ro.Stories.map((s) => str(s.Slug))).toEqual([story.slug]);

    expect((await run('rundown', 'remove', rid, headlines!.id)).code).toBe(0);
    const listed = JSON.parse(
      (await run('rundown', 'list', '--date', '2026-11-30', '--json')).stdout,
    ) as {
      id: string;
      rowCount: number;
    }[];
    expect(listed).toEqual([expect.objectContaining({ id: rid, rowCount: 3 })]);
  });

  it('says what is wrong with a rundown command line, and exits 2', async () => {
    const { run } = cliWorkspace();
    const bad = [
      [['rundown'], 'rundown needs a subcommand'],
      [
        [
          'rundown',
          'new',
          'SHOW',
          '--date',
          '2026-11-30',
          '--on-air',
          '25:00',
          '--length',
          '30:00',
        ],
        '--on-air is a time of day',
      ],
      [
        ['rundown', 'new', 'SHOW', '--date', '2026-11-30', '--on-air', '18:00'],
        'needs --off-air HH:MM or --length',
      ],
      [['rundown', 'show', 'zzzz'], 'there is no rundown “zzzz”'],
    ] as const;
    for (const [argv, message] of bad) {
      const result = await run(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
    }
  });

  it('puts a row in and moves one after a row named by its id', async () => {
    const { run } = cliWorkspace();
    const created = await run(
      'rundown',
      'new',
      'LATE NEWS',
      '--date',
      '2026-11-30',
      '--on-air',
      '22:00',
      '--length',
      '30:00',
      '--json',
    );
    const rid = (JSON.parse(created.stdout) as ShowJson).id;
    for (const item of ['HEADLINES', 'WEATHER', 'GOODNIGHT'])
      expect((await run('rundown', 'add', rid, '--item', item, '--length', '0:30')).code).toBe(0);
    const show = async () =>
      JSON.parse((await run('rundown', 'show', rid, '--json')).stdout) as ShowJson;
    const [headlines, weather, goodnight] = (await show()).rows;

    const added = await run(
      'rundown',
      'add',
      rid,
      '--break',
      'BREAK',
      '--length',
      '2:00',
      '--after',
      headlines!.id.slice(0, 8),
    );
    expect(added.code, added.stderr).toBe(0);
    const moved = await run('rundown', 'move', rid, headlines!.id, '--after', goodnight!.id);
    expect(moved.code, moved.stderr).toBe(0);
    expect((await show()).rows.map((r) => r.slug)).toEqual([
      'BREAK',
      'WEATHER',
      'GOODNIGHT',
      'HEADLINES',
    ]);

    const both = await run(
      'rundown',
      'move',
      rid,
      weather!.id,
      '--to',
      '1',
      '--after',
      goodnight!.id,
    );
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give --to N or --after ROW, not both');
    const neither = await run('rundown', 'move', rid, weather!.id);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('--to N (a row number, from 1) or --after ROW');
    // A row moved after itself is not a place: the row names no row but the others.
    const itself = await run('rundown', 'move', rid, weather!.id, '--after', weather!.id);
    expect(itself.code).toBe(2);
  });

  it('makes a show longer than any one row may be (an election night)', async () => {
    const { run } = cliWorkspace();
    const created = await run(
      'rundown',
      'new',
      'ELECTION NIGHT',
      '--date',
      '2026-11-03',
      '--on-air',
      '18:00',
      '--length',
      '8:00:00',
      '--json',
    );
    expect(created.code, created.stderr).toBe(0);
    expect((JSON.parse(created.stdout) as ShowJson).offAir).toBe('02:00:00');
  });

  it('exits 3 for a rundown that is not there', async () => {
    const { run } = cliWorkspace();
    const result = await run('rundown', 'show', '6f1d3c1e-8a7b-4f7e-9a53-0b7c2a5d9e10');
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('not in the archive');
  });
});
