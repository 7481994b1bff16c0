import { expect, test } from './fixtures';
import { startBrowserMode } from './harness';
import type { Page } from '@playwright/test';

/** Writes a story and saves it: every step is an API call the server must accept. */
async function writeAndSave(page: Page, text: string) {
  await page.getByTestId('new-story').click();
  await page.getByTestId('script-editor').click();
  await page.keyboard.type(text);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText(/^Saved/);
}

test('a page opened at http://localhost:PORT works like one at 127.0.0.1', async ({
  browser,
  app,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(app.url.replace('://127.0.0.1:', '://localhost:'));
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/$/);
  await writeAndSave(page, 'Opened at localhost.');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await context.close();
});

test('two browser-mode servers on different ports do not sign each other out', async ({
  page,
  context,
}) => {
  const other = await startBrowserMode();
  try {
    const second = await context.newPage();
    await second.goto(other.url);
    await writeAndSave(second, 'Written on the second server.');
    // The first page, signed in before the second server set its cookie, still works.
    await page.reload();
    await writeAndSave(page, 'Written on the first server afterwards.');
    await second.reload();
    await writeAndSave(second, 'And the second one still works too.');
  } finally {
    await other.stop();
  }
});
