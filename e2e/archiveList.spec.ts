import { expect, test } from './fixtures';
import { generateStory } from '../bench/generate/stories';

const STORIES = 3000;
const SEED = 'e2e-archive-list';

/** The generated archive, newest first: story N was written after story N-1. */
const slugAt = (row: number) => generateStory(SEED, STORIES - 1 - row, STORIES).slug;

test.use({
  seed: { stories: Array.from({ length: STORIES }, (_, i) => generateStory(SEED, i, STORIES)) },
});

test.describe('the archive list with thousands of stories', () => {
  test('scrolls to the oldest story while drawing only the rows in view', async ({ page }) => {
    await expect(page.getByTestId('list-count')).toHaveText('3,000 stories');
    const rows = page.getByTestId('story-list').locator('li');
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeLessThan(60);

    // Dragging the scroll bar to the bottom.
    const scroller = page.locator('.cd-story-scroll');
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    const last = page.locator(`[data-testid=story-list] li[aria-posinset="${STORIES}"]`);
    await expect(last).toContainText(slugAt(STORIES - 1));
    await expect(last).toHaveAttribute('aria-setsize', String(STORIES));
    expect(await rows.count()).toBeLessThan(60);

    // Half way up: a page that was never near the screen is fetched when it scrolls in.
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    const middle = page.locator(`[data-testid=story-list] li[aria-posinset="1501"]`);
    await expect(middle).toContainText(slugAt(1500));
  });

  test('moves through every story from the keyboard and opens one with Enter', async ({ page }) => {
    const focused = page.locator(':focus');
    await page.getByTestId('story-row').first().focus();
    await expect(focused).toHaveAttribute('data-index', '0');

    await page.keyboard.press('End');
    await expect(focused).toHaveAttribute('data-index', String(STORIES - 1));
    await expect(focused).toContainText(slugAt(STORIES - 1));

    await page.keyboard.press('ArrowUp');
    await expect(focused).toHaveAttribute('data-index', String(STORIES - 2));
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Slug')).toHaveValue(slugAt(STORIES - 2));

    await page
      .getByTestId('story-row')
      .and(page.locator(`[data-index="${STORIES - 2}"]`))
      .focus();
    await expect(focused).toHaveAttribute('data-index', String(STORIES - 2));
    await page.keyboard.press('PageUp');
    await expect(focused).not.toHaveAttribute('data-index', String(STORIES - 2));
    expect(Number(await focused.getAttribute('data-index'))).toBeLessThan(STORIES - 3);

    await page.keyboard.press('Home');
    await expect(focused).toHaveAttribute('data-index', '0');
    await expect(focused).toContainText(slugAt(0));
  });
});
