import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../archive/open';
import { createServices, invokeService } from './serviceTable';
import type { Channel, Input, Output } from '../../shared/ipc/contract';
import { DEFAULT_TEMPLATES } from '../../shared/story/templates';
import { DEFAULT_READ_RATES } from '../../shared/story/timing';
import type { Story } from '../../shared/story/model';

const open: Archive[] = [];
afterEach(() => open.splice(0).forEach((a) => a.close()));

function setup() {
  const archive = openArchive(join(mkdtempSync(join(tmpdir(), 'copydesk-svc-')), 'a.sqlite'));
  open.push(archive);
  let clock = Date.parse('2026-11-28T10:00:00.000Z');
  const services = createServices({
    archive,
    version: 'test',
    now: () => new Date((clock += 1000)),
  });
  const call = async <K extends Channel>(channel: K, input: Input<K>): Promise<Output<K>> => {
    const result = await invokeService(services, channel, input);
    if (!result.ok)
      throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as Output<K>;
  };
  return { call, archive };
}

const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');

describe('stories', () => {
  it('stores a new story only once it has content, as its first version', async () => {
    const { call } = setup();
    const draft = await call('stories.draft', { format: 'PKG' });
    expect(draft.body).toEqual(DEFAULT_TEMPLATES.PKG);
    expect((await call('stories.list', {})).total).toBe(0);
    await expect(
      call('stories.save', { story: draft, baseUpdatedAt: draft.updatedAt, isNew: true }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('empty') });
    expect((await call('stories.list', {})).total).toBe(0);

    const stored = await call('stories.save', {
      story: { ...draft, slug: 'FERRY FIRE' },
      baseUpdatedAt: draft.updatedAt,
      isNew: true,
    });
    expect((await call('stories.get', { id: draft.id })).slug).toBe('FERRY FIRE');
    const { revisions } = await call('stories.history', { id: draft.id });
    expect(revisions.map((r) => r.kind)).toEqual(['create']);
    // From then on it saves as any story does.
    await call('stories.save', { story: stored, baseUpdatedAt: stored.updatedAt });
  });

  it('leaves stories with nothing in them out of every-story exports', async () => {
    const { call } = setup();
    const empty = await call('stories.create', {});
    const full = await call('stories.create', { slug: 'FERRY FIRE' });
    const { files } = await call('export.stories', { selection: { all: true }, format: 'json' });
    const ids = (JSON.parse(files[0]!.data) as { stories: { id: string }[] }).stories.map(
      (s) => s.id,
    );
    expect(ids).toEqual([full.id]);
    expect(ids).not.toContain(empty.id);
    // Asked for by id, it is exported: someone chose it.
    const chosen = await call('export.stories', {
      selection: { ids: [empty.id] },
      format: 'json',
    });
    expect(chosen.files).toHaveLength(1);
  });

  it('starts a new story from its format’s template', async () => {
    const { call } = setup();
    const story = await call('stories.create', { format: 'PKG' });
    expect(story.body).toEqual(DEFAULT_TEMPLATES.PKG);
    expect(story.status).toBe('draft');
  });

  it('refuses to overwrite a story changed elsewhere, and keeps the stored one', async () => {
    const { call } = setup();
    const story = await call('stories.create', {});
    const first = await call('stories.save', {
      story: { ...story, slug: 'MINE' },
      baseUpdatedAt: story.updatedAt,
    });
    await expect(
      call('stories.save', { story: { ...story, slug: 'STALE' }, baseUpdatedAt: story.updatedAt }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await call('stories.get', { id: story.id })).slug).toBe('MINE');
    expect(first.updatedAt > story.updatedAt).toBe(true);
  });

  it('refuses a save that does not say which version it was based on, and keeps the stored one', async () => {
    const { call } = setup();
    const story = await call('stories.create', {});
    await call('stories.save', {
      story: { ...story, slug: 'MINE' },
      baseUpdatedAt: story.updatedAt,
    });
    await expect(
      call('stories.save', { story: { ...story, slug: 'BLIND' } } as never),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await call('stories.get', { id: story.id })).slug).toBe('MINE');
  });

  it('refuses to bring back, by saving it, a story deleted while it was open', async () => {
    const { call } = setup();
    const story = await call('stories.create', { slug: 'GONE' });
    await call('stories.delete', { id: story.id });
    await expect(
      call('stories.save', { story, baseUpdatedAt: story.updatedAt }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('deleted elsewhere'),
    });
    expect((await call('stories.list', {})).total).toBe(0);
  });

  it('keeps createdAt and moves updatedAt forward on every save', async () => {
    const { call } = setup();
    const story = await call('stories.create', {});
    const a = await call('stories.save', { story, baseUpdatedAt: story.updatedAt });
    const b = await call('stories.save', { story: a, baseUpdatedAt: a.updatedAt });
    expect(b.createdAt).toBe(story.createdAt);
    expect(b.updatedAt > a.updatedAt).toBe(true);
  });
});

