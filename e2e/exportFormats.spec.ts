import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { download } from './steps';
import { EXPORT_FORMAT_LABELS } from '../shared/export/options';

const FIXTURE = new URL('../fixtures/nsml/harbor-4.1.nsml', import.meta.url).pathname;

async function openDialog(page: Page): Promise<Locator> {
  await page.getByTestId('export').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('export dialog in Chromium', () => {
  test.beforeEach(async ({ page }) => {
    // A file picker is not typed into: the file is handed to it.
    await page.getByTestId('import-input').setInputFiles([FIXTURE]);
    // The imported iNEWS story is on screen: its Hangul line came through.
    await expect(page.getByTestId('script-editor')).toContainText('부산 소방본부는');
  });

  test('offers every format and shows only the chosen one’s options', async ({ page }) => {
    const dialog = await openDialog(page);
    for (const label of Object.values(EXPORT_FORMAT_LABELS))
      await expect(dialog.getByLabel(label)).toHaveCount(1);

    await dialog.getByLabel(EXPORT_FORMAT_LABELS.pdf).check();
    await expect(dialog.getByLabel('Paper')).toHaveCount(1);
    await expect(dialog.getByLabel('Production cues')).toHaveCount(0);
    await expect(dialog.getByLabel('Type size')).toHaveCount(0);

    await dialog.getByLabel(EXPORT_FORMAT_LABELS.mos).check();
    await expect(dialog.getByLabel('Production cues as')).toHaveCount(1);
    await expect(dialog.getByLabel('Paper')).toHaveCount(0);

    await dialog.getByLabel(EXPORT_FORMAT_LABELS.nsml).check();
    await expect(dialog).toContainText('nothing to choose');

    await dialog.getByLabel(EXPORT_FORMAT_LABELS['prompter-rtf']).check();
    await expect(dialog.getByLabel('Production cues')).toHaveCount(1);
    await expect(dialog.getByLabel('Presenter instructions')).toHaveCount(1);
  });

  test('exports a PDF on US Letter, and offers the same choices next time', async ({
    page,
    app,
  }) => {
    let dialog = await openDialog(page);
    await dialog.getByLabel('This story').check();
    await dialog.getByLabel(EXPORT_FORMAT_LABELS.pdf).check();
    await dialog.getByLabel('Paper').selectOption('LETTER');
    await dialog.getByLabel('Between stories').selectOption('page');
    const file = await download(page, app.dir, () =>
      dialog.getByRole('button', { name: 'Export' }).click(),
    );
    expect(file.name).toBe('HARBOR-BRIDGE.pdf');
    const pdf = readFileSync(file.path);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // US Letter: 612 by 792 points.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 612 792\]/);

    dialog = await openDialog(page);
    await expect(dialog.getByLabel(EXPORT_FORMAT_LABELS.pdf)).toBeChecked();
    await expect(dialog.getByLabel('Paper')).toHaveValue('LETTER');
  });

  test('exports prompter RTF with production cues in red, and offers red next time', async ({
    page,
    app,
  }) => {
    let dialog = await openDialog(page);
    await dialog.getByLabel('This story').check();
    await dialog.getByLabel(EXPORT_FORMAT_LABELS['prompter-rtf']).check();
    await dialog.getByLabel('Production cues').selectOption('red');
    const file = await download(page, app.dir, () =>
      dialog.getByRole('button', { name: 'Export' }).click(),
    );
    expect(readFileSync(file.path, 'latin1')).toContain('\\cf5 [TAKE VO]');

    dialog = await openDialog(page);
    await expect(dialog.getByLabel('Production cues')).toHaveValue('red');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  });
});
