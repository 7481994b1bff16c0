import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../archive/open';
import { putStory } from '../archive/stories';
import { createServices, invokeService } from './serviceTable';
import { everyBlockStory } from '../../shared/story/testing/scripts';
import { makeStory } from '../../shared/story/testing/makeStory';
import type { Channel, Input, Output } from '../../shared/ipc/contract';
import type { Story } from '../../shared/story/model';
import { parseStoryFile } from '../../shared/exchange/storyFile';

const FIXTURES = new URL('../../fixtures/nsml/', import.meta.url).pathname;

function archiveWith(stories: Story[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-formats-'));
  const path = join(dir, 'a.sqlite');
  const archive = openArchive(path);
  for (const s of stories) putStory(archive.db, s);
  const services = createServices({ archive, version: '9.9.9' });
  const call = async <K extends Channel>(channel: K, input: Input<K>) => {
    const r = await invokeService(services, channel, input);
    return r as
      { ok: true; value: Output<K> } | { ok: false; error: { code: string; message: string } };
  };
  return { dir, path, archive, call };
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('story file: export → import round-trips exactly', () => {
  it('brings every story back identical, ids and timestamps included, into another archive', async () => {
    const show = [everyBlockStory(), makeStory({ slug: 'WEATHER', tags: ['weather'] })];
    const source = archiveWith(show);
    const exported = await source.call('export.stories', {
      selection: { all: true },
      format: 'json',
    });
    if (!exported.ok) throw new Error(exported.error.message);
    const [file] = exported.value.files;
    expect(file!.fileName).toMatch(/^2-stories-\d{4}-\d{2}-\d{2}\.json$/);
    const pkg = parseStoryFile(file!.data);
    expect(pkg.ok && pkg.value).toMatchObject({
      format: 'copydesk-story-package',
      formatVersion: 1,
      generator: 'Copydesk 9.9.9',
    });

    const target = archiveWith();
    const imported = await target.call('import.files', {
      files: [{ name: file!.fileName, dataBase64: b64(file!.data) }],
    });
    expect(imported.ok).toBe(true);
    for (const story of show) {
      const back = await target.call('stories.get', { id: story.id });
      expect(back.ok && back.value).toEqual(story);
    }
    // The same package again: the archive keeps its stories and adds copies with new ids.
    const again = await target.call('import.files', {
      files: [{ name: 'again.json', dataBase64: b64(file!.data) }],
    });
    expect(
      again.ok && again.value.stories.map((s) => s.id).some((id) => show.some((s) => s.id === id)),
    ).toBe(false);
    const list = await target.call('stories.list', {});
    expect(list.ok && list.value.total).toBe(4);
  });

  it('refuses a damaged or newer package with a clear message and leaves the archive untouched', async () => {
    const target = archiveWith([makeStory()]);
    const broken =
      '{"format": "copydesk-story-package", "formatVersion": 1, "stories": [{"id": 3}]}';
    const newer = '{"format": "copydesk-story-package", "formatVersion": 7, "stories": []}';
    const r1 = await target.call('import.files', {
      files: [{ name: 'broken.json', dataBase64: b64(broken) }],
    });
    const r2 = await target.call('import.files', {
      files: [{ name: 'newer.json', dataBase64: b64(newer) }],
    });
    expect(!r1.ok && r1.error.message).toMatch(
      /“broken.json” looks like a Copydesk story file, but it is not a valid Copydesk story file .*Nothing was imported/,
    );
    expect(!r2.ok && r2.error.message).toMatch(/written by a newer Copydesk \(package version 7\)/);
    const list = await target.call('stories.list', {});
    expect(list.ok && list.value.total).toBe(1);
  });
});

describe('import.files decides by content', () => {
  it('reads NSML 4.1 and 1.0 files beside a plain-text script, all or nothing', async () => {
    const target = archiveWith();
    const files = ['harbor-4.1.nsml', 'harbor-1.0.nsml'].map((name) => ({
      name,
      dataBase64: readFileSync(FIXTURES + name).toString('base64'),
    }));
    const r = await target.call('import.files', {
      files: [...files, { name: 'plain.txt', dataBase64: b64('SLUG: PLAIN\n\nJust read this.') }],
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.stories.map((s) => [s.slug, s.format])).toEqual([
      ['HARBOR BRIDGE', 'PKG'],
      ['HARBOR BRIDGE', 'PKG'],
      ['PLAIN', 'READER'],
    ]);
    const a = await target.call('stories.get', { id: r.value.stories[0]!.id });
    const b = await target.call('stories.get', { id: r.value.stories[1]!.id });
    expect(a.ok && b.ok && a.value.body).toEqual(b.ok && b.value.body);
    expect(a.ok && a.value.page).toBe('B4');

    const bad = await target.call('import.files', {
      files: [
        ...files,
        { name: 'photo.nsml', dataBase64: Buffer.from([0, 1, 2, 0xff]).toString('base64') },
      ],
    });
    expect(!bad.ok && bad.error.message).toMatch(/“photo.nsml” is a binary file/);
    const list = await target.call('stories.list', {});
    expect(list.ok && list.value.total).toBe(3);
  });
});

describe('the order of a show', () => {
  it('is the order the stories were written, even when they were created in one millisecond (it came out A, C, B, E, D)', async () => {
    const at = '2026-11-28T10:00:00.000Z';
    const slugs = ['A', 'B', 'C', 'D', 'E'];
    // Last touched in another order than they were written.
    const stories = slugs.map((slug, i) =>
      makeStory({
        slug,
        tags: ['show'],
        createdAt: at,
        updatedAt: `2026-11-28T1${[3, 1, 4, 0, 2][i]}:00:00.000Z`,
      }),
    );
    const { call } = archiveWith(stories);
    for (const selection of [{ all: true as const }, { tag: 'show' }]) {
      const exported = await call('export.stories', { selection, format: 'json' });
      if (!exported.ok) throw new Error(exported.error.message);
      const pkg = parseStoryFile(exported.value.files[0]!.data);
      expect(pkg.ok && pkg.value.stories.map((s) => s.slug)).toEqual(slugs);
    }
  });
});
