import type { Page } from '@playwright/test';
import { makeStory } from '../shared/story/testing/makeStory';
import { expect, test } from './fixtures';
import { saveWithKeyboard, selectPhrase } from './steps';

test.use({
  seed: {
    stories: [
      makeStory({ slug: 'HARBOR BRIDGE', tags: ['floods'], text: 'The harbor bridge closes.' }),
      makeStory({
        slug: 'FERRY STRIKE',
        tags: ['flood'],
        text: 'Ferry crews walk out.',
        updatedAt: '2026-11-28T10:00:00.000Z',
      }),
    ],
  },
});

/** The browser's own confirm() must never appear: it is recorded, and the test fails on it. */
function browserDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return seen;
}

const confirmDialog = (page: Page) => page.getByTestId('confirm-dialog');

async function openFromList(page: Page, slug: string) {
  await page.getByTestId('story-list').getByText(slug).click();
  await expect(page.getByTestId('slug')).toHaveValue(slug);
}

test('Delete asks in the app; Escape keeps the story, Tab and Enter delete it', async ({
  page,
}) => {
  const native = browserDialogs(page);
  await openFromList(page, 'HARBOR BRIDGE');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(confirmDialog(page)).toContainText('Delete “HARBOR BRIDGE” from the archive?');
  // Deleting cannot be undone: the keyboard starts on Cancel.
  await expect(confirmDialog(page).getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirmDialog(page)).toHaveCount(0);
  await expect(page.getByTestId('slug')).toHaveValue('HARBOR BRIDGE');

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(confirmDialog(page).getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(confirmDialog(page).getByRole('button', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Deleted “HARBOR BRIDGE”.')).toBeVisible();
  await expect(page.getByTestId('story-list').getByText('HARBOR BRIDGE')).toHaveCount(0);
  expect(native).toEqual([]);
});

test('history Restore asks in the app and Enter restores the older version', async ({ page }) => {
  const native = browserDialogs(page);
  await openFromList(page, 'HARBOR BRIDGE');
  const editor = page.getByTestId('script-editor');
  await selectPhrase(editor, 'closes');
  await page.keyboard.type('reopens');
  await saveWithKeyboard(page);
  await page.getByTestId('history-toggle').click();
  await page
    .getByTestId('history-panel')
    .locator('li')
    .last()
    .getByRole('button', { name: 'Restore' })
    .click();
  await expect(confirmDialog(page)).toContainText('It becomes a new version; nothing is lost.');
  await expect(confirmDialog(page).getByRole('button', { name: 'Restore' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(editor).toHaveText('The harbor bridge closes.');
  expect(native).toEqual([]);
});

test('merging a tag into another asks in the app before it merges', async ({ page }) => {
  const native = browserDialogs(page);
  await page.getByTestId('manage-tags').click();
  const tags = page.getByTestId('tag-manager');
  await tags.locator('tr', { hasText: '#floods' }).getByRole('button', { name: 'Rename' }).click();
  const field = tags.getByLabel('New name for #floods');
  await field.press('Control+a');
  await field.pressSequentially('flood');
  await field.press('Enter');
  await expect(confirmDialog(page)).toContainText('Merge #floods into #flood?');
  await page.keyboard.press('Enter');
  await expect(tags.getByRole('status')).toHaveText('Merged #floods → #flood on 1 story.');
  await expect(tags.locator('tr', { hasText: '#flood' })).toHaveCount(1);
  expect(native).toEqual([]);
});

test('restoring a backup asks in the app, above Settings, and Escape leaves the archive alone', async ({
  page,
}) => {
  const native = browserDialogs(page);
  await page.getByTestId('open-settings').click();
  const backups = page.getByTestId('backups');
  await backups.getByRole('button', { name: 'Back up now' }).click();
  await backups.getByRole('button', { name: 'Restore…' }).first().click();
  await expect(confirmDialog(page)).toContainText('Replace everything in the archive');
  await expect(confirmDialog(page).getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirmDialog(page)).toHaveCount(0);
  await expect(page.getByTestId('settings-dialog')).toBeVisible();
  expect(native).toEqual([]);
});
