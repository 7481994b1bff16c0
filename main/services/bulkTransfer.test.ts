import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openArchive } from '../archive/open';
import { getStory } from '../archive/stories';
import { headRevisionId, listRevisions } from '../archive/revisions';
import { listPronouncers } from '../archive/pronouncers';
import { makeStory } from '../../shared/story/testing/makeStory';
import { createServices, invokeService } from './serviceTable';

describe('import.stories', () => {
  const services = () => {
    const archive = openArchive(':memory:');
    return { archive, services: createServices({ archive, version: 'test' }) };
  };

  it('validates every story and keeps ids and timestamps', async () => {
    const { archive, services: s } = services();
    const story = makeStory({
      updatedAt: '2019-03-01T10:00:00.000Z',
      body: [
        {
          type: 'paragraph',
          runs: [{ text: 'Minister ' }, { text: 'Raghunathan', pronouncer: 'RAH-goo-NAH-tun' }],
        },
      ],
    });
    expect(await invokeService(s, 'import.stories', { stories: [story] })).toEqual({
      ok: true,
      value: { imported: 1 },
    });
    expect(getStory(archive.db, story.id)).toEqual(story);
    // Its history starts with the import, and the dictionary learns its pronouncers.
    expect(listRevisions(archive.db, story.id)).toMatchObject([{ number: 1, kind: 'import' }]);
    expect(headRevisionId(archive.db, story.id)).toBe(listRevisions(archive.db, story.id)[0]!.id);
    expect(listPronouncers(archive.db)).toMatchObject([
      { term: 'Raghunathan', phonetic: 'RAH-goo-NAH-tun' },
    ]);

    const bad = { ...makeStory(), body: [{ type: 'hologram' }] };
    const refused = await invokeService(s, 'import.stories', { stories: [makeStory(), bad] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(archive.db.prepare('SELECT count(*) AS n FROM stories').get()).toEqual({ n: 1 });
  });

  it('says which story is already there, and imports nothing from that batch', async () => {
    const { archive, services: s } = services();
    const story = makeStory({ slug: 'HARBOR BRIDGE' });
    await invokeService(s, 'import.stories', { stories: [story] });
    const again = await invokeService(s, 'import.stories', { stories: [makeStory(), story] });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!again.ok && again.error.message).toContain('HARBOR BRIDGE');
    expect(archive.db.prepare('SELECT count(*) AS n FROM stories').get()).toEqual({ n: 1 });
  });

  it('refuses the same id twice in one batch', async () => {
    const { services: s } = services();
    const story = makeStory();
    const twice = await invokeService(s, 'import.stories', { stories: [story, story] });
    expect(twice).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!twice.ok && twice.error.message).toContain('appears twice');
  });

  it('exports stories by id in the order given, and names none that is missing', async () => {
    const { services: s } = services();
    const [a, b] = [makeStory({ slug: 'ALPHA' }), makeStory({ slug: 'BRAVO' })];
    await invokeService(s, 'import.stories', { stories: [a, b] });
    const file = await invokeService(s, 'export.stories', {
      selection: { ids: [b!.id, a!.id] },
      format: 'prompter-txt',
    });
    const text = file.ok ? (file.value as { files: { data: string }[] }).files[0]!.data : '';
    expect(text.indexOf('BRAVO')).toBeLessThan(text.indexOf('ALPHA'));
    const missing = await invokeService(s, 'export.stories', {
      selection: { ids: [a!.id, randomUUID()] },
      format: 'prompter-txt',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