describe('templates', () => {
  it('saves a station’s own template, uses it for new stories, and restores the default', async () => {
    const { call } = setup();
    const body: Story['body'] = [
      { type: 'cue', text: 'OPEN ON WIDE SHOT' },
      { type: 'paragraph', runs: [] },
    ];
    await call('templates.save', { format: 'VO', body });
    expect((await call('templates.list', {})).find((t) => t.format === 'VO')).toEqual({
      format: 'VO',
      body,
      custom: true,
    });
    expect((await call('stories.create', { format: 'VO' })).body).toEqual(body);
    await call('templates.reset', { format: 'VO' });
    expect((await call('stories.create', { format: 'VO' })).body).toEqual(DEFAULT_TEMPLATES.VO);
  });
});

describe('pronouncer dictionary', () => {
  it('learns the pronouncers of every saved story, and can be edited', async () => {
    const { call } = setup();
    const story = await call('stories.create', {});
    await call('stories.save', {
      story: {
        ...story,
        body: [
          {
            type: 'paragraph',
            runs: [{ text: 'Minister ' }, { text: 'Raghunathan', pronouncer: 'RAH-goo-NAH-tun' }],
          },
        ],
      },
      baseUpdatedAt: story.updatedAt,
    });
    expect(await call('pronouncers.list', {})).toEqual([
      expect.objectContaining({ term: 'Raghunathan', phonetic: 'RAH-goo-NAH-tun' }),
    ]);
    await call('pronouncers.save', { term: 'raghunathan', phonetic: 'rah-goo-NAH-tun' });
    await call('pronouncers.save', { term: 'Nguyen', phonetic: 'WIN' });
    expect((await call('pronouncers.list', {})).map((p) => [p.term, p.phonetic])).toEqual([
      ['Nguyen', 'WIN'],
      ['raghunathan', 'rah-goo-NAH-tun'],
    ]);
    await call('pronouncers.delete', { term: 'NGUYEN' });
    expect(await call('pronouncers.list', {})).toHaveLength(1);
    // A tab pasted into the dictionary becomes a space: the entry can go into a story's text.
    await call('pronouncers.save', { term: 'Mwangi', phonetic: 'MWAHN\tgee' });
    expect(await call('pronouncers.list', {})).toContainEqual(
      expect.objectContaining({ term: 'Mwangi', phonetic: 'MWAHN gee' }),
    );
    await expect(call('pronouncers.delete', { term: 'nobody' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('one case fold for names, in JavaScript and in the archive', () => {
  const pronounced = (text: string, pronouncer: string): Story['body'] => [
    { type: 'paragraph', runs: [{ text: 'Hello ' }, { text, pronouncer }] },
  ];

  // SQLite's NOCASE folds ASCII only: these were two dictionary entries and two tags.
  it('“Émile” and “émile” are one pronouncer, the latest spelling winning', async () => {
    const { call } = setup();
    const first = await call('stories.create', {});
    await call('stories.save', {
      story: { ...first, body: pronounced('Émile', 'ay-MEEL') },
      baseUpdatedAt: first.updatedAt,
    });
    const second = await call('stories.create', {});
    await call('stories.save', {
      story: { ...second, body: pronounced('émile', 'ay-MEAL') },
      baseUpdatedAt: second.updatedAt,
    });
    expect((await call('pronouncers.list', {})).map((p) => [p.term, p.phonetic])).toEqual([
      ['émile', 'ay-MEAL'],
    ]);
    await call('pronouncers.delete', { term: 'E\u0301MILE' });
    expect(await call('pronouncers.list', {})).toEqual([]);
  });

  it('“Élection” and “élection” are one tag, renamed and filtered by either spelling', async () => {
    const { call } = setup();
    for (const tags of [['Élection'], ['élection', 'budget']]) {
      const s = await call('stories.create', {});
      await call('stories.save', { story: { ...s, tags }, baseUpdatedAt: s.updatedAt });
    }
    expect(await call('tags.list', {})).toEqual([
      { name: 'Élection', count: 2 },
      { name: 'budget', count: 1 },
    ]);
    expect((await call('stories.list', { tag: 'ÉLECTION' })).total).toBe(2);
    expect(await call('tags.rename', { from: 'élection', to: 'Vote' })).toEqual({
      stories: 2,
      merged: false,
    });
    expect(await call('tags.rename', { from: 'VOTE', to: 'Budget' })).toEqual({
      stories: 2,
      merged: true,
    });
    expect(await call('tags.list', {})).toEqual([{ name: 'budget', count: 2 }]);
  });

  it('refuses a story tagged twice with one name, by the same fold', async () => {
    const { call } = setup();
    const s = await call('stories.create', {});
    await expect(
      call('stories.save', {
        story: { ...s, tags: ['Straße', 'STRASSE'] },
        baseUpdatedAt: s.updatedAt,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('settings', () => {
  it('stores presenters and re-times stored stories at their rates', async () => {
    const { call } = setup();
    const story = await call('stories.create', {});
    await call('stories.save', {
      story: {
        ...story,
        presenter: 'Dana Reyes',
        body: [{ type: 'paragraph', runs: [{ text: words(150) }] }],
      },
      baseUpdatedAt: story.updatedAt,
    });
    expect((await call('stories.list', {})).items[0]!.readSec).toBe(50);
    await call('settings.save', {
      displayName: 'Sam Editor',
      defaults: DEFAULT_READ_RATES,
      presenters: [{ name: 'Dana Reyes', rates: { ...DEFAULT_READ_RATES, wordsPerMinute: 150 } }],
    });
    expect((await call('stories.list', {})).items[0]!.readSec).toBe(60);
    expect((await call('settings.get', {})).displayName).toBe('Sam Editor');
  });

  it('refuses a presenter listed twice', async () => {
    const { call } = setup();
    const dana = { name: 'Dana', rates: DEFAULT_READ_RATES };
    await expect(
      call('settings.save', { presenters: [dana, { ...dana, name: 'DANA' }] }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('tag management', () => {
  it('renames, merges and deletes tags across stories, with counts', async () => {
    const { call } = setup();
    const tagged = async (tags: string[]) => {
      const s = await call('stories.create', {});
      return call('stories.save', { story: { ...s, tags }, baseUpdatedAt: s.updatedAt });
    };
    const a = await tagged(['fire', 'Port']);
    const b = await tagged(['Fires', 'port']);
    await tagged(['weather']);
    expect(await call('tags.rename', { from: 'fire', to: 'Fire' })).toEqual({
      stories: 1,
      merged: false,
    });
    expect(await call('tags.rename', { from: 'Fires', to: 'fire' })).toEqual({
      stories: 1,
      merged: true,
    });
    expect(await call('tags.list', {})).toEqual([
      { name: 'Fire', count: 2 },
      { name: 'Port', count: 2 },
      { name: 'weather', count: 1 },
    ]);
    expect((await call('stories.get', { id: b.id })).tags).toEqual(['Fire', 'Port']);
    expect(await call('tags.delete', { name: 'port' })).toEqual({ stories: 2 });
    expect((await call('stories.get', { id: a.id })).tags).toEqual(['Fire']);
    await expect(call('tags.delete', { name: 'nothing' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
