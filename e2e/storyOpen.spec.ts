import { expect, test } from './fixtures';

declare global {
  var editorOnOpen: Element | undefined;
}

// Opening the story already on screen (its row in the archive, or the review queue) rebuilt the
// editor just after: the selection, the caret and the undo history went, and keys pressed
// meanwhile landed in an editor about to be thrown away. The review-desk test polled around it.
test('opening the story already on screen keeps its editor', async ({ page }) => {
  await page.getByTestId('new-story').click();
  const editor = page.getByTestId('script-editor');
  await editor.click();
  await page.keyboard.type('The harbor bridge closes tonight.');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText(/^Saved/);
  await editor.evaluate((node) => (globalThis.editorOnOpen = node));

  // Opening a story ends by reading its history again for the review desk: once that is asked
  // for after the story itself came back, the open has been drawn, rebuilt editor and all.
  let fetched = false;
  page.on('response', (r) => {
    if (r.url().endsWith('/api/stories.get')) fetched = true;
  });
  const opened = page.waitForRequest((r) => fetched && r.url().endsWith('/api/stories.history'));
  await page.getByTestId('story-row').filter({ hasText: 'UNTITLED' }).click();
  await opened;
  expect(await editor.evaluate((node) => node === globalThis.editorOnOpen)).toBe(true);
  await expect(editor).toContainText('The harbor bridge closes tonight.');
});
