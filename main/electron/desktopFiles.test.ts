import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Input, Output } from '../../shared/ipc/contract';
import type { Channel } from '../../shared/ipc/contract';
import { openArchive, type Archive } from '../archive/open';
import { createServices, invokeService } from '../services/serviceTable';
import { createDesktopFiles } from './desktopFiles';
import { readPickedFile, type NativeDialogs } from './dialogs';

// The desktop app's file I/O, in main: real services over a real archive, real files in a
// temporary folder, and Electron's dialogs replaced by answers given in advance.

const open: Archive[] = [];
afterEach(() => open.splice(0).forEach((a) => a.close()));

/** What the user will answer when a dialog opens; a test sets them before it acts. */
type Answers = { saveAt?: string; folder?: string; replace?: boolean; picked?: string[] };

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-files-'));
  const archive = openArchive(join(dir, 'archive.sqlite'));
  open.push(archive);
  const services = createServices({ archive, version: 'test' });
  const answers: Answers = {};
  const opened = new Map<string, string>();
  const asked: string[] = [];
  const dialogs: Pick<
    NativeDialogs,
    'chooseSaveFile' | 'chooseFolder' | 'confirmReplace' | 'pickImportPaths'
  > = {
    chooseSaveFile: async (name) => (asked.push(`save ${name}`), answers.saveAt ?? null),
    chooseFolder: async (count) => (asked.push(`folder for ${count}`), answers.folder ?? null),
    confirmReplace: async (_folder, names) => (
      asked.push(`replace ${names.join(', ')}`),
      answers.replace ?? false
    ),
    pickImportPaths: async () => (asked.push('pick'), answers.picked ?? []),
  };
  const files = createDesktopFiles({
    services: () => services,
    dialogs,
    readImportFile: readPickedFile,
    openedPath: (id) => {
      const path = opened.get(id);
      opened.delete(id);
      return path;
    },
  });
  const call = async <K extends Channel>(channel: K, input: Input<K>): Promise<Output<K>> => {
    const result = await invokeService(services, channel, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as Output<K>;
  };
  const story = async (slug: string, tags: string[] = []) => {
    const created = await call('stories.create', { slug, format: 'READER' });
    return call('stories.save', {
      story: {
        ...created,
        tags,
        body: [{ type: 'paragraph', runs: [{ text: `${slug} tonight.` }] }],
      },
      baseUpdatedAt: created.updatedAt,
    });
  };
  const folder = (name: string) => {
    const path = join(dir, name);
    mkdirSync(path);
    return path;
  };
  return { dir, files, answers, asked, opened, call, story, folder };
}

