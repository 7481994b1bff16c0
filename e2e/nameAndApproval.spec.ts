import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { becomes, retype, saveWithKeyboard } from './steps';

const approve = (page: Page) =>
  page.getByTestId('workflow').getByRole('button', { name: 'Approve' });

/** Writes a story and sends it for review, as whoever is at the desk. */
async function writeAndSubmit(page: Page, slug: string) {
  await page.getByTestId('new-story').click();
  await page.getByTestId('script-editor').click();
  await page.keyboard.type('The harbor bridge closes at midnight for forty days.');
  await retype(page.getByTestId('slug'), slug);
  await saveWithKeyboard(page);
  await page.getByTestId('workflow').getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByTestId('status')).toHaveText('Ready for review');
}

test.describe('a new desk', () => {
  test.use({ userName: null });

  test('asks the name first; the writer cannot approve their own story, another editor can', async ({
    page,
  }) => {
    const dialog = page.getByTestId('name-prompt');
    await expect(dialog.getByLabel('Your name')).toBeFocused();
    await page.keyboard.type('Kim Reporter');
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);

    await writeAndSubmit(page, 'BRIDGE CLOSES');
    await expect(page.getByTestId('workflow')).toContainText('by Kim Reporter');
    await expect(approve(page)).toBeDisabled();
    await expect(page.getByTestId('approve-why')).toHaveText(/^You wrote this story/);

    // The name stays: opening the app again does not ask.
    await page.reload();
    await expect(page.getByTestId('slug')).toHaveValue('BRIDGE CLOSES');
    await expect(dialog).toHaveCount(0);

    await becomes(page, 'Sam Editor');
    await expect(page.getByTestId('approve-why')).toHaveCount(0);
    await approve(page).click();
    await expect(page.getByTestId('status')).toHaveText('Approved');
    await expect(page.getByTestId('workflow')).toContainText('by Sam Editor');
  });
});

test('a one-person desk allows approving your own story, in Settings', async ({ page }) => {
  await writeAndSubmit(page, 'NIGHT DESK');
  await expect(approve(page)).toBeDisabled();

  await page.getByTestId('open-settings').click();
  const settings = page.getByTestId('settings-dialog');
  await settings.getByLabel(/One-person desk/).check();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();

  await expect(approve(page)).toBeEnabled();
  await approve(page).click();
  await expect(page.getByTestId('status')).toHaveText('Approved');
  await expect(page.getByTestId('workflow')).toContainText('by Robin Desk');
});
