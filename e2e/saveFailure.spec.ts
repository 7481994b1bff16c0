import { expect, test } from './fixtures';

test('a failed save says so and keeps the unsaved text in the editor', async ({ page, app }) => {
  await page.getByTestId('new-story').click();
  const editor = page.getByTestId('script-editor');
  await editor.click();
  await page.keyboard.type('Saved before the server went away.');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText(/^Saved/);

  await app.stop();
  await page.keyboard.type(' Typed after it went away.');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText('Not saved');
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText(
    'Your text is still here',
  );
  await expect(editor).toContainText(
    'Saved before the server went away. Typed after it went away.',
  );
});
