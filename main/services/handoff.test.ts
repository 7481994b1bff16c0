import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../archive/open';
import { createServices, invokeService } from './serviceTable';
import type { Channel, Input, Output } from '../../shared/ipc/contract';
import type { Story } from '../../shared/story/model';

const open: Archive[] = [];
afterEach(() => open.splice(0).forEach((a) => a.close()));

// The newsroom's wall clock, which both machines read (a second passes at every reading).
let wall = Date.parse('2026-11-28T09:00:00Z');
const now = () => new Date((wall += 1000));

/** One newsroom machine: its own archive and its own user. */
async function machine(user: string) {
  const archive = openArchive(
    join(mkdtempSync(join(tmpdir(), 'copydesk-handoff-')), 'archive.sqlite'),
  );
  open.push(archive);
  const services = createServices({ archive, version: 'test', now });
  const call = async <K extends Channel>(channel: K, input: Input<K>): Promise<Output<K>> => {
    const result = await invokeService(services, channel, input);
    if (!result.ok)
      throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as Output<K>;
  };
  await call('settings.save', { displayName: user });
  const send = async (id: string) => {
    const file = await call('stories.handoff', { id });
    return { name: file.fileName, dataBase64: Buffer.from(file.data, 'utf8').toString('base64') };
  };
  const receive = async (file: { name: string; dataBase64: string }) =>
    (await call('import.files', { files: [file] })).merged;
  return { call, send, receive };
}

const text = (story: Story, words: string): Story => ({
  ...story,
  body: [{ type: 'paragraph', runs: [{ text: words }] }],
});
const readText = (story: Story) =>
  story.body
    .map((b) => (b.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : ''))
    .join('|');

describe('hand-off packages between two machines', () => {
  it('adds, fast-forwards, keeps the newer side, and reports a conflict without overwriting', async () => {
    const reporter = await machine('Kim Reporter');
    const editor = await machine('Sam Editor');

    const draft = await reporter.call('stories.create', { slug: 'BRIDGE VOTE' });
    const v1 = await reporter.call('stories.save', {
      story: text(draft, 'The council voted to close the bridge.'),
      baseUpdatedAt: draft.updatedAt,
    });
    const thread = '7b0a4c1e-2f3d-4e5a-8b6c-9d0e1f2a3b4c';
    await reporter.call('comments.add', {
      storyId: draft.id,
      threadId: thread,
      body: 'Check the vote count',
      quote: 'voted',
    });

    // First hand-off: the editor has never seen the story.
    expect(await editor.receive(await reporter.send(draft.id))).toEqual([
      { id: draft.id, slug: 'BRIDGE VOTE', result: 'added' },
    ]);
    expect(readText(await editor.call('stories.get', { id: draft.id }))).toBe(
      'The council voted to close the bridge.',
    );
    expect(
      (await editor.call('stories.history', { id: draft.id })).revisions.map((r) => r.author),
    ).toEqual(['Kim Reporter', 'Kim Reporter']);
    expect((await editor.call('comments.list', { storyId: draft.id })).map((c) => c.body)).toEqual([
      'Check the vote count',
    ]);

    // The same package again changes nothing.
    expect((await editor.receive(await reporter.send(draft.id)))[0]!.result).toBe('unchanged');

    // The editor edits and sends it back: the reporter's archive moves forward to it.
    const atEditor = await editor.call('stories.get', { id: draft.id });
    await editor.call('stories.save', {
      story: text(atEditor, 'The council voted 7-2 to close the bridge.'),
      baseUpdatedAt: atEditor.updatedAt,
    });
    await editor.call('comments.resolve', { storyId: draft.id, threadId: thread, resolved: true });
    expect((await reporter.receive(await editor.send(draft.id)))[0]!.result).toBe('updated');
    expect(readText(await reporter.call('stories.get', { id: draft.id }))).toBe(
      'The council voted 7-2 to close the bridge.',
    );
    expect(
      (await reporter.call('stories.history', { id: draft.id })).revisions.map((r) => r.author),
    ).toEqual(['Sam Editor', 'Kim Reporter', 'Kim Reporter']);
    expect((await reporter.call('comments.list', { storyId: draft.id }))[0]!.resolvedBy).toBe(
      'Sam Editor',
    );

    // An older package does not roll the reporter back.
    const stale = await editor.send(draft.id);
    const atReporter = await reporter.call('stories.get', { id: draft.id });
    await reporter.call('stories.save', {
      story: text(atReporter, 'The council voted 7-2; the bridge closes Monday.'),
      baseUpdatedAt: atReporter.updatedAt,
    });
    expect((await reporter.receive(stale))[0]!.result).toBe('kept-local');

    // Both change it before the next hand-off: a conflict, the receiving side's text kept.
    const mine = await reporter.call('stories.get', { id: draft.id });
    await reporter.call('stories.save', {
      story: text(mine, 'Reporter wording.'),
      baseUpdatedAt: mine.updatedAt,
    });
    const theirsBase = await editor.call('stories.get', { id: draft.id });
    await editor.call('stories.save', {
      story: text(theirsBase, 'Editor wording.'),
      baseUpdatedAt: theirsBase.updatedAt,
    });
    expect((await reporter.receive(await editor.send(draft.id)))[0]!.result).toBe('conflict');
    expect(readText(await reporter.call('stories.get', { id: draft.id }))).toBe(
      'Reporter wording.',
    );
    const history = await reporter.call('stories.history', { id: draft.id });
    expect(history.conflict).not.toBeNull();
    const conflicting = await reporter.call('stories.revision', {
      id: draft.id,
      revisionId: history.conflict!,
    });
    expect(readText(conflicting)).toBe('Editor wording.');
    expect(v1.updatedAt < conflicting.updatedAt).toBe(true);

    // A person settles it: take theirs, recorded as a version of its own.
    const settled = await reporter.call('stories.resolveConflict', {
      id: draft.id,
      keep: 'theirs',
    });
    expect(readText(settled)).toBe('Editor wording.');
    const after = await reporter.call('stories.history', { id: draft.id });
    expect(after.conflict).toBeNull();
    expect(after.revisions[0]).toMatchObject({
      kind: 'merge',
      author: 'Kim Reporter',
      note: 'Took the version from the package',
    });
    await expect(
      reporter.call('stories.resolveConflict', { id: draft.id, keep: 'mine' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a damaged or newer package and leaves the archive as it was', async () => {
    const desk = await machine('Kim');
    const story = await desk.call('stories.create', { slug: 'ONE' });
    const good = JSON.parse(
      Buffer.from((await desk.send(story.id)).dataBase64, 'base64').toString('utf8'),
    );
    const before = await desk.call('stories.list', {});
    for (const bad of [
      { ...good, formatVersion: 2 },
      { ...good, head: 'nowhere' },
      { ...good, story: { ...good.story, body: 'x' } },
    ]) {
      const file = {
        name: 'bad.copydesk',
        dataBase64: Buffer.from(JSON.stringify(bad)).toString('base64'),
      };
      await expect(desk.call('import.files', { files: [file] })).rejects.toMatchObject({
        code: 'BAD_FILE',
      });
    }
    expect(await desk.call('stories.list', {})).toEqual(before);
  });
});
