import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { paste, startStoryWith } from './steps';

/** Pastes a line of copy with web-page residue under it: the app says what it left out. */
async function pasteWithResidue(page: Page, comments: number) {
  await paste(page, { 'text/plain': `More from the harbor.\n${comments} Comments` });
  await expect(page.locator('.cd-notices')).toContainText(`“${comments} Comments”`);
}

/** True when no notice overlaps the box of what the locator finds. */
async function uncovered(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const target = document.querySelector(sel)!.getBoundingClientRect();
    return [...document.querySelectorAll('.cd-notice')].every((n) => {
      const r = n.getBoundingClientRect();
      return (
        r.right <= target.left ||
        r.left >= target.right ||
        r.bottom <= target.top ||
        r.top >= target.bottom
      );
    });
  }, selector);
}

test.describe('notices (issue 12, item 5)', () => {
  test('a few at a time, never over the page or a field, gone with their story', async ({
    page,
  }) => {
    await startStoryWith(page, 'The bridge closes tonight.');
    for (const n of [3, 4, 5, 6]) await pasteWithResidue(page, n);
    const notices = page.locator('.cd-notices').locator('.cd-notice');
    // A bounded stack: the newest three, the oldest pushed out.
    await expect(notices).toHaveCount(3);
    await expect(page.locator('.cd-notices')).not.toContainText('“3 Comments”');

    await page.keyboard.press('Control+Alt+p');
    const pkg = page.getByRole('region', { name: 'Package' });
    await expect(pkg).toBeVisible();
    const out = pkg.getByRole('textbox', { name: 'Out' });
    await out.click();
    await out.pressSequentially('Harbor City News');
    await expect(out).toHaveValue('Harbor City News');
    expect(await uncovered(page, '.cd-page-scroll')).toBe(true);
    expect(await uncovered(page, '.cd-status')).toBe(true);
    // What is at the OUT field's and the track's centres is the field itself.
    for (const field of [out, pkg.getByRole('textbox', { name: /^Track/ })]) {
      const hit = await field.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === el;
      });
      expect(hit).toBe(true);
    }

    // Another story opens: what was said about the first goes.
    await page.getByTestId('new-story').click();
    await expect(page.getByTestId('script-editor')).toBeFocused();
    await expect(notices).toHaveCount(0);
  });

  test('notices go by themselves: information soon, an error after long enough to read', async ({
    page,
  }) => {
    await page.clock.install();
    await startStoryWith(page, 'The bridge closes tonight.');
    await pasteWithResidue(page, 12);
    // A paste far longer than any script is refused, with an error notice.
    await paste(page, { 'text/plain': 'word '.repeat(500_000) });
    const error = page.locator('.cd-notices [role="alert"]');
    await expect(error).toContainText('Nothing was pasted');
    await page.clock.fastForward('00:08');
    await expect(page.locator('.cd-notices')).not.toContainText('“12 Comments”');
    await expect(error).toBeVisible();
    await page.clock.fastForward('00:15');
    await expect(error).toHaveCount(0);
  });
});
