import { expect, test, unwrap } from './fixtures';
import { startStoryWith } from './steps';

/*
 * What a person pastes or turns into a line is stored as it can be: nothing typed into one
 * field may make every later save of the story fail (the script would stop being kept).
 */
test('a tab pasted into the slug or a name, a long presenter line and a #-tag leave the story saving', async ({
  page,
  call,
}) => {
  await startStoryWith(page, 'The minister spoke this morning.');
  const saveState = page.getByTestId('save-state');
  await expect(saveState).toHaveText(/^Saved/);

  // A cell copied from a spreadsheet brings its tab with it.
  const slug = page.getByTestId('slug');
  await slug.click();
  await page.keyboard.insertText('HARBOR\tFIRE');
  await expect(slug).toHaveValue('HARBOR FIRE');
  const presenter = page.getByTestId('presenter');
  await presenter.click();
  await page.keyboard.insertText('Kim\tLee');
  await expect(presenter).toHaveValue('Kim Lee');
  const tags = page.getByRole('textbox', { name: 'Add a tag' });
  await tags.click();
  await tags.pressSequentially('#fire#harbor');
  await tags.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove tag fire' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove tag harbor' })).toBeVisible();

  // A long line of the script made a presenter cue keeps its text, and the story still saves.
  const long = 'The mayor and the council will both speak at the harbor tonight '.repeat(3).trim();
  await page.getByTestId('script-editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(long);
  await page.keyboard.press('Control+Alt+4');
  await expect(saveState).toHaveText(/^Saved/);
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toHaveCount(0);

  const listed = unwrap(await call('stories.list', { limit: 5, offset: 0 }));
  const story = unwrap(await call('stories.get', { id: listed.items[0]!.id }));
  expect(story.slug).toBe('HARBOR FIRE');
  expect(story.presenter).toBe('Kim Lee');
  expect(story.tags).toEqual(['fire', 'harbor']);
  expect(story.body).toContainEqual({ type: 'presenter', name: long });
});
