import { makeStory } from '../shared/story/testing/makeStory';
import { expect, test } from './fixtures';

const approved = makeStory({
  slug: 'FERRY FIRE',
  format: 'VO/SOT',
  status: 'approved',
  tags: ['fire'],
  body: [
    { type: 'paragraph', runs: [{ text: 'A ferry caught fire in the harbor this morning.' }] },
    {
      type: 'media',
      kind: 'SOT',
      speaker: 'Lee Min-ho',
      title: 'Harbor master',
      inCue: 'We saw smoke',
      outCue: 'nobody was hurt',
      durationSec: 12,
      transcript: 'We saw smoke and called the crews; nobody was hurt.',
    },
  ],
});

test.use({ seed: { stories: [approved] } });

test('an approved story is read-only everywhere, and says why', async ({ page }) => {
  await page.getByTestId('story-list').getByText('FERRY FIRE').click();
  await expect(page.getByTestId('status')).toHaveText('Approved');

  // The header: slug, format, presenter, reporter, target, tags.
  const details = page.getByRole('region', { name: 'Story details' });
  for (const field of [
    page.getByTestId('slug'),
    page.getByTestId('format'),
    page.getByTestId('presenter'),
    details.getByLabel('Add a tag'),
    details.getByLabel('Remove tag fire'),
  ])
    await expect(field).toBeDisabled();

  // The sound bite: every field and button.
  const bite = page.getByRole('region', { name: 'Sound bite' });
  await expect(bite.getByRole('textbox')).toHaveCount(6);
  for (const box of await bite.getByRole('textbox').all()) await expect(box).toBeDisabled();
  await expect(bite.getByRole('button', { name: 'SOT' })).toBeDisabled();
  await expect(bite.getByRole('button', { name: 'Remove sound bite' })).toBeHidden();

  // The toolbar.
  await expect(page.getByRole('button', { name: 'Insert sound bite (SOT)' })).toBeDisabled();

  // Typing into the sound bite changes nothing and never reaches a save.
  await bite.getByLabel('Speaker').click({ force: true });
  await page.keyboard.type('Sneaky');
  await expect(bite.getByLabel('Speaker')).toHaveValue('Lee Min-ho');
  await expect(page.getByTestId('save-state')).not.toHaveText('Not saved');
  await expect(page.getByTestId('locked-why')).toHaveText(
    'Approved and locked: nothing in it changes until someone reopens it, with a reason.',
  );
});
