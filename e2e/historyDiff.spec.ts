import type { Story } from '../shared/story/model';
import { expect, test, unwrap } from './fixtures';
import { madeUpParagraph as paragraph } from '../shared/diff/testing/madeUpCopy';

const body = (seed: number): Story['body'] =>
  Array.from({ length: 250 }, (_, i) => ({
    type: 'paragraph' as const,
    runs: [{ text: paragraph(seed + i, 40) }],
  }));

test('a fully rewritten 10,000-word story is compared in a worker and shown replaced whole', async ({
  page,
  call,
}) => {
  // Two versions of a one-hour special, the second rewritten from top to bottom, saved through
  // the API (nobody types 10,000 words twice).
  let story = unwrap(await call('stories.create', { format: 'READER', slug: 'ELECTION SPECIAL' }));
  for (const next of [body(1), body(90_001)])
    story = unwrap(
      await call('stories.save', {
        story: { ...story, body: next },
        baseUpdatedAt: story.updatedAt,
      }),
    );
  await page.reload();
  await page.getByTestId('story-row').filter({ hasText: 'ELECTION SPECIAL' }).click();
  await page.getByTestId('history-toggle').click();
  const history = page.getByTestId('history-panel');
  await history.getByLabel('Compare version 2').check();
  await history.getByLabel('Compare version 3').check();

  const comparison = page.getByTestId('comparison');
  await expect(comparison.getByRole('heading')).toHaveText('Version 2 → 3');
  await expect(page.getByTestId('diff-whole')).toBeVisible();
  const diff = page.getByTestId('diff');
  await expect(diff.locator('del')).toHaveCount(1);
  await expect(diff.locator('del')).toContainText(paragraph(1, 40));
  await expect(diff.locator('ins')).toContainText(paragraph(90_001, 40));
  expect(page.workers().map((w) => new URL(w.url()).pathname)).toEqual([
    expect.stringMatching(/\/assets\/diffWorker-[\w-]+\.js$/),
  ]);
});

test('two versions a word apart are compared on the spot, word by word', async ({ page }) => {
  await page.getByTestId('new-story').click();
  const editor = page.getByTestId('script-editor');
  await editor.click();
  await page.keyboard.type('The bridge closes tonight.');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText(/^Saved/);
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await page.keyboard.type('reopens');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText(/^Saved/);

  await page.getByTestId('history-toggle').click();
  const diff = page.getByTestId('diff');
  await expect(diff.locator('del')).toHaveText(['closes']);
  await expect(diff.locator('ins')).toHaveText(['reopens']);
  await expect(page.getByTestId('diff-whole')).toHaveCount(0);
  expect(page.workers()).toEqual([]);
});
