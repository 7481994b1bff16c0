import { expect, test, unwrap } from './fixtures';
import { daysBefore, today } from '../renderer/rundown/days';

/*
 * A year of shows is thousands of rundowns: the Rundowns tab lists the past week's and every one
 * ahead, and reaches further back a month at a time.
 */
test('the rundown list shows the week’s shows, and earlier ones a month at a time', async ({
  page,
  call,
}) => {
  const shows = [
    ['6 PM NEWS', 0],
    ['MORNING EDITION', 3],
    ['ELECTION SPECIAL', 20],
    ['SUMMER REVIEW', 45],
  ] as const;
  for (const [title, ago] of shows)
    unwrap(
      await call('rundowns.create', {
        title,
        airDate: daysBefore(today(), ago),
        onAirSec: 18 * 3600,
        lengthSec: 1800,
      }),
    );
  await page.getByTestId('rundowns-tab').click();
  const list = page.getByTestId('rundown-list');
  const show = (title: string) => list.getByRole('button', { name: new RegExp(title) });

  await expect(show('6 PM NEWS')).toBeVisible();
  await expect(list.getByRole('region', { name: /^Today · / })).toContainText('6 PM NEWS');
  await expect(show('MORNING EDITION')).toBeVisible();
  await expect(show('ELECTION SPECIAL')).toHaveCount(0);

  await list.getByRole('button', { name: 'Earlier shows' }).click();
  await expect(show('ELECTION SPECIAL')).toBeVisible();
  await expect(show('SUMMER REVIEW')).toHaveCount(0);
  await list.getByRole('button', { name: 'Earlier shows' }).click();
  await expect(show('SUMMER REVIEW')).toBeVisible();
  // Nothing before it: the list says so instead of offering to look.
  await expect(list).toContainText('No earlier shows.');
  await expect(list.getByRole('button', { name: 'Earlier shows' })).toHaveCount(0);
  // Latest first.
  await expect(list.locator('.cd-item-slug')).toHaveText([
    '6 PM NEWS',
    'MORNING EDITION',
    'ELECTION SPECIAL',
    'SUMMER REVIEW',
  ]);

  await show('SUMMER REVIEW').click();
  await expect(page.getByTestId('rundown-screen').getByRole('heading', { level: 1 })).toHaveText(
    'SUMMER REVIEW',
  );
});
