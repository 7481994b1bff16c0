import { afterEach, describe, expect, it } from 'vitest';
import { viewRundown } from '../../shared/rundown/view';
import { describeChange } from '../../shared/rundown/history';
import type { RundownDetail } from '../../shared/rundown/channels';
import { closeArchives, serviceCaller as setup } from './testing/rundownShow';

afterEach(closeArchives);

const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
const SIX_PM = 18 * 3600;

async function storyOf(call: ReturnType<typeof setup>['call'], slug: string, wordCount: number) {
  const story = await call('stories.create', { slug });
  return call('stories.save', {
    story: { ...story, body: [{ type: 'paragraph', runs: [{ text: words(wordCount) }] }] },
    baseUpdatedAt: story.updatedAt,
  });
}

/** Tonight's 6 PM NEWS, empty: its id. */
async function sixPmNews(call: ReturnType<typeof setup>['call']): Promise<string> {
  const d = await call('rundowns.create', {
    title: '6 PM NEWS',
    airDate: '2026-11-30',
    onAirSec: SIX_PM,
    lengthSec: 1800,
  });
  return d.rundown.id;
}

const view = (d: RundownDetail) => viewRundown(d.rundown, new Map(d.stories.map((s) => [s.id, s])));

describe('rundowns', () => {
  it('builds a show from stories, breaks and items, timed from the scripts', async () => {
    const { call } = setup();
    const fire = await storyOf(call, 'HARBOR FIRE', 180);
    const budget = await storyOf(call, 'CITY BUDGET', 90);
    let d = await call('rundowns.create', {
      title: '6 PM NEWS',
      airDate: '2026-11-30',
      onAirSec: SIX_PM,
      offAirSec: SIX_PM + 1800,
    });
    expect(d.rundown.lengthSec).toBe(1800);
    d = await call('rundowns.addRow', {
      id: d.rundown.id,
      row: { kind: 'item', label: 'HEADLINES', estSec: 30 },
    });
    d = await call('rundowns.addRow', {
      id: d.rundown.id,
      row: { kind: 'story', storyId: fire.id },
    });
    d = await call('rundowns.addRow', {
      id: d.rundown.id,
      row: { kind: 'break', label: 'BREAK 1', estSec: 120 },
    });
    d = await call('rundowns.addRow', {
      id: d.rundown.id,
      row: { kind: 'story', storyId: budget.id },
    });

    const v = view(d);
    expect(v.lines.map((l) => [l.page, l.slug, l.estSec])).toEqual([
      ['A1', 'HEADLINES', 30],
      ['A2', 'HARBOR FIRE', 60],
      ['A3', 'BREAK 1', 120],
      ['B1', 'CITY BUDGET', 30],
    ]);
    expect(v.overUnderSec).toBe(240 - 1800);
  });

  it('follows a story’s script: a longer story lengthens its row in every rundown holding it', async () => {
    const { call } = setup();
    const fire = await storyOf(call, 'HARBOR FIRE', 180);
    const a = await call('rundowns.create', {
      title: 'NOON',
      airDate: '2026-11-30',
      onAirSec: 12 * 3600,
      lengthSec: 600,
    });
    const b = await call('rundowns.create', {
      title: '6 PM',
      airDate: '2026-11-30',
      onAirSec: SIX_PM,
      lengthSec: 600,
    });
    for (const r of [a, b])
      await call('rundowns.addRow', { id: r.rundown.id, row: { kind: 'story', storyId: fire.id } });

    await call('stories.save', {
      story: { ...fire, body: [{ type: 'paragraph', runs: [{ text: words(360) }] }] },
      baseUpdatedAt: fire.updatedAt,
    });
    for (const r of [a, b]) {
      const d = await call('rundowns.get', { id: r.rundown.id });
      expect(view(d).lines[0]!.estSec).toBe(120);
    }
  });

  it('moves, floats, sets hits and actuals, removes — and records each with who and when', async () => {
    const { call } = setup();
    await call('settings.save', { displayName: 'Maya Chen' });
    const stories = [];
    for (const slug of ['ONE', 'TWO', 'THREE']) stories.push(await storyOf(call, slug, 90));
    let d = await call('rundowns.create', {
      title: 'LATE',
      airDate: '2026-11-30',
      onAirSec: SIX_PM,
      lengthSec: 600,
    });
    for (const s of stories)
      d = await call('rundowns.addRow', {
        id: d.rundown.id,
        row: { kind: 'story', storyId: s.id },
      });
    const [one, two, three] = d.rundown.rows.map((r) => r.id);

    d = await call('rundowns.moveRow', { id: d.rundown.id, rowId: three!, to: 0 });
    expect(view(d).lines.map((l) => l.slug)).toEqual(['THREE', 'ONE', 'TWO']);
    d = await call('rundowns.setRow', { id: d.rundown.id, rowId: one!, floated: true });
    expect(view(d).lines[1]!.clock).toBeNull();
    d = await call('rundowns.setRow', { id: d.rundown.id, rowId: two!, hitSec: SIX_PM + 300 });
    expect(view(d).lines[2]!.clock!.frontSec).toBe(SIX_PM + 300);
    d = await call('rundowns.setRow', { id: d.rundown.id, rowId: three!, actualSec: 41 });
    expect(view(d).lines[0]!.durSec).toBe(41);
    d = await call('rundowns.removeRow', { id: d.rundown.id, rowId: two! });
    expect(d.rundown.rows).toHaveLength(2);

    const history = await call('rundowns.history', { id: d.rundown.id });
    expect(history.every((h) => h.author === 'Maya Chen')).toBe(true);
    expect(history.slice(0, 5).map(describeChange)).toEqual([
      'Removed TWO (was 3)',
      'Actual for THREE: 0:41',
      'Set a hard hit at 18:05:00 on TWO',
      'Floated ONE',
      'Moved THREE from 3 to 1',
    ]);
  });

  it('refuses a change made against an older version, and changes nothing', async () => {
    const { call } = setup();
    const s = await storyOf(call, 'ONE', 90);
    const d = await call('rundowns.create', {
      title: 'LATE',
      airDate: '2026-11-30',
      onAirSec: SIX_PM,
      lengthSec: 600,
    });
    const stale = d.rundown.version;
    await call('rundowns.addRow', {
      id: d.rundown.id,
      baseVersion: stale,
      row: { kind: 'story', storyId: s.id },
    });
    await expect(
      call('rundowns.addRow', {
        id: d.rundown.id,
        baseVersion: stale,
        row: { kind: 'item', label: 'WX', estSec: 20 },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await call('rundowns.get', { id: d.rundown.id })).rundown.rows).toHaveLength(1);
  });

  it('puts a row in or moves one after the row named, wherever another desk has moved it since', async () => {
    const { call } = setup();
    let d = await call('rundowns.create', {
      title: 'LATE',
      airDate: '2026-11-30',
      onAirSec: SIX_PM,
      lengthSec: 600,
    });
    const id = d.rundown.id;
    for (const label of ['HEADLINES', 'BRIDGE', 'WEATHER', 'GOODNIGHT'])
      d = await call('rundowns.addRow', { id, row: { kind: 'item', label, estSec: 30 } });
    const [headlines, bridge, weather, goodnight] = d.rundown.rows.map((r) => r.id);
    const labels = (x: RundownDetail) => x.rundown.rows.map((r) => r.label);
    // The producer saw BRIDGE second and puts a break after it (place 2); another desk had just
    // moved GOODNIGHT to the top, so place 2 is now after HEADLINES.
    await call('rundowns.moveRow', { id, rowId: goodnight!, to: 0 });
    d = await call('rundowns.addRow', {
      id,
      at: 2,
      after: bridge!,
      row: { kind: 'break', label: 'BREAK', estSec: 120 },
    });
    expect(labels(d)).toEqual(['GOODNIGHT', 'HEADLINES', 'BRIDGE', 'BREAK', 'WEATHER']);
    // Moved after WEATHER, first, or after a row taken out meanwhile (then to the place given).
    d = await call('rundowns.moveRow', { id, rowId: headlines!, to: 3, after: weather! });
    expect(labels(d)).toEqual(['GOODNIGHT', 'BRIDGE', 'BREAK', 'WEATHER', 'HEADLINES']);
    d = await call('rundowns.moveRow', { id, rowId: weather!, to: 4, after: null });
    expect(labels(d)).toEqual(['WEATHER', 'GOODNIGHT', 'BRIDGE', 'BREAK', 'HEADLINES']);
    await call('rundowns.removeRow', { id, rowId: bridge! });
    d = await call('rundowns.moveRow', { id, rowId: headlines!, to: 1, after: bridge! });
    expect(labels(d)).toEqual(['WEATHER', 'HEADLINES', 'GOODNIGHT', 'BREAK']);
    const history = await call('rundowns.history', { id });
    // The history says where it went.
    expect(history.find((h) => h.action === 'added' && h.detail.slug === 'BREAK')).toMatchObject({
      detail: { to: 4 },
    });
  });

  it('asks before deleting a story a rundown uses, then takes it out of the rundown too', async () => {
    const { call } = setup();
    const s = await storyOf(call, 'ONE', 90);
    const d = await call('rundowns.create', {
      title: 'LATE',
      airDate: '2026-11-30',
      onAirSec: SIX_PM,
      lengthSec: 600,
    });
    await call('rundowns.addRow', { id: d.rundown.id, row: { kind: 'story', storyId: s.id } });

    await expect(call('stories.delete', { id: s.id })).rejects.toMatchObject({
      code: 'IN_RUNDOWN',
      message: expect.stringContaining('LATE (2026-11-30)'),
    });
    expect((await call('rundowns.get', { id: d.rundown.id })).rundown.rows).toHaveLength(1);

    await call('stories.delete', { id: s.id, fromRundowns: true });
    const after = await call('rundowns.get', { id: d.rundown.id });
    expect(after.rundown.rows).toHaveLength(0);
    expect((await call('rundowns.history', { id: d.rundown.id }))[0]).toMatchObject({
      action: 'removed',
    });
  });

  it('makes a rundown from a template, and a template from a rundown', async () => {
    const { call } = setup();
    const s = await storyOf(call, 'ONE', 90);
    let d = await call('rundowns.create', {
      title: '6 PM NEWS',
      airDate: '2026-11-30',
      onAirSec: SIX_PM,
      lengthSec: 1800,
    });
    d = await call('rundowns.addRow', {
      id: d.rundown.id,
      row: { kind: 'item', label: 'HEADLINES', estSec: 30 },
    });
    d = await call('rundowns.addRow', { id: d.rundown.id, row: { kind: 'story', storyId: s.id } });
    d = await call('rundowns.addRow', {
      id: d.rundown.id,
      row: { kind: 'break', label: 'BREAK 1', estSec: 120, hitSec: SIX_PM + 600 },
    });
    d = await call('rundowns.update', { id: d.rundown.id, blockBudgets: { A: 600 } });
    await call('showTemplates.fromRundown', { id: d.rundown.id, name: 'Evening news' });

    const next = await call('rundowns.create', {
      airDate: '2026-12-01',
      template: 'evening news',
      onAirSec: 19 * 3600,
    });
    expect(next.rundown).toMatchObject({
      title: '6 PM NEWS',
      lengthSec: 1800,
      blockBudgets: { A: 600 },
    });
    expect(next.rundown.rows.map((r) => [r.kind, r.label, r.estSec, r.hitSec])).toEqual([
      ['item', 'HEADLINES', 30, null],
      ['break', 'BREAK 1', 120, 19 * 3600 + 600],
    ]);
  });

  it('records a change to the show’s details with its values, and budgets sent in another order as none', async () => {
    const { call } = setup();
    const id = await sixPmNews(call);
    const set = await call('rundowns.update', {
      id,
      blockBudgets: { A: 120, B: 300 },
      lengthSec: 1740,
    });
    // The same budgets, their blocks in another order: nothing changed, nothing recorded.
    const again = await call('rundowns.update', { id, blockBudgets: { B: 300, A: 120 } });
    const history = await call('rundowns.history', { id });
    expect(history.filter((h) => h.action === 'edited').map((h) => h.detail)).toEqual([
      { field: 'block budgets', from: '{}', to: '{"A":120,"B":300}' },
      { field: 'length', from: 1800, to: 1740 },
    ]);
    expect(again.rundown.version).toBe(set.rundown.version);
  });

  it('records nothing when a break’s length, already 0:00, is cleared', async () => {
    const { call } = setup();
    const id = await sixPmNews(call);
    const added = await call('rundowns.addRow', {
      id,
      row: { kind: 'break', label: 'BREAK 1', estSec: 120 },
    });
    const rowId = added.rowId;
    const cleared = await call('rundowns.setRow', { id, rowId, estSec: null });
    expect(cleared.rundown.rows[0]!.estSec).toBe(0);
    const again = await call('rundowns.setRow', { id, rowId, estSec: null });
    expect(again.rundown.version).toBe(cleared.rundown.version);
    const history = await call('rundowns.history', { id });
    expect(history.filter((h) => h.action === 'estimate').map((h) => h.detail)).toEqual([
      { slug: 'BREAK 1', from: 120, to: 0 },
    ]);
  });

  it('lists rundowns by date', async () => {
    const { call } = setup();
    await call('rundowns.create', {
      title: 'A',
      airDate: '2026-11-29',
      onAirSec: SIX_PM,
      lengthSec: 60,
    });
    await call('rundowns.create', {
      title: 'B',
      airDate: '2026-11-30',
      onAirSec: SIX_PM,
      lengthSec: 60,
    });
    await call('rundowns.create', {
      title: 'C',
      airDate: '2026-11-30',
      onAirSec: 12 * 3600,
      lengthSec: 60,
    });
    expect((await call('rundowns.list', {})).map((r) => r.title)).toEqual(['C', 'B', 'A']);
    expect(
      (await call('rundowns.list', { from: '2026-11-30', to: '2026-11-30' })).map((r) => r.title),
    ).toEqual(['C', 'B']);
  });
});
