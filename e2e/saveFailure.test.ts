import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startBrowserMode, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startBrowserMode();
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('when a save fails', () => {
  it('says so and keeps the unsaved text in the editor', async () => {
    await page.getByTestId('new-story').click();
    const editor = page.getByTestId('script-editor');
    await editor.click();
    await page.keyboard.type('Saved before the server went away.');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toMatch(/^Saved/);

    await app.stop();
    await page.keyboard.type(' Typed after it went away.');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Not saved');
    expect(await page.getByRole('alert').filter({ hasText: 'Not saved' }).textContent()).toContain(
      'Your text is still here',
    );
    expect(await editor.textContent()).toContain(
      'Saved before the server went away. Typed after it went away.',
    );
  });
});
