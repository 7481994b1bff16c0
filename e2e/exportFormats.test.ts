import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, startBrowserMode, type RunningApp } from './harness';
import { EXPORT_FORMAT_LABELS } from '../shared/export/options';

const FIXTURE = new URL('../fixtures/nsml/harbor-4.1.nsml', import.meta.url).pathname;

let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startBrowserMode();
  browser = await launchBrowser();
  page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
  await page.goto(app.url);
  await page.getByTestId('import-input').setInputFiles([FIXTURE]);
  await page.getByTestId('script-editor').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openDialog(): Promise<Locator> {
  await page.getByTestId('export').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.waitFor();
  return dialog;
}

describe('export dialog in Chromium', () => {
  it('offers every format, shows only the chosen one’s options, exports it and remembers the choice', async () => {
    let dialog = await openDialog();
    for (const label of Object.values(EXPORT_FORMAT_LABELS))
      expect(await dialog.getByLabel(label).count()).toBe(1);

    // The imported iNEWS story is on screen: its Hangul line came through.
    expect(await page.getByTestId('script-editor').textContent()).toContain('부산 소방본부는');

    await dialog.getByLabel('This story').check();
    await dialog.getByLabel(EXPORT_FORMAT_LABELS.pdf).check();
    expect(await dialog.getByLabel('Paper').count()).toBe(1);
    expect(await dialog.getByLabel('Production cues').count()).toBe(0);
    expect(await dialog.getByLabel('Type size').count()).toBe(0);
    await dialog.getByLabel('Paper').selectOption('LETTER');
    await dialog.getByLabel('Between stories').selectOption('page');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('HARBOR-BRIDGE.pdf');
    const path = join(app.dir, download.suggestedFilename());
    await download.saveAs(path);
    const pdf = readFileSync(path);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // US Letter: 612 by 792 points.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 612 792\]/);

    dialog = await openDialog();
    expect(await dialog.getByLabel(EXPORT_FORMAT_LABELS.pdf).isChecked()).toBe(true);
    expect(await dialog.getByLabel('Paper').inputValue()).toBe('LETTER');

    await dialog.getByLabel(EXPORT_FORMAT_LABELS.mos).check();
    expect(await dialog.getByLabel('Production cues as').count()).toBe(1);
    expect(await dialog.getByLabel('Paper').count()).toBe(0);
    await dialog.getByLabel(EXPORT_FORMAT_LABELS.nsml).check();
    expect(await dialog.textContent()).toContain('nothing to choose');
    await dialog.getByLabel(EXPORT_FORMAT_LABELS['prompter-rtf']).check();
    await dialog.getByLabel('Production cues').selectOption('red');
    expect(await dialog.getByLabel('Presenter instructions').count()).toBe(1);
    const [rtf] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export' }).click(),
    ]);
    const rtfPath = join(app.dir, rtf.suggestedFilename());
    await rtf.saveAs(rtfPath);
    expect(readFileSync(rtfPath, 'latin1')).toContain('\\cf5 [TAKE VO]');

    dialog = await openDialog();
    expect(await dialog.getByLabel('Production cues').inputValue()).toBe('red');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });
});
