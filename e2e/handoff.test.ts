import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startBrowserMode, type RunningApp } from './harness';

let reporterApp: RunningApp;
let editorApp: RunningApp;
let browser: Browser;
let reporter: Page;
let editor: Page;

beforeAll(async () => {
  [reporterApp, editorApp] = await Promise.all([startBrowserMode(), startBrowserMode()]);
  browser = await launchBrowser();
  reporter = await browser.newPage({
    acceptDownloads: true,
    viewport: { width: 1400, height: 900 },
  });
  editor = await browser.newPage({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
  await reporter.goto(reporterApp.url);
  await editor.goto(editorApp.url);
});

afterAll(async () => {
  await browser?.close();
  await reporterApp?.stop();
  await editorApp?.stop();
});

async function sendPackage(page: Page, dir: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('send-package').click(),
  ]);
  const path = join(dir, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  expect(download.suggestedFilename()).toMatch(/\.copydesk$/);
  return path;
}

async function typeAtEnd(page: Page, text: string) {
  const script = page.getByTestId('script-editor');
  await script.locator('p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
  await page.keyboard.press('Control+s');
  await expect.poll(() => page.getByTestId('save-state').textContent()).toMatch(/^Saved/);
}

describe('hand-off between two machines', () => {
  it('passes a story with its history back and forth, and shows a conflict when both changed it', async () => {
    await reporter.getByTestId('new-story').click();
    await reporter.getByTestId('slug').fill('FERRY STRIKE');
    await typeAtEnd(reporter, 'Ferry crews walked off the job at noon.');

    // Reporter → editor: the story arrives with its versions.
    await editor
      .getByTestId('import-input')
      .setInputFiles(await sendPackage(reporter, reporterApp.dir));
    await expect.poll(() => editor.getByTestId('slug').inputValue()).toBe('FERRY STRIKE');
    await expect
      .poll(() => editor.getByRole('status').filter({ hasText: 'added from the package' }).count())
      .toBe(1);

    // Editor → reporter: the reporter's copy moves forward.
    await typeAtEnd(editor, ' Talks resume Monday.');
    await reporter
      .getByTestId('import-input')
      .setInputFiles(await sendPackage(editor, editorApp.dir));
    await expect
      .poll(() => reporter.getByTestId('script-editor').textContent())
      .toContain('Talks resume Monday.');

    // Both change it; the reporter receives the editor's version: a conflict, the reporter's text kept.
    await typeAtEnd(reporter, ' Reporter line.');
    await typeAtEnd(editor, ' Editor line.');
    await reporter
      .getByTestId('import-input')
      .setInputFiles(await sendPackage(editor, editorApp.dir));
    const conflict = reporter.getByTestId('conflict');
    await conflict.waitFor();
    expect(await reporter.getByTestId('script-editor').textContent()).toContain('Reporter line.');
    await conflict.getByRole('button', { name: 'Compare' }).click();
    await expect.poll(() => reporter.getByTestId('diff').textContent()).toContain('Editor line.');
    await conflict.getByRole('button', { name: 'Take theirs' }).click();
    await expect
      .poll(() => reporter.getByTestId('script-editor').textContent())
      .toContain('Editor line.');
    await expect.poll(() => reporter.getByTestId('conflict').count()).toBe(0);
  });
});
