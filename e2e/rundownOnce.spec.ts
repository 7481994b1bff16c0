import type { Page } from '@playwright/test';
import { expect, test, unwrap } from './fixtures';
import { makeStory } from '../shared/story/testing/makeStory';
import { openShowOf } from './steps';

const SLUGS = ['HARBOR FIRE', 'CITY BUDGET'];
test.use({
  seed: {
    stories: [...SLUGS, 'LOST DOG'].map((slug) =>
      makeStory({ slug, text: `${slug.toLowerCase()} tonight.` }),
    ),
  },
});

const rows = (page: Page) =>
  page.getByRole('grid', { name: 'Running order' }).getByTestId('rundown-row');

/*
 * A producer in a hurry double-clicks: each add goes to the show once, not once per click.
 */
test('a double click or a second Enter adds a row once', async ({ page, call }) => {
  const id = await openShowOf(page, call, SLUGS);
  await expect(rows(page)).toHaveCount(2);

  await page.getByRole('button', { name: '+ Break' }).click();
  await page.getByRole('button', { name: 'Add break' }).dblclick();
  await expect(page.getByRole('button', { name: 'Add break' })).toBeHidden();
  await expect(rows(page)).toHaveCount(3);

  await page.getByRole('button', { name: '+ Story…' }).click();
  const search = page.getByRole('searchbox', { name: 'Find a story to add' });
  const picked = page.getByRole('listbox', { name: 'Stories' }).getByRole('option').first();
  await search.pressSequentially('lost dog');
  await expect(picked).toContainText('LOST DOG');
  await search.press('Enter');
  await search.press('Enter');
  await expect(picked).toContainText('Added');
  await expect(rows(page)).toHaveCount(4);
  // Escape empties the search, and then closes the dialog.
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await search.press('Escape');
  await expect(search).toBeHidden();

  await page.getByRole('button', { name: '+ New story' }).dblclick();
  await expect(rows(page)).toHaveCount(5);
  await expect(page.getByTestId('script-editor')).toBeVisible();

  const stored = unwrap(await call('rundowns.get', { id }));
  expect(stored.rundown.rows.map((r) => r.kind)).toEqual([
    'story',
    'story',
    'break',
    'story',
    'story',
  ]);
  expect(unwrap(await call('stories.list', { limit: 10, offset: 0 })).items).toHaveLength(4);
});

/*
 * A removed row can be put back for fifteen seconds from its removal: the show redrawn meanwhile
 * (here, another row floated) does not start the count again.
 */
test('the undo offer lasts fifteen seconds from the removal, however often the show is redrawn', async ({
  page,
  call,
}) => {
  await page.clock.install();
  const id = await openShowOf(page, call, [...SLUGS, 'LOST DOG']);
  await expect(rows(page)).toHaveCount(3);
  const row = (slug: string) => rows(page).filter({ hasText: slug });

  await row('LOST DOG').click();
  await page.keyboard.press('Delete');
  const offer = page.getByRole('status').filter({ hasText: 'Removed LOST DOG from the rundown.' });
  await expect(offer).toBeVisible();
  await expect(rows(page)).toHaveCount(2);

  await page.clock.fastForward('00:10');
  await expect(offer).toBeVisible();
  await row('CITY BUDGET').click();
  await page.keyboard.press('Alt+f');
  await expect(row('CITY BUDGET')).toHaveAttribute('aria-label', /floated/);
  await expect(offer).toBeVisible();

  // Sixteen seconds after the removal, ten of them before the redraw. (The page's clock runs on
  // by itself too: counted from the redraw, the offer would go nine seconds later.)
  await page.clock.fastForward('00:06');
  await expect(offer).toBeHidden({ timeout: 3000 });
  // Ctrl+Z puts nothing back once the offer is gone.
  await page.keyboard.press('Control+z');
  await expect(rows(page)).toHaveCount(2);
  const stored = unwrap(await call('rundowns.get', { id }));
  expect(stored.rundown.rows.map((r) => r.floated)).toEqual([false, true]);
});

/*
 * Alt+F and Delete are shortcuts: the toolbar has Float and Remove for the selected row, for a
 * producer who does not know the keys.
 */
test('the selected row is floated and removed from the toolbar', async ({ page, call }) => {
  const id = await openShowOf(page, call, [...SLUGS, 'LOST DOG']);
  const row = (slug: string) => rows(page).filter({ hasText: slug });
  const toolbar = page.getByRole('toolbar', { name: 'Rundown' });
  await row('CITY BUDGET').click();
  // A double click floats it once (the second click lands on Unfloat, in its place).
  await toolbar.getByRole('button', { name: 'Float', exact: true }).dblclick();
  await expect(row('CITY BUDGET')).toHaveAttribute('aria-label', /floated/);
  await expect(toolbar.getByRole('button', { name: 'Unfloat' })).toBeVisible();
  // The keyboard is back on the grid: Alt+F works on the row at once.
  await page.keyboard.press('Alt+f');
  await expect(row('CITY BUDGET')).not.toHaveAttribute('aria-label', /floated/);

  // The undo offer's live region is there, empty, before anything is removed: a screen reader
  // announces text put into it (a region put in with its text is not announced by all).
  const offer = page.locator('.cd-rundown [role=status].cd-rundown-undo');
  await expect(offer).toHaveCount(1);
  await expect(offer).toBeEmpty();
  // A double click on Remove takes one row, the one whose undo is offered.
  await toolbar.getByRole('button', { name: 'Remove' }).dblclick();
  await expect(rows(page)).toHaveCount(2);
  await expect(offer).toContainText('Removed CITY BUDGET');
  await expect(page.getByRole('status').filter({ hasText: 'Removed CITY BUDGET' })).toBeVisible();
  // The row after it is selected now: Remove again takes LOST DOG.
  await expect(row('LOST DOG')).toHaveAttribute('aria-selected', 'true');
  await expect
    .poll(async () => unwrap(await call('rundowns.get', { id })).rundown.rows.length)
    .toBe(2);
});
