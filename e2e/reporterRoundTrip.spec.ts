import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { download, saveWithKeyboard } from './steps';

const FIXTURE = new URL('../fixtures/harbor-bridge.txt', import.meta.url).pathname;
const RTF_READER = new URL('../node_modules/rtf.js/dist/RTFJS.bundle.js', import.meta.url).pathname;
const EDIT = ' Divers will inspect the xylophone girders at dawn.';
const FIRST_LINE =
  'In less than six hours,... the Harbor Bridge will close to all traffic for the first time in forty years.';

/** Imports the pasted-from-the-web script file through the file picker. */
async function importScript(page: Page) {
  // A file picker is not typed into: the file is handed to it.
  await page.getByTestId('import-input').setInputFiles(FIXTURE);
  await expect(page.getByTestId('script-editor')).toContainText('Harbor Bridge will close');
}

/** Adds a sentence at the end of the first line, and saves with the keyboard. */
async function editFirstLine(page: Page) {
  await page.getByTestId('script-editor').locator('p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(EDIT);
  await expect(page.getByTestId('save-state')).toHaveText(/Unsaved|Saving|Saved/);
  await saveWithKeyboard(page);
}

async function exportAs(
  page: Page,
  dir: string,
  format: 'Teleprompter text (.txt)' | 'Teleprompter RTF (.rtf)',
): Promise<Buffer> {
  await page.getByTestId('export').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByLabel('This story').check();
  await dialog.getByLabel(format).check();
  const file = await download(page, dir, () =>
    dialog.getByRole('button', { name: 'Export' }).click(),
  );
  return readFileSync(file.path);
}

/** Reads RTF with rtf.js (a renderer we did not write) in a blank page of the same browser. */
async function readRtfInBrowser(page: Page, rtf: Buffer): Promise<string[]> {
  const reader = await page.context().newPage();
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

test.describe('a reporter in browser mode', () => {
  test('imports a pasted-from-the-web script, leaving the page’s residue out', async ({ page }) => {
    await expect(page.getByTestId('story-list')).toHaveText('');
    await importScript(page);
    const editor = page.getByTestId('script-editor');
    for (const residue of ['Facebook', '12 Comments', '#transport'])
      await expect(editor).not.toContainText(residue);
    await expect(page.getByTestId('tags')).toHaveText(/#transport.*#HarborBridge.*#infrastructure/);
    await expect(page.getByRole('status').filter({ hasText: 'Left out' })).toContainText(
      '12 Comments',
    );
    // The package track is a package block, not read text.
    await expect(page.locator('[data-block="media"] textarea')).toHaveValue(/Ferry operators/);
  });

  test('finds an edit saved with the keyboard again after a reload, by one of its words', async ({
    page,
  }) => {
    await importScript(page);
    await editFirstLine(page);
    await page.reload();
    await page.getByTestId('archive-search').pressSequentially('xylophone');
    const result = page.getByTestId('story-list').getByRole('button').first();
    await expect(result).toContainText('xylophone');
    await result.click();
    await expect(page.getByTestId('script-editor')).toContainText('xylophone girders at dawn');
  });

  test('exports the edited story as teleprompter TXT and RTF', async ({ page, app }) => {
    await importScript(page);
    await editFirstLine(page);

    await test.step('TXT: BOM, CRLF, the edited line, the package as a cue, no residue', async () => {
      const txt = (await exportAs(page, app.dir, 'Teleprompter text (.txt)')).toString('utf8');
      expect(txt.startsWith('\uFEFF[')).toBe(true);
      expect(txt).toContain('\r\n');
      expect(txt.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
      expect(txt).toContain(`forty years.${EDIT}`);
      expect(txt).toContain('[PKG · Park Ji-won');
      expect(txt).not.toMatch(/Facebook|Comments|#transport/);
    });

    await test.step('RTF, read back by an RTF reader in the browser', async () => {
      const rtf = await exportAs(page, app.dir, 'Teleprompter RTF (.rtf)');
      expect(rtf.toString('latin1').startsWith('{\\rtf1')).toBe(true);
      const paragraphs = await readRtfInBrowser(page, rtf);
      expect(paragraphs).toContain(`${FIRST_LINE}${EDIT}`);
      expect(paragraphs.some((p) => p.startsWith('[PKG · Park Ji-won'))).toBe(true);
    });
  });
});
