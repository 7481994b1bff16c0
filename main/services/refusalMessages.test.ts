import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../archive/open';
import { createServices, invokeService } from './serviceTable';
import type { Story } from '../../shared/story/model';
import { expectUserWords } from './testing/userWords';

const open: Archive[] = [];
afterEach(() => open.splice(0).forEach((a) => a.close()));

function setup() {
  const archive = openArchive(join(mkdtempSync(join(tmpdir(), 'copydesk-words-')), 'a.sqlite'));
  open.push(archive);
  const services = createServices({ archive, version: 'test' });
  const refusal = async (channel: string, input: unknown) => {
    const result = await invokeService(services, channel, input);
    expect(result.ok, channel).toBe(false);
    const { error } = result as { ok: false; error: { code: string; message: string } };
    expectUserWords(error.message, channel);
    return error;
  };
  const created = async () => {
    const result = await invokeService(services, 'stories.create', {});
    return (result as { ok: true; value: Story }).value;
  };
  return { refusal, created };
}

describe('every refusal says, in the user’s words, what was wrong', () => {
  it('an export option out of range names the option, not "options.captionLineChars"', async () => {
    const { refusal, created } = setup();
    const story = await created();
    expect(
      await refusal('export.stories', {
        selection: { ids: [story.id] },
        format: 'srt',
        options: { captionLineChars: 5 },
      }),
    ).toEqual({
      code: 'INVALID_INPUT',
      message: 'A caption line is at least 20 characters.',
    });
  });

  it('a show’s title and a row’s name are named as such, not as a speaker’s title or "part of the request"', async () => {
    const { refusal } = setup();
    expect(
      await refusal('rundowns.create', { title: '6 PM\u0000NEWS', airDate: '2026-11-30' }),
    ).toMatchObject({ message: expect.stringMatching(/^The show’s title must not contain/) });
    expect(
      await refusal('rundowns.addRow', {
        id: '2b4cbe64-52d8-4a4c-9d6c-1f1f0f6a8a11',
        row: { kind: 'item', label: 'WEATHER\u0000WALL', estSec: 30 },
      }),
    ).toMatchObject({ message: expect.stringMatching(/^The row’s name must not contain/) });
  });

  it('a malformed story id in an export says so, not "Invalid UUID (at selection.ids.0)"', async () => {
    const { refusal } = setup();
    expect(
      await refusal('export.stories', { selection: { ids: ['not-an-id'] }, format: 'md' }),
    ).toEqual({
      code: 'INVALID_INPUT',
      message: 'One of the stories chosen is not named by a valid id.',
    });
  });

  it('a NUL in a slug is refused in words, on create and on save, not INTERNAL', async () => {
    const { refusal, created } = setup();
    const expected = {
      code: 'INVALID_INPUT',
      message: 'The slug must not contain line breaks or control characters (such as NUL).',
    };
    expect(await refusal('stories.create', { slug: 'FIRE\u0000' })).toEqual(expected);
    const story = await created();
    expect(
      await refusal('stories.save', {
        story: { ...story, slug: 'FIRE\u0000' },
        baseUpdatedAt: story.updatedAt,
      }),
    ).toEqual(expected);
  });

  it('a lone surrogate in a slug is refused in words, not INTERNAL', async () => {
    const { refusal } = setup();
    expect(await refusal('stories.create', { slug: 'FLOOD \uD83D' })).toEqual({
      code: 'INVALID_INPUT',
      message:
        'The slug must not hold a broken character (half of a two-part character such as an emoji): retype it.',
    });
  });

  it('importing a story over 1,000,000 characters names the file and the limit, with no ZodError', async () => {
    const { refusal } = setup();
    const text = `LONG READ\n\n${'word '.repeat(210_000)}\n`;
    const error = await refusal('import.files', {
      files: [{ name: 'long.txt', dataBase64: Buffer.from(text).toString('base64') }],
    });
    expect(error).toEqual({
      code: 'BAD_FILE',
      message:
        '“long.txt” cannot be imported: the story is longer than 1,000,000 characters (a script is far shorter): split it into several stories. Nothing was imported.',
    });
  });

  it('a missing field and a wrong type are named the way a person would', async () => {
    const { refusal } = setup();
    expect((await refusal('comments.add', { storyId: crypto.randomUUID() })).message).toBe(
      'The comment thread is missing.',
    );
    expect((await refusal('settings.save', { displayName: 42 })).message).toBe(
      'Your name must be text.',
    );
    expect((await refusal('tags.rename', { from: 'fire', to: '' })).message).toBe(
      'A tag must not be empty.',
    );
  });
});
