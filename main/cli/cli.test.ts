import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorkspace } from './testing/cliWorkspace';

const fixture = new URL('../../fixtures/harbor-bridge.txt', import.meta.url);

const workspace = cliWorkspace;

describe('copydesk CLI round trip on a temporary archive', () => {
  it('imports, lists, searches, shows and exports a script', async () => {
    const { dir, run } = workspace();
    const script = join(dir, 'harbor-bridge.txt');
    copyFileSync(fixture, script);

    const imported = await run('import', script, '--json');
    expect(imported.code).toBe(0);
    const { stories } = JSON.parse(imported.stdout) as {
      stories: { id: string; slug: string; tags: string[] }[];
    };
    expect(stories).toHaveLength(1);
    const [story] = stories;
    expect(story!.tags).toEqual(['transport', 'HarborBridge', 'infrastructure']);

    const listed = JSON.parse((await run('list', '--json')).stdout) as { items: { id: string }[] };
    expect(listed.items.map((s) => s.id)).toEqual([story!.id]);

    const found = JSON.parse((await run('search', 'ferry', 'operators', '--json')).stdout) as {
      id: string;
      highlights: string[];
    }[];
    expect(found.map((h) => h.id)).toEqual([story!.id]);
    expect(found[0]!.highlights.map((h) => h.toLowerCase())).toContain('ferry');
    expect(JSON.parse((await run('search', 'submarine', '--json')).stdout)).toEqual([]);

    const shown = JSON.parse((await run('show', story!.id, '--json')).stdout) as {
      body: { type: string }[];
      reporter: string;
    };
    expect(shown.reporter).toBe('Park Ji-won');
    expect(shown.body.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'media']);
    expect(JSON.stringify(shown)).not.toMatch(/Facebook|12 Comments/);

    const txtPath = join(dir, 'out.txt');
    expect(
      (await run('export', '--story', story!.id, '--format', 'prompter-txt', '--out', txtPath))
        .code,
    ).toBe(0);
    const txt = readFileSync(txtPath, 'utf8');
    expect(txt).toContain('In less than six hours,... the Harbor Bridge will close');
    expect(txt).toContain('[PKG · Park Ji-won');

    const rtfPath = join(dir, 'out.rtf');
    expect(
      (
        await run(
          'export',
          '--tag',
          'transport',
          '--format',
          'prompter-rtf',
          '--cues',
          'hidden',
          '--caps',
          '--out',
          rtfPath,
        )
      ).code,
    ).toBe(0);
    const rtf = readFileSync(rtfPath, 'latin1');
    expect(rtf.startsWith('{\\rtf1')).toBe(true);
    expect(rtf).toContain('IN LESS THAN SIX HOURS,...');
    expect(rtf).not.toContain('[PKG');
  });

  it('refuses a binary file and broken UTF-8 with a clear message, leaving the archive as it was', async () => {
    const { dir, run } = workspace();
    const good = join(dir, 'good.txt');
    copyFileSync(fixture, good);
    await run('import', good);
    const before = (await run('list', '--json')).stdout;

    const binary = join(dir, 'photo.bin');
    writeFileSync(binary, Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]));
    const broken = join(dir, 'latin1.txt');
    writeFileSync(broken, Buffer.from('Caf\xe9 news tonight', 'latin1'));
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');

    for (const [file, message] of [
      [binary, /binary file/],
      [broken, /not valid UTF-8.*position 3/],
      [empty, /is empty/],
    ] as const) {
      const result = await run('import', good, file);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toContain('Nothing was imported');
    }
    expect((await run('list', '--json')).stdout).toBe(before);
  });

  it('accepts a BOM and CRLF line ends', async () => {
    const { dir, run } = workspace();
    const file = join(dir, 'windows.txt');
    writeFileSync(file, `\uFEFF${readFileSync(fixture, 'utf8').replace(/\n/g, '\r\n')}`);
    const result = await run('import', file, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).stories[0].tags).toEqual([
      'transport',
      'HarborBridge',
      'infrastructure',
    ]);
  });

  it('says what is wrong with a command line', async () => {
    const { dir, run } = workspace();
    expect(await run('frobnicate')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown command'),
    });
    expect(await run('export', '--all')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--format'),
    });
    const script = join(dir, 'harbor-bridge.txt');
    copyFileSync(fixture, script);
    await run('import', script);
    expect(await run('show', 'not-a-uuid')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('is not named by a valid id'),
    });
    expect(await run('import', '/nonexistent/file.txt')).toMatchObject({
      code: 3,
      stderr: expect.stringContaining('no such file'),
    });
  });
});

