import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../archive/open';
import { createServices, invokeService } from './serviceTable';
import type { Channel, Input, Output } from '../../shared/ipc/contract';

const open: Archive[] = [];
afterEach(() => open.splice(0).forEach((a) => a.close()));

function setup() {
  const archive = openArchive(join(mkdtempSync(join(tmpdir(), 'copydesk-pr-')), 'a.sqlite'));
  open.push(archive);
  const services = createServices({ archive, version: 'test' });
  const call = async <K extends Channel>(channel: K, input: Input<K>): Promise<Output<K>> => {
    const result = await invokeService(services, channel, input);
    if (!result.ok)
      throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as Output<K>;
  };
  return { call };
}

describe('prompter.show', () => {
  it('gives a rundown’s prompted stories in running order with their pages, never a floated one', async () => {
    const { call } = setup();
    const made: Awaited<ReturnType<typeof call<'stories.create'>>>[] = [];
    for (const slug of ['FIRE', 'BUDGET', 'FLOOD'])
      made.push(await call('stories.create', { slug }));
    let d = await call('rundowns.create', {
      title: '6 PM NEWS',
      airDate: '2026-11-30',
      onAirSec: 18 * 3600,
      lengthSec: 1800,
    });
    for (const story of made)
      d = await call('rundowns.addRow', {
        id: d.rundown.id,
        row: { kind: 'story', storyId: story.id },
      });
    d = await call('rundowns.addRow', {
      id: d.rundown.id,
      at: 1,
      row: { kind: 'break', label: 'BREAK', estSec: 120 },
    });
    const budgetRow = d.rundown.rows.find((r) => r.storyId === made[1]!.id)!;
    await call('rundowns.setRow', { id: d.rundown.id, rowId: budgetRow.id, floated: true });
    await call('settings.save', {
      displayName: '',
      defaults: { wordsPerMinute: 170, hangulSyllablesPerMinute: 340, cjkCharactersPerMinute: 300 },
      presenters: [],
      backups: { everyMinutes: 30, keep: 10 },
    });

    const show = await call('prompter.show', { rundown: d.rundown.id });
    expect(show.title).toBe('6 PM NEWS');
    expect(show.entries.map((e) => [e.story.slug, e.story.page])).toEqual([
      ['FIRE', 'A1'],
      ['FLOOD', 'B2'],
    ]);
    expect(show.entries.map((e) => e.rowId)).toEqual(
      d.rundown.rows
        .filter((r) => r.kind === 'story' && r.storyId !== made[1]!.id)
        .map((r) => r.id),
    );
    expect(show.rundown!.rundown.rows).toHaveLength(4);
    expect(show.timing.defaults.wordsPerMinute).toBe(170);

    const one = await call('prompter.show', { story: made[1]!.id });
    expect(one).toMatchObject({ title: 'BUDGET', rundown: null, entries: [{ rowId: null }] });
  });

  it('says so in words when the rundown or the story is gone', async () => {
    const { call } = setup();
    await expect(call('prompter.show', { rundown: crypto.randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/rundown is not in the archive/),
    });
    await expect(call('prompter.show', { story: crypto.randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
