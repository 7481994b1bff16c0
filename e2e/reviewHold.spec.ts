import type { Page } from '@playwright/test';
import { makeStory } from '../shared/story/testing/makeStory';
import { expect, test, unwrap } from './fixtures';

const TEXT = 'The harbor bridge closes tonight for forty days.';
const waiting = makeStory({ slug: 'BRIDGE CLOSES', status: 'ready', text: TEXT });
const other = makeStory({
  slug: 'FERRY STRIKE',
  status: 'ready',
  text: 'Ferry crews walk out.',
  updatedAt: '2026-11-28T08:00:00.000Z',
});

test.use({ seed: { stories: [waiting, other] } });

/** Types a sentence at the end of the waiting story's text: the question comes up. */
async function addALine(page: Page): Promise<void> {
  await page.getByTestId('script-editor').getByText(TEXT).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Divers start Monday.');
  await expect(question(page)).toContainText('is waiting for an editor');
}

/** Asked beside the script: the keys typed while it is up stay in the script. */
const question = (page: Page) => page.getByRole('group', { name: 'Withdraw from review?' });

test('changing a story in review asks first: keep it in review takes the change back, withdraw keeps it', async ({
  page,
  call,
}) => {
  await page.getByTestId('story-list').getByText('BRIDGE CLOSES').click();
  await expect(page.getByTestId('status')).toHaveText('Ready for review');
  await expect(page.getByTestId('review-hold')).toContainText(
    'changing the text withdraws it from review',
  );
  const editor = page.getByTestId('script-editor');
  const dialog = question(page);

  await addALine(page);
  // Typing goes on while the question is up; keeping the story in review takes all of it back.
  await page.keyboard.type(' More');
  await expect(editor).toHaveText(`${TEXT} Divers start Monday. More`);
  await dialog.getByRole('button', { name: 'Keep it in review' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(editor).toHaveText(TEXT);
  await expect(page.getByTestId('status')).toHaveText('Ready for review');
  expect(unwrap(await call('stories.get', { id: waiting.id })).body).toEqual(waiting.body);

  await addALine(page);
  await page.keyboard.type(' Crews');
  await dialog.getByRole('button', { name: 'Withdraw and edit' }).click();
  await expect(page.getByTestId('status')).toHaveText('Draft');
  await expect(editor).toHaveText(`${TEXT} Divers start Monday. Crews`);
  await expect(page.getByTestId('save-state')).toHaveText(/^Saved/);
  await expect
    .poll(async () => JSON.stringify(unwrap(await call('stories.get', { id: waiting.id })).body))
    .toContain('Divers start Monday. Crews');
  const stored = unwrap(await call('stories.get', { id: waiting.id }));
  expect(stored.status).toBe('draft');

  // The archive holds the rule too: a changed text for a story in review is refused.
  const held = unwrap(await call('stories.get', { id: other.id }));
  const refused = await call('stories.save', {
    story: { ...held, body: [{ type: 'paragraph', runs: [{ text: 'Changed behind its back.' }] }] },
    baseUpdatedAt: held.updatedAt,
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
});

test('a withdrawal that fails keeps the change on screen and says why', async ({ page, call }) => {
  await page.getByTestId('story-list').getByText('BRIDGE CLOSES').click();
  await expect(page.getByTestId('status')).toHaveText('Ready for review');
  const editor = page.getByTestId('script-editor');
  const dialog = question(page);
  await addALine(page);
  // While the reporter reads the question, the story is approved (on this one-person desk, by the
  // same name): it can no longer go back to Draft without a reason.
  unwrap(await call('settings.save', { displayName: 'Robin Desk', allowSelfApproval: true }));
  unwrap(await call('stories.setStatus', { id: waiting.id, status: 'approved' }));
  await dialog.getByRole('button', { name: 'Withdraw and edit' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Not saved');
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved.' })).toContainText(
    'It was not taken out of review',
  );
  await expect(editor).toHaveText(`${TEXT} Divers start Monday.`);
  // The story now shows what the archive says of it: saving again meets the archive's answer
  // (approved, locked: reopen it with a reason) instead of the same question.
  await expect(page.getByTestId('status')).toHaveText('Approved');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved.' })).toContainText(
    'is approved and locked',
  );
  await expect(dialog).toHaveCount(0);
  await expect(editor).toHaveText(`${TEXT} Divers start Monday.`);
});