describe('copydesk review and safety commands', () => {
  it('moves a story through the workflow, shows its history, and filters lists', async () => {
    const { dir, run } = workspace();
    const script = join(dir, 'harbor-bridge.txt');
    copyFileSync(fixture, script);
    const [story] = JSON.parse((await run('import', script, '--json')).stdout).stories as {
      id: string;
    }[];
    expect((await run('status', story!.id, 'ready')).stdout).toContain('Ready for review');
    expect(await run('status', story!.id, 'returned')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('needs a reason'),
    });
    expect(
      (await run('status', story!.id, 'returned', '--note', 'Check the dates', '--json')).code,
    ).toBe(0);
    expect(await run('status', story!.id, 'published')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('STATUS is one of'),
    });

    const history = JSON.parse((await run('history', story!.id, '--json')).stdout) as {
      revisions: { kind: string; note: string }[];
    };
    expect(history.revisions.map((r) => r.kind)).toEqual(['status', 'status', 'import']);
    expect(history.revisions[0]!.note).toBe('Check the dates');
    expect((await run('history', story!.id)).stdout).toMatch(
      /status → Returned\s+“Check the dates”/,
    );

    const listed = (...filters: string[]) =>
      run('list', ...filters, '--json').then(
        (r) => (JSON.parse(r.stdout) as { items: unknown[] }).items.length,
      );
    expect(await listed('--status', 'returned')).toBe(1);
    expect(await listed('--status', 'draft')).toBe(0);
    expect(await listed('--format', 'pkg', '--reporter', 'ji-won')).toBe(1);
    expect(await listed('--from', '2000-01-01', '--to', '2000-12-31')).toBe(0);
    expect(await run('list', '--from', 'yesterday')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('YYYY-MM-DD'),
    });
    const found = JSON.parse(
      (await run('search', 'ferry', '--status', 'returned', '--sort', 'date', '--json')).stdout,
    ) as unknown[];
    expect(found).toHaveLength(1);
  });

  it('backs up, checks and restores an archive', async () => {
    const { dir, archive, run } = workspace();
    const script = join(dir, 'harbor-bridge.txt');
    copyFileSync(fixture, script);
    await run('import', script);
    const backup = join(dir, 'backup.sqlite');
    expect((await run('backup', backup)).stdout).toContain('checked');
    await run('import', script);
    expect(JSON.parse((await run('list', '--json')).stdout).total).toBe(2);
    expect(await run('restore', backup)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--yes'),
    });
    const restored = await run('restore', backup, '--yes');
    expect(restored.stdout).toContain('kept at');
    expect(JSON.parse((await run('list', '--json')).stdout).total).toBe(1);
    expect((await run('check')).stdout).toContain('no problems');
    const notArchive = join(dir, 'notes.txt');
    writeFileSync(notArchive, 'just notes');
    expect(await run('restore', notArchive, '--yes')).toMatchObject({
      code: 4,
      stderr: expect.stringContaining('not a Copydesk archive'),
    });
    expect(archive).toContain('test.sqlite');
  });
});

describe('copydesk export refuses bad options in the user’s words, before rendering anything', () => {
  async function withTwoStories() {
    const w = workspace();
    const script = join(w.dir, 'harbor-bridge.txt');
    copyFileSync(fixture, script);
    expect((await w.run('import', script, script)).code).toBe(0);
    return w;
  }

  it('--font-size -5 names the flag and its limits (it got a parser message)', async () => {
    const { run } = await withTwoStories();
    const result = await run('export', '--all', '--format', 'prompter-rtf', '--font-size', '-5');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--font-size takes a whole number from 10 to 144');
    expect(result.stderr).not.toMatch(/fontSizePt|ambiguous|Invalid input/);
    const cps = await run(
      'export',
      '--all',
      '--format',
      'srt',
      '--out',
      'x',
      '--caption-cps',
      '99',
    );
    expect(cps.code).toBe(2);
    expect(cps.stderr).toContain('--caption-cps takes a whole number from 8 to 40');
    expect(cps.stderr).not.toMatch(/captionMaxCps/);
    const name = await run(
      'export',
      '--all',
      '--format',
      'pdf',
      '--out',
      'x.pdf',
      '--show-name',
      'x'.repeat(81),
    );
    expect(name.code).toBe(2);
    expect(name.stderr).toContain('--show-name: the show name is at most 80 characters');
  });

  it('--all --format srt without --out is refused before any story is rendered', async () => {
    const { run } = await withTwoStories();
    const result = await run('export', '--all', '--format', 'srt');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--format srt writes one file per story (2 here): give --out FOLDER',
    );
    // Nothing was rendered: no progress line was printed.
    expect(result.stderr).not.toMatch(/\[\d+\/\d+\]/);
    // One story to stdout is fine.
    const listed = JSON.parse((await run('list', '--json')).stdout) as { items: { id: string }[] };
    const one = await run('export', '--story', listed.items[0]!.id, '--format', 'srt');
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^1\r\n00:00:00,000 --> /);
  });
});
