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

const app = await startBrowserMode();
const browser = await launchBrowser();
const work = mkdtempSync(join(tmpdir(), 'copydesk-shots-'));
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  // tsx names functions with an `__name` helper that the page does not have.
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.goto(app.url);
  const exportStory = async (format: string, options: Record<string, unknown>) =>
    page.evaluate(
      async ([fields, extra, fmt, opts]) => {
        const call = async (channel: string, input: unknown) => {
          const response = await fetch(`api/${channel}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(input),
          });
          const result = (await response.json()) as { ok: boolean; value: never };
          if (!result.ok) throw new Error(JSON.stringify(result));
          return result.value as Record<string, unknown>;
        };
        const stories = (await call('stories.list', {})) as { items: { id: string }[] };
        let id = stories.items[0]?.id;
        if (!id) {
          const story = await call('stories.create', { format: 'VO/SOT' });
          const body = [...(fields.body as unknown[])];
          body.splice(3, 0, extra);
          await call('stories.save', {
            story: { ...story, ...fields, page: 'A3', body },
            baseUpdatedAt: story.updatedAt,
          });
          id = story.id as string;
        }
        const out = (await call('export.stories', {
          selection: { ids: [id] },
          format: fmt,
          options: opts,
        })) as { files: ExportFile[] };
        return out.files[0]!;
      },
      [showcase, hangul, format, options] as const,
    );

  const pdf = await exportStory('pdf', {});
  writeFileSync(join(work, 'script.pdf'), Buffer.from(pdf.data, 'base64'));
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '90',
    '-f',
    '1',
    '-l',
    '1',
    join(work, 'script.pdf'),
    join(work, 'page'),
  ]);
  renameSync(join(work, 'page-1.png'), join(OUT, 'print-script.png'));

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
