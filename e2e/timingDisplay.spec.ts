import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startStoryWith } from './steps';

const colour = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => getComputedStyle(el).color);

test.describe('the timing display says what is true (issue 12, item 8)', () => {
  test('TRT is red only when over a target, and says what its colours mean', async ({ page }) => {
    await startStoryWith(page, 'The bridge closes tonight for repairs to two of its supports.');
    await expect(page.getByTestId('words')).toHaveText('11');
    const trtRow = page.locator('[data-row="trt"]');
    await expect(trtRow).toHaveAttribute('title', /Red when over the story’s target/);
    // No target: TRT is written like the other figures, not in the colour that means "over".
    expect(await colour(page, 'trt')).toBe(await colour(page, 'words'));

    const target = page.getByLabel('Target length');
    await target.click();
    await target.pressSequentially('0:02');
    await target.press('Enter');
    await expect(page.getByTestId('over-under')).toHaveText('0:02');
    await expect(trtRow).toHaveClass(/cd-over/);
    const over = await colour(page, 'trt');
    expect(over).not.toBe(await colour(page, 'words'));

    await target.click();
    await target.press('Control+a');
    await target.pressSequentially('1:00');
    await target.press('Enter');
    await expect(trtRow).toHaveClass(/cd-under/);
    expect(await colour(page, 'trt')).not.toBe(over);
  });

  test('a DUR counts as it is typed, and one that is not a time says what is accepted', async ({
    page,
  }) => {
    await startStoryWith(page, 'The minister spoke this morning.');
    await page.keyboard.press('Control+Alt+s');
    const bite = page.getByRole('region', { name: 'Sound bite' });
    const dur = bite.getByRole('textbox', { name: /^Dur/ });
    await dur.click();
    await dur.pressSequentially('0:20');
    // Still in the field: the status bar already counts it.
    await expect(dur).toBeFocused();
    await expect(page.getByTestId('media-time')).toHaveText('0:20');

    await dur.press('Control+a');
    await dur.pressSequentially('abc');
    await dur.press('Tab');
    await expect(bite.getByRole('alert')).toContainText('“abc” is not a duration');
    await expect(bite.getByRole('alert')).toContainText('1:45');
    await expect(dur).toHaveAttribute('aria-invalid', 'true');
    // The old 0:20 is not kept silently: the bite is timed from its (no) words, marked est.
    await expect(page.getByTestId('media-time')).toHaveText('0:00 est.');

    await dur.click();
    await dur.press('Control+a');
    await dur.pressSequentially('45');
    await expect(bite.getByRole('alert')).toBeHidden();
    await expect(page.getByTestId('media-time')).toHaveText('0:45');
  });

  test('a length over six hours, which no story is stored with, is refused where it is typed', async ({
    page,
  }) => {
    await startStoryWith(page, 'The minister spoke this morning.');
    const saveState = page.getByTestId('save-state');
    await expect(saveState).toHaveText(/^Saved/);
    const target = page.getByLabel('Target length');
    await target.click();
    await target.pressSequentially('7:00:00');
    await target.press('Enter');
    await expect(target).toHaveAttribute('aria-invalid', 'true');
    await expect(target).toHaveAttribute('title', /up to 6:00:00/);

    await page.getByTestId('script-editor').click();
    await page.keyboard.press('Control+Alt+s');
    const bite = page.getByRole('region', { name: 'Sound bite' });
    const dur = bite.getByRole('textbox', { name: /^Dur/ });
    await dur.click();
    await dur.pressSequentially('7:00:00');
    await dur.press('Tab');
    await expect(bite.getByRole('alert')).toContainText('“7:00:00” is not a duration');
    await expect(bite.getByRole('alert')).toContainText('up to six hours');

    // Neither reached the story: it goes on saving as it is typed.
    await page.getByTestId('script-editor').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Back to the studio.');
    await expect(saveState).toHaveText(/^Saved/);
    await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toHaveCount(0);
  });

  test('the character count follows undoing a Replace all', async ({ page }) => {
    await startStoryWith(page, 'The board met. The board voted.');
    await expect(page.getByTestId('chars')).toHaveText('31');
    await page.keyboard.press('Control+f');
    const find = page.getByRole('textbox', { name: 'Find', exact: true });
    await expect(find).toBeFocused();
    await find.pressSequentially('board');
    const replace = page.getByRole('textbox', { name: 'Replace with' });
    await replace.click();
    await replace.pressSequentially('council');
    await page.getByRole('button', { name: 'Replace all' }).click();
    const editor = page.getByTestId('script-editor');
    await expect(editor).toContainText('The council met. The council voted.');
    await expect(page.getByTestId('chars')).toHaveText('35');

    await page.getByRole('button', { name: 'Close find' }).click();
    await editor.click();
    await page.keyboard.press('Control+z');
    await expect(editor).toContainText('The board met. The board voted.');
    await expect(page.getByTestId('chars')).toHaveText('31');
  });
});
