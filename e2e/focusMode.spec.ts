import { expect, test } from './fixtures';
import { startStoryWith } from './steps';

test.describe('focus mode (issue 12, item 7)', () => {
  test('leaves only the page and the clock, and Escape brings the rest back', async ({ page }) => {
    await startStoryWith(page, 'The bridge closes tonight.');
    const editor = page.getByTestId('script-editor');
    const chrome = [
      page.getByRole('toolbar', { name: 'Script formatting' }),
      page.getByTestId('workflow'),
      page.getByRole('region', { name: 'Story details' }),
      page.locator('.cd-topbar'),
      page.locator('.cd-sidebar'),
    ];
    for (const part of chrome) await expect(part).toBeVisible();

    await page.keyboard.press('Control+Alt+f');
    for (const part of chrome) await expect(part).toBeHidden();
    await expect(page.getByTestId('trt')).toBeVisible();
    await expect(page.getByTestId('read-time')).toBeVisible();
    await expect(page.getByTestId('words')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Leave focus mode' })).toBeVisible();
    // No empty band above the page: the page's scroll area starts at the window's top edge,
    // and runs the window's width.
    const scroll = await page.locator('.cd-page-scroll').boundingBox();
    expect(scroll?.y).toBe(0);
    expect(scroll?.x).toBe(0);
    expect(scroll?.width).toBe(page.viewportSize()!.width);

    // The caret is still in the script: writing goes on.
    await expect(editor).toBeFocused();
    await page.keyboard.type(' Ferries add sailings.');
    await expect(editor).toContainText('tonight. Ferries add sailings.');

    await page.keyboard.press('Escape');
    for (const part of chrome) await expect(part).toBeVisible();
    await expect(page.getByTestId('words')).toHaveText('7');
  });
});
