import { expect, test } from './fixtures';
import { makeStory } from '../shared/story/testing/makeStory';
import { makeShow, startStoryWith } from './steps';

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

test.describe('focus mode in a show', () => {
  const harbor = makeStory({ slug: 'HARBOR FIRE', text: 'Fire crews are still at the harbor.' });
  test.use({ seed: { stories: [harbor] } });

  test('leaves only the script, across the window, and Escape brings the running order back', async ({
    page,
    call,
  }) => {
    await makeShow(call, [harbor.id]);
    await page.getByTestId('rundowns-tab').click();
    await page.getByTestId('rundown-list').getByText('6 PM NEWS').click();
    const grid = page.getByRole('grid', { name: 'Running order' });
    await grid.getByRole('button', { name: 'HARBOR FIRE', exact: true }).click();
    const editor = page.getByTestId('script-editor');
    await expect(editor).toContainText('Fire crews are still at the harbor.');
    await editor.click();

    await page.keyboard.press('Control+Alt+f');
    await expect(grid).toBeHidden();
    await expect(page.getByTestId('show-over-under')).toBeHidden();
    await expect(editor).toBeVisible();
    const scroll = await page.locator('.cd-page-scroll').boundingBox();
    expect(scroll?.x).toBe(0);
    expect(scroll?.y).toBe(0);
    expect(scroll?.width).toBe(page.viewportSize()!.width);
    await page.keyboard.type(' Ferries add sailings.');
    await expect(editor).toContainText('harbor. Ferries add sailings.');

    await page.keyboard.press('Escape');
    await expect(grid).toBeVisible();
    await expect(editor).toBeVisible();
  });
});
