import type { Locator, Page } from '@playwright/test';
import { expect, test, unwrap } from './fixtures';
import { makeStory } from '../shared/story/testing/makeStory';
import { startStoryWith } from './steps';

/** True when the element shows all of its content: nothing cut off or scrolled away. */
const whole = (locator: Locator) =>
  locator.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight);

/** Every control of More filters lies inside the sidebar. */
async function filtersFit(page: Page) {
  await page.getByTestId('more-filters').click();
  const filters = page.locator('.cd-more-filters');
  await expect(filters.getByLabel('Filter by format')).toBeVisible();
  const sidebar = (await page.locator('.cd-sidebar').boundingBox())!;
  const controls = filters.locator('select, input');
  await expect(controls).toHaveCount(5);
  for (const control of await controls.all()) {
    const box = (await control.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(sidebar.x);
    expect(box.x + box.width).toBeLessThanOrEqual(sidebar.x + sidebar.width);
  }
  await page.getByTestId('more-filters').click();
}

async function writeAStory(page: Page) {
  await startStoryWith(page, 'Ferries add sailings tonight while the bridge is shut.');
  await expect(page.getByTestId('words')).toHaveText('9');
}

/** The archive's name and the sidebar's tabs show whole. */
async function namesWhole(page: Page) {
  const archive = page.getByTestId('archive-name');
  await expect(archive).toHaveText(/^Archive: \S+\.sqlite$/);
  expect(await whole(archive)).toBe(true);
  await expect(page.getByRole('tab')).toHaveCount(3);
  for (const tab of await page.getByRole('tab').all()) expect(await whole(tab)).toBe(true);
}

test.describe('small windows (issue 12, item 11)', () => {
  test.describe('1024×700', () => {
    test.use({ viewport: { width: 1024, height: 700 } });

    test('the script keeps at least half the window; names and filters are whole', async ({
      page,
    }) => {
      await writeAStory(page);
      const script = (await page.locator('.cd-page-scroll').boundingBox())!;
      expect(script.height).toBeGreaterThanOrEqual(700 / 2);
      // The toolbar is one row, every button in sight.
      const toolbar = (await page
        .getByRole('toolbar', { name: 'Script formatting' })
        .boundingBox())!;
      for (const button of await page.locator('.cd-toolbar .cd-tool').all()) {
        const box = (await button.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(toolbar.x + toolbar.width);
        expect(box.y + box.height).toBeLessThanOrEqual(toolbar.y + toolbar.height);
      }
      await namesWhole(page);
      await filtersFit(page);
    });

    test('a tab name that wraps keeps its count with its own words, not beside the next tab', async ({
      page,
      call,
    }) => {
      const story = makeStory({ slug: 'HARBOR FIRE', text: 'Fire crews are still at the harbor.' });
      unwrap(await call('import.stories', { stories: [story] }));
      unwrap(await call('stories.setStatus', { id: story.id, status: 'ready' }));
      await page.reload();
      const tab = page.getByTestId('queue-tab');
      const count = tab.locator('.cd-count');
      await expect(count).toHaveText('1');
      // Where the words "Review queue" are drawn, and where the count is.
      const words = await tab.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el.firstChild!);
        const box = range.getBoundingClientRect();
        return { left: box.left, right: box.right };
      });
      const box = (await count.boundingBox())!;
      const middle = box.x + box.width / 2;
      expect(middle).toBeGreaterThan(words.left);
      expect(middle).toBeLessThan(words.right);
    });
  });

  test.describe('800×600', () => {
    test.use({ viewport: { width: 800, height: 600 } });

    test('the archive name, the tabs and More filters still fit', async ({ page }) => {
      await writeAStory(page);
      const script = (await page.locator('.cd-page-scroll').boundingBox())!;
      expect(script.height).toBeGreaterThanOrEqual(600 * 0.45);
      await namesWhole(page);
      await filtersFit(page);
    });
  });
});
