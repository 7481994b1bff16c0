// `npm run screenshots:formats`: the README's pictures of the station formats, made from the real
// app and its real exports: the export dialog in Chromium, page 1 of the two-column PDF (drawn
// by poppler's pdftoppm: `apt-get install poppler-utils`) and a prompter RTF as rtf.js, an RTF
// reader we did not write, renders it in Chromium.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, startBrowserMode } from '../e2e/harness';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const RTF_READER = new URL('../node_modules/rtf.js/dist/RTFJS.bundle.js', import.meta.url).pathname;
const showcase = JSON.parse(readFileSync(join(FIXTURES, 'showcase-story.json'), 'utf8')) as Record<
  string,
  unknown
>;
const hangul = {
  type: 'paragraph',
  runs: [{ text: '부산 소방본부는 오늘 아침 진화를 마쳤다고 밝혔습니다.' }],
};

type ExportFile = { fileName: string; encoding: 'utf8' | 'base64'; data: string };

const read = (text: string) => ({ type: 'paragraph', runs: [{ text }] });
const PRINT_ARABIC = {
  slug: 'CAIRO TALKS',
  format: 'PKG',
  page: 'B2',
  presenter: 'Dana Reyes',
  reporter: 'Leila Haddad',
  body: [
    { type: 'cue', text: 'ANCHOR ON CAM' },
    read('Talks on the harbor agreement resume in Cairo tomorrow (round 3), officials said.'),
    read('قال وزير الخارجية إن المحادثات ستستمر غداً في القاهرة (الجولة الثالثة) مع الوفد.'),
    read('وأضاف أن الطرفين اتفقا على جدول أعمال من 12 بنداً.'),
    { type: 'cue', text: 'TAKE PKG' },
    {
      type: 'media',
      kind: 'PKG',
      speaker: 'Leila Haddad',
      title: 'Harbor City News',
      inCue: 'The delegations met',
      outCue: 'Harbor City News.',
      durationSec: null,
      transcript:
        'The delegations met behind closed doors for six hours.\nأكد المتحدث أن الأجواء كانت إيجابية.\nLeila Haddad, Harbor City News.',
    },
    read('In Jerusalem, the talks were front-page news: השיחות יימשכו מחר.'),
    read('Viewers sent 📺 and 👏 by the thousand.'),
  ],
};
const PRINT_KOREAN = {
  slug: '부산 여객선 화재',
  format: 'VO/SOT',
  page: 'B3',
  presenter: 'Lee Sun',
  reporter: '김민지',
  body: [
    { type: 'cue', text: 'ANCHOR ON CAM' },
    read(
      '부산항에 정박해 있던 여객선에서 밤새 불이 났습니다,... 승객 300여 명은 모두 무사히 대피했습니다.',
    ),
    { type: 'cue', text: 'TAKE VO' },
    read('소방관 120명이 투입돼 불길을 잡는 데 여섯 시간이 걸렸습니다.'),
    {
      type: 'media',
      kind: 'SOT',
      speaker: '박준호',
      title: '부산소방본부 대장',
      inCue: '새벽 세 시쯤',
      outCue: '다행입니다.',
      durationSec: 14,
      transcript: '새벽 세 시쯤 신고가 들어왔고, 인명 피해가 없어서 다행입니다.',
    },
    read('해경은 정확한 화재 원인을 조사하고 있습니다.'),
  ],
};

/** The first pages of an exported PDF as PNGs in docs/screenshots, drawn by pdftoppm at 90 dpi. */
function pdfPages(file: ExportFile, names: readonly string[]): void {
  const pdf = join(work, 'export.pdf');
  writeFileSync(pdf, Buffer.from(file.data, 'base64'));
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '90',
    '-f',
    '1',
    '-l',
    String(names.length),
    pdf,
    join(work, 'page'),
  ]);
  names.forEach((name, i) => renameSync(join(work, `page-${i + 1}.png`), join(OUT, name)));
}

const app = await startBrowserMode();
const browser = await launchBrowser();
const work = mkdtempSync(join(tmpdir(), 'copydesk-shots-'));
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  // tsx names functions with an `__name` helper that the page does not have.
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.goto(app.url);
  /** One call to browser mode's API, made from the page as the app makes it. */
  const call = async (channel: string, input: unknown): Promise<Record<string, unknown>> =>
    page.evaluate(
      async ([c, i]) => {
        const response = await fetch(`api/${c}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(i),
        });
        const result = (await response.json()) as { ok: boolean; value: never };
        if (!result.ok) throw new Error(JSON.stringify(result));
        return result.value as Record<string, unknown>;
      },
      [channel, input] as const,
    );
  const exportStories = async (ids: string[], format: string, options: Record<string, unknown>) =>
    (
      (await call('export.stories', { selection: { ids }, format, options })) as {
        files: ExportFile[];
      }
    ).files[0]!;
  const exportStory = async (format: string, options: Record<string, unknown>) => {
    const stories = (await call('stories.list', {})) as { items: { id: string }[] };
    let id = stories.items[0]?.id;
    if (!id) {
      const story = await call('stories.create', { format: 'VO/SOT' });
      const body = [...(showcase.body as unknown[])];
      body.splice(3, 0, hangul);
      await call('stories.save', {
        story: { ...story, ...showcase, page: 'A3', body },
        baseUpdatedAt: story.updatedAt,
      });
      id = story.id as string;
    }
    return exportStories([id], format, options);
  };

  const pdf = await exportStory('pdf', {});
  pdfPages(pdf, ['print-script.png']);

  const rtf = await exportStory('prompter-rtf', { cues: 'red', fontSizePt: 28 });
  const reader = await browser.newPage({ viewport: { width: 900, height: 1100 } });
  await reader.setContent('<body style="margin:0;background:#fff"><main id="doc"></main></body>');
  await reader.addScriptTag({ path: RTF_READER });
  await reader.evaluate(async (text: string) => {
    const lib = (
      window as unknown as {
        RTFJS: { Document: new (b: ArrayBuffer) => { render(): Promise<HTMLElement[]> } };
      }
    ).RTFJS;
    const elements = await new lib.Document(new TextEncoder().encode(text).buffer).render();
    document.getElementById('doc')!.append(...elements);
  }, rtf.data);
  await reader.screenshot({ path: join(OUT, 'prompter-rtf.png') });
  await reader.close();

  // A printed show in other scripts: an Arabic story (with Hebrew, an English line quoting
  // Arabic, and an emoji) and a Korean one, each on its own page under the show's header.
  const ids: string[] = [];
  for (const fields of [PRINT_ARABIC, PRINT_KOREAN]) {
    const story = await call('stories.create', { format: fields.format });
    await call('stories.save', { story: { ...story, ...fields }, baseUpdatedAt: story.updatedAt });
    ids.push(story.id as string);
  }
  const show = await exportStories(ids, 'pdf', { showName: 'World Tonight' });
  pdfPages(show, ['print-arabic.png', 'print-korean.png']);

  await page.reload();
  await page.getByTestId('story-list').getByText('HARBOR BRIDGE CLOSES').click();
  await page.getByTestId('export').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByLabel('This story').check();
  await dialog.getByLabel('Teleprompter RTF (.rtf)').check();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUT, 'export-formats.png') });
} finally {
  await browser.close();
  await app.stop();
}
console.log(`Screenshots written to ${OUT}`);
