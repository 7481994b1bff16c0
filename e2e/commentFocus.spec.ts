import { expect, test } from './fixtures';
import { becomes, selectPhrase } from './steps';

const SCRIPT = 'The council voted seven to two to close the harbor bridge for forty days.';

test.describe('commenting moves the keyboard into the comment box and back', () => {
  test.beforeEach(async ({ page }) => {
    await becomes(page, 'Sam Editor');
    await page.getByTestId('new-story').click();
    await page.getByTestId('script-editor').click();
    await page.keyboard.type(SCRIPT);
  });

  test('Ctrl+Alt+M: the note typed goes into the comment, never into the read copy', async ({
    page,
  }) => {
    const editor = page.getByTestId('script-editor');
    const blocks = await editor.locator('p').count();
    const before = (await editor.textContent()) ?? '';
    await selectPhrase(editor, 'forty days');
    await page.keyboard.press('Control+Alt+m');
    const box = page.getByTestId('new-thread').getByRole('textbox');
    await expect(box).toBeFocused();
    await page.keyboard.type('Forty? The notice said thirty.');
    await page.keyboard.press('Control+Enter');

    const thread = page.getByTestId('thread').first();
    await expect(thread).toContainText('Forty? The notice said thirty.');
    await expect(thread).toContainText('Sam Editor');
    // The script kept its paragraphs, word for word, and the keyboard is back in it.
    await expect(editor).toBeFocused();
    await expect(editor.locator('p')).toHaveCount(blocks);
    await expect(editor).toHaveText(before);
    await expect(page.locator('.cd-mark')).toHaveText('forty days');
  });

  test('the Comment button, then Escape: back in the script where the words were', async ({
    page,
  }) => {
    const editor = page.getByTestId('script-editor');
    const before = (await editor.textContent()) ?? '';
    await selectPhrase(editor, 'harbor bridge');
    await page.getByRole('button', { name: /^Comment/ }).click();
    await expect(page.getByTestId('new-thread').getByRole('textbox')).toBeFocused();
    await page.keyboard.press('Escape');

    await expect(page.getByTestId('new-thread')).toHaveCount(0);
    await expect(editor).toBeFocused();
    await expect(page.locator('.cd-mark')).toHaveCount(0);
    // The caret is where the commented words ended.
    await page.keyboard.type(' span');
    await expect(editor).toHaveText(before.replace('harbor bridge', 'harbor bridge span'));
  });
});

test('a comment made before a new story’s first save is not lost: the story is stored first', async ({
  page,
}) => {
  await becomes(page, 'Sam Editor');
  // A slow disk: every save waits on the wire until the comment has been posted.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/stories.save', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByTestId('new-story').click();
  const editor = page.getByTestId('script-editor');
  await editor.click();
  await page.keyboard.type(SCRIPT);
  await selectPhrase(editor, 'forty days');
  await page.keyboard.press('Control+Alt+m');
  await expect(page.getByTestId('new-thread').getByRole('textbox')).toBeFocused();
  await page.keyboard.type('Forty? The notice said thirty.');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('save-state')).not.toHaveText(/^Saved/);
  release();

  const thread = page.getByTestId('thread').first();
  await expect(thread).toContainText('Forty? The notice said thirty.');
  await expect(page.getByTestId('save-state')).toHaveText(/^Saved/);
  // Stored with its thread: read back from the archive, both are there.
  await page.reload();
  await expect(page.getByTestId('thread').first()).toContainText('Forty? The notice said thirty.');
  await expect(page.locator('.cd-mark')).toHaveText('forty days');
});
