import type { Page } from '@playwright/test';
import type { Story } from '../shared/story/model';
import { expect, test, unwrap, type CallService } from './fixtures';
import { becomes, retype, saveWithKeyboard, selectPhrase } from './steps';

const FIRST_DRAFT = 'The council voted seven to two to close the harbor bridge for forty days.';
const FIXED =
  'Late on Tuesday the city council voted seven to two to close the harbor bridge for thirty days.';

const status = (page: Page) => page.getByTestId('status');

/** Presses a workflow button; one that needs a reason gets it typed into its dialog. */
async function workflow(page: Page, action: string, note?: string) {
  await page
    .getByTestId('workflow')
    .getByRole('button', { name: new RegExp(`^${action}`) })
    .click();
  if (note === undefined) return;
  const dialog = page.getByTestId('note-dialog');
  await dialog.locator('textarea').pressSequentially(note);
  await dialog.getByRole('button', { name: action }).click();
}

/** Opens a story from the sidebar and waits until it is the one on screen. */
async function openFromList(page: Page, slug: string) {
  await page.getByTestId('story-list').getByText(slug).click();
  await expect(page.getByTestId('slug')).toHaveValue(slug);
}

/**
 * The bridge story as the reporter left it: written (“forty days”), corrected (“thirty days”)
 * and sent for review, each step by Kim Reporter through the archive's own services. Then the
 * desk belongs to `reviewer`.
 */
async function submittedStory(call: CallService, reviewer: string): Promise<Story> {
  unwrap(await call('settings.save', { displayName: 'Kim Reporter' }));
  let story = unwrap(await call('stories.create', { format: 'READER' }));
  for (const text of [FIRST_DRAFT, FIXED]) {
    story = unwrap(
      await call('stories.save', {
        story: { ...story, slug: 'BRIDGE VOTE', body: [{ type: 'paragraph', runs: [{ text }] }] },
        baseUpdatedAt: story.updatedAt,
      }),
    );
  }
  story = unwrap(await call('stories.setStatus', { id: story.id, status: 'ready' }));
  unwrap(await call('settings.save', { displayName: reviewer }));
  return story;
}

async function approvedStory(call: CallService): Promise<Story> {
  const story = await submittedStory(call, 'Sam Editor');
  return unwrap(await call('stories.setStatus', { id: story.id, status: 'approved' }));
}

test('a reporter submits, an editor comments on a phrase and returns it, the reporter fixes and resubmits', async ({
  page,
}) => {
  const editor = page.getByTestId('script-editor');

  await test.step('the reporter writes and submits', async () => {
    await becomes(page, 'Kim Reporter');
    await page.getByTestId('new-story').click();
    await editor.click();
    await page.keyboard.type(FIRST_DRAFT);
    await retype(page.getByTestId('slug'), 'BRIDGE VOTE');
    await saveWithKeyboard(page);
    await workflow(page, 'Submit for review');
    await expect(status(page)).toHaveText('Ready for review');
  });

  await test.step('the editor finds it in the queue, comments on a phrase and returns it', async () => {
    await becomes(page, 'Sam Editor');
    await page.getByTestId('queue-tab').click();
    await openFromList(page, 'BRIDGE VOTE');
    await selectPhrase(editor, 'forty days');
    await page.keyboard.press('Control+Alt+m');
    const thread = page.getByTestId('new-thread');
    await thread.locator('textarea').pressSequentially('Forty days? The notice said thirty.');
    await thread.getByRole('button', { name: 'Comment' }).click();
    await expect(page.getByTestId('thread').first()).toContainText('Sam Editor');
    await expect(page.locator('.cd-mark')).toHaveText('forty days');
    await workflow(page, 'Return to reporter', 'Check the number of days against the notice.');
    await expect(status(page)).toHaveText('Returned');
  });

  await test.step('the reporter fixes it; the comment stays anchored through the edits', async () => {
    await becomes(page, 'Kim Reporter');
    await page.getByTestId('queue-tab').click();
    await page.getByRole('tab', { name: 'Archive' }).click();
    await openFromList(page, 'BRIDGE VOTE');
    await expect(page.getByTestId('workflow')).toContainText('Check the number of days');
    await selectPhrase(editor, 'The council');
    await page.keyboard.type('Late on Tuesday the city council');
    await selectPhrase(editor, 'forty');
    await page.keyboard.type('thirty');
    await saveWithKeyboard(page);
    await expect(editor).toContainText(FIXED);
    // Lexical keeps text typed at a mark's edge outside it, so the anchor is now " days".
    await page.reload();
    await expect(page.locator('.cd-mark')).toHaveText(' days');
  });

  await test.step('the reporter replies and resubmits', async () => {
    const thread = page.getByTestId('thread').first();
    await thread.getByPlaceholder('Reply').pressSequentially('Fixed: thirty, as in the notice.');
    await thread.getByRole('button', { name: 'Reply' }).click();
    await expect(thread).toContainText('Fixed: thirty, as in the notice.');
    await workflow(page, 'Resubmit');
    await expect(status(page)).toHaveText('Ready for review');
  });
});

test('an editor compares the reporter’s versions and approves the script', async ({
  page,
  call,
}) => {
  await submittedStory(call, 'Sam Editor');
  await page.reload();
  await openFromList(page, 'BRIDGE VOTE');
  await page.getByTestId('history-toggle').click();
  const history = page.getByTestId('history-panel');
  // Created, two saves, sent for review.
  await expect(history.locator('li')).toHaveCount(4);
  // Compare the reporter's first save (version 2) with the latest save, and nothing else.
  for (const box of await history.getByRole('checkbox').all()) await box.uncheck();
  await history.getByLabel('Compare version 2').check();
  await history
    .locator('li')
    .filter({ hasText: /\d+\. Saved/ })
    .first()
    .getByRole('checkbox')
    .check();
  const diff = page.getByTestId('diff');
  await expect(diff.locator('del').filter({ hasText: /^forty$/ })).toHaveCount(1);
  await expect(diff.locator('ins').filter({ hasText: /^thirty$/ })).toHaveCount(1);

  await workflow(page, 'Approve');
  await expect(status(page)).toHaveText('Approved');
  await expect(page.getByTestId('workflow')).toContainText('by Sam Editor');
});

test('an approved script is locked: typing changes nothing and the archive refuses a save', async ({
  page,
  call,
}) => {
  const story = await approvedStory(call);
  await page.reload();
  await openFromList(page, 'BRIDGE VOTE');
  await expect(status(page)).toHaveText('Approved');
  const editor = page.getByTestId('script-editor');
  await expect(editor).toHaveAttribute('contenteditable', 'false');
  await editor.click();
  await page.keyboard.type(' Sneaky edit.');
  await expect(editor).toHaveText(FIXED);

  const stored = unwrap(await call('stories.get', { id: story.id }));
  const refused = await call('stories.save', {
    story: { ...stored, body: [{ type: 'paragraph', runs: [{ text: 'Sneaky edit.' }] }] },
    baseUpdatedAt: stored.updatedAt,
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
});

test('reopening an approved script, with a reason, unlocks it', async ({ page, call }) => {
  await approvedStory(call);
  await page.reload();
  await openFromList(page, 'BRIDGE VOTE');
  await workflow(page, 'Reopen', 'Mayor corrected the vote count.');
  await expect(status(page)).toHaveText('Draft');
  await expect(page.getByTestId('workflow')).toContainText('Mayor corrected the vote count.');
  const editor = page.getByTestId('script-editor');
  await editor.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Update.');
  await expect(editor).toContainText(`${FIXED} Update.`);
});