describe('exporting from the desktop app', () => {
  it('writes a one-file export where the save dialog said, and asks nothing else', async () => {
    const { dir, files, answers, asked, story } = setup();
    await story('HARBOR BRIDGE');
    await story('COUNCIL VOTE');
    answers.saveAt = join(dir, 'show.rtf');
    expect(await files.exportTo({ selection: { all: true }, format: 'prompter-rtf' })).toEqual({
      saved: true,
      paths: [answers.saveAt],
      folder: null,
    });
    expect(asked).toEqual([expect.stringMatching(/^save 2-stories-\d{4}-\d\d-\d\d\.rtf$/)]);
    const rtf = readFileSync(answers.saveAt, 'latin1');
    expect(rtf).toMatch(/^\{\\rtf1/);
    expect(rtf.indexOf('HARBOR BRIDGE')).toBeLessThan(rtf.indexOf('COUNCIL VOTE'));

    // A binary format is written as its bytes.
    answers.saveAt = join(dir, 'show.pdf');
    await files.exportTo({ selection: { all: true }, format: 'pdf' });
    expect(readFileSync(answers.saveAt).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('asks once for a folder for a per-story format, and writes one file per story there', async () => {
    const { files, answers, asked, story, folder } = setup();
    await story('HARBOR BRIDGE', ['city']);
    await story('COUNCIL VOTE', ['city']);
    await story('HARBOR BRIDGE', ['city']);
    answers.folder = folder('inews');
    const saved = await files.exportTo({ selection: { tag: 'city' }, format: 'nsml' });
    expect(asked).toEqual(['folder for 3']);
    expect(saved).toEqual({
      saved: true,
      folder: answers.folder,
      paths: ['HARBOR-BRIDGE.nsml', 'COUNCIL-VOTE.nsml', 'HARBOR-BRIDGE-2.nsml'].map((f) =>
        join(answers.folder!, f),
      ),
    });
    expect(readdirSync(answers.folder).sort()).toEqual([
      'COUNCIL-VOTE.nsml',
      'HARBOR-BRIDGE-2.nsml',
      'HARBOR-BRIDGE.nsml',
    ]);
    expect(readFileSync(join(answers.folder, 'COUNCIL-VOTE.nsml'), 'utf8')).toContain(
      'COUNCIL VOTE tonight.',
    );
  });

  it('one story in a per-story format is one file: a save dialog, not a folder', async () => {
    const { dir, files, answers, asked, story } = setup();
    const s = await story('HARBOR BRIDGE');
    answers.saveAt = join(dir, 'bridge.srt');
    await files.exportTo({ selection: { ids: [s.id] }, format: 'srt' });
    expect(asked).toEqual(['save HARBOR-BRIDGE.srt']);
    expect(readFileSync(answers.saveAt, 'utf8')).toContain('HARBOR BRIDGE tonight.');
  });

  it('asks before replacing files already in the folder; no means nothing is written', async () => {
    const { files, answers, asked, story, folder } = setup();
    await story('HARBOR BRIDGE');
    await story('COUNCIL VOTE');
    answers.folder = folder('captions');
    writeFileSync(join(answers.folder, 'COUNCIL-VOTE.vtt'), 'mine');

    expect(await files.exportTo({ selection: { all: true }, format: 'vtt' })).toEqual({
      saved: false,
    });
    expect(asked).toEqual(['folder for 2', 'replace COUNCIL-VOTE.vtt']);
    expect(readdirSync(answers.folder)).toEqual(['COUNCIL-VOTE.vtt']);
    expect(readFileSync(join(answers.folder, 'COUNCIL-VOTE.vtt'), 'utf8')).toBe('mine');

    answers.replace = true;
    await files.exportTo({ selection: { all: true }, format: 'vtt' });
    expect(readdirSync(answers.folder).sort()).toEqual(['COUNCIL-VOTE.vtt', 'HARBOR-BRIDGE.vtt']);
    expect(readFileSync(join(answers.folder, 'COUNCIL-VOTE.vtt'), 'utf8')).toMatch(/^WEBVTT/);
  });

  it('a file that cannot be written leaves none of the export behind, and says why', async () => {
    const { files, answers, story, folder } = setup();
    await story('HARBOR BRIDGE');
    await story('COUNCIL VOTE');
    answers.folder = folder('blocked');
    // A folder where one of the files should go: that file cannot be put in place.
    mkdirSync(join(answers.folder, 'HARBOR-BRIDGE.nsml'));
    answers.replace = true;
    await expect(files.exportTo({ selection: { all: true }, format: 'nsml' })).rejects.toThrow(
      /could not write “HARBOR-BRIDGE\.nsml” in .*blocked .*Nothing was exported\./,
    );
    expect(readdirSync(answers.folder)).toEqual(['HARBOR-BRIDGE.nsml']);

    answers.saveAt = join(answers.folder, 'no such folder', 'show.txt');
    await expect(
      files.exportTo({ selection: { all: true }, format: 'prompter-txt' }),
    ).rejects.toMatchObject({
      code: 'BAD_FILE',
      message: expect.stringContaining('(the folder is not there)'),
    });
  });

  it('says an empty selection before opening any dialog, and a cancelled dialog writes nothing', async () => {
    const { dir, files, asked, story } = setup();
    await expect(
      files.exportTo({ selection: { tag: 'nothing' }, format: 'prompter-txt' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(asked).toEqual([]);
    await story('HARBOR BRIDGE');
    expect(await files.exportTo({ selection: { all: true }, format: 'md' })).toEqual({
      saved: false,
    });
    expect(readdirSync(dir).filter((f) => !f.startsWith('archive.sqlite'))).toEqual([]);
  });

  it('saves a story’s hand-off package where the user says, and it imports back', async () => {
    const { dir, files, answers, asked, story } = setup();
    const s = await story('HARBOR BRIDGE');
    answers.saveAt = join(dir, 'bridge.copydesk');
    await files.handoffTo({ id: s.id });
    expect(asked).toEqual(['save HARBOR-BRIDGE.copydesk']);
    expect(JSON.parse(readFileSync(answers.saveAt, 'utf8'))).toMatchObject({
      format: 'copydesk-handoff',
      story: { id: s.id },
    });
  });
});

describe('importing in the desktop app', () => {
  it('reads the picked files in main and imports them', async () => {
    const { dir, files, answers, call } = setup();
    writeFileSync(join(dir, 'a.txt'), 'HARBOR BRIDGE\n\nThe bridge closes tonight.');
    writeFileSync(join(dir, 'b.txt'), 'COUNCIL VOTE\n\nThe council votes tonight.');
    answers.picked = [join(dir, 'a.txt'), join(dir, 'b.txt')];
    const outcome = await files.importPicked();
    expect(outcome?.stories.map((s) => s.slug)).toEqual(['HARBOR BRIDGE', 'COUNCIL VOTE']);
    expect((await call('stories.list', {})).total).toBe(2);

    answers.picked = [];
    expect(await files.importPicked()).toBeNull();
  });

  it('refuses a file over the import limit and imports nothing of the batch', async () => {
    const { dir, files, answers, call } = setup();
    writeFileSync(join(dir, 'a.txt'), 'HARBOR BRIDGE\n\nThe bridge closes tonight.');
    writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(8 * 1024 * 1024 + 1, 'a'));
    answers.picked = [join(dir, 'a.txt'), join(dir, 'huge.txt')];
    await expect(files.importPicked()).rejects.toThrow(/huge\.txt/);
    expect((await call('stories.list', {})).total).toBe(0);
  });

  it('imports more files than one call takes, checking every batch before the first goes in', async () => {
    const { dir, files, answers, call } = setup();
    const names = Array.from({ length: 230 }, (_, i) => `story-${String(i).padStart(3, '0')}.txt`);
    names.forEach((name, i) => writeFileSync(join(dir, name), `STORY-${i}\n\nRead copy ${i}.`));
    answers.picked = names.map((n) => join(dir, n));
    const outcome = await files.importPicked();
    expect(outcome?.stories).toHaveLength(230);
    expect(outcome?.stories.at(-1)?.slug).toMatch(/^STORY-229/);
    expect((await call('stories.list', {})).total).toBe(230);

    // A broken file in the last batch: nothing of the first two batches goes in either.
    const { dir: other, files: again, answers: picking, call: listing } = setup();
    names.forEach((name, i) => writeFileSync(join(other, name), `STORY-${i}\n\nRead copy ${i}.`));
    writeFileSync(join(other, names[229]!), Buffer.from([0xff, 0x00, 0xfe, 0x00, 0x00, 0x00]));
    picking.picked = names.map((n) => join(other, n));
    await expect(again.importPicked()).rejects.toThrow(/story-229\.txt/);
    expect((await listing('stories.list', {})).total).toBe(0);
  });

  it('imports a hand-off the OS opened, once per request', async () => {
    const exporter = setup();
    const s = await exporter.story('HARBOR BRIDGE');
    exporter.answers.saveAt = join(exporter.dir, 'bridge.copydesk');
    await exporter.files.handoffTo({ id: s.id });

    const { files, opened } = setup();
    const requestId = '6f1d3c1e-8a7b-4f7e-9a53-0b7c2a5d9e10';
    opened.set(requestId, exporter.answers.saveAt);
    expect(await files.importOpened(requestId)).toMatchObject({
      merged: [{ id: s.id, slug: 'HARBOR BRIDGE', result: 'added' }],
    });
    await expect(files.importOpened(requestId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(existsSync(exporter.answers.saveAt)).toBe(true);
  });
});
