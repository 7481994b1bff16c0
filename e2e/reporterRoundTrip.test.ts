import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startBrowserMode, type RunningApp } from './harness';

const FIXTURE = new URL('../fixtures/harbor-bridge.txt', import.meta.url).pathname;
const RTF_READER = new URL('../node_modules/rtf.js/dist/RTFJS.bundle.js', import.meta.url).pathname;
const EDIT = ' Divers will inspect the xylophone girders at dawn.';

let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startBrowserMode();
  browser = await launchBrowser();
  page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function exportAs(
  format: 'Teleprompter text (.txt)' | 'Teleprompter RTF (.rtf)',
): Promise<Buffer> {
  await page.getByTestId('export').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByLabel('This story').check();
  await dialog.getByLabel(format).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export' }).click(),
  ]);
  const path = join(app.dir, download.suggestedFilename());
  await download.saveAs(path);
  return readFileSync(path);
}

/** Reads RTF with rtf.js (a renderer we did not write) in a blank page of the same browser. */
async function readRtfInBrowser(rtf: Buffer): Promise<string[]> {
  const reader = await browser.newPage();
  await reader.addScriptTag({ path: RTF_READER });
  const paragraphs = await reader.evaluate(
    async (bytes: number[]) => {
      const lib = (
        window as unknown as {
          RTFJS: { Document: new (b: ArrayBuffer) => { render(): Promise<HTMLElement[]> } };
        }
      ).RTFJS;
      const elements = await new lib.Document(new Uint8Array(bytes).buffer).render();
      return elements.map((e) => e.textContent ?? '').filter((t) => t !== '');
    },
    [...rtf],
  );
  await reader.close();
  return paragraphs;
}

describe('a reporter in browser mode', () => {
  it('imports a pasted-from-the-web script, edits, saves, finds it again and exports it', async () => {
    await page.goto(app.url);
    await expect.poll(() => page.getByTestId('story-list').textContent()).toBe('');

    // Import the script file.
    await page.getByTestId('import-input').setInputFiles(FIXTURE);
    const editor = page.getByTestId('script-editor');
    await expect.poll(() => editor.textContent()).toContain('Harbor Bridge will close');
    const editorText = (await editor.textContent()) ?? '';
    expect(editorText).not.toContain('Facebook');
    expect(editorText).not.toContain('12 Comments');
    expect(editorText).not.toContain('#transport');
    expect(await page.getByTestId('tags').textContent()).toMatch(
      /#transport.*#HarborBridge.*#infrastructure/,
    );
    expect(await page.getByRole('status').filter({ hasText: 'Left out' }).textContent()).toContain(
      '12 Comments',
    );
    // The package track is a package block, not read text.
    await expect
      .poll(() => page.locator('[data-block="media"] textarea').inputValue())
      .toContain('Ferry operators');

    // Edit the first line, at its end, and save with the keyboard.
    const first = editor.locator('p').first();
    await first.click();
    await page.keyboard.press('End');
    await page.keyboard.type(EDIT);
    await expect
      .poll(() => page.getByTestId('save-state').textContent())
      .toMatch(/Unsaved|Saving|Saved/);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toMatch(/^Saved/);

    // A reload keeps it; search finds it by a word of the edited line.
    await page.reload();
    await page.getByTestId('archive-search').fill('xylophone');
    const result = page.getByTestId('story-list').getByRole('button').first();
    await expect.poll(() => result.textContent()).toContain('xylophone');
    await result.click();
    await expect.poll(() => editor.textContent()).toContain('xylophone girders at dawn');

    // Prompter TXT: BOM, CRLF, the edited line, the package as a cue, no residue.
    const txt = (await exportAs('Teleprompter text (.txt)')).toString('utf8');
    expect(txt.startsWith('\uFEFF[')).toBe(true);
    expect(txt).toContain(`forty years.${EDIT}`);
    expect(txt).toContain('[PKG · Park Ji-won');
    expect(txt).not.toMatch(/Facebook|Comments|#transport/);

    // Prompter RTF, read back by an RTF reader in the browser.
    const rtf = await exportAs('Teleprompter RTF (.rtf)');
    expect(rtf.toString('latin1').startsWith('{\\rtf1')).toBe(true);
    const paragraphs = await readRtfInBrowser(rtf);
    expect(paragraphs).toContain(
      `In less than six hours,... the Harbor Bridge will close to all traffic for the first time in forty years.${EDIT}`,
    );
    expect(paragraphs.some((p) => p.startsWith('[PKG · Park Ji-won'))).toBe(true);
  });
});
