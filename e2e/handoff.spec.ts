import type { Page } from '@playwright/test';
import type { RunningApp } from './harness';
import { expect, test } from './fixtures';
import { download, retype, saveWithKeyboard } from './steps';

// Two machines: the reporter's (`page` on `app`) and the editor's (`otherPage` on `otherApp`),
// each with its own archive. Stories travel between them as .copydesk packages.

async function sendPackage(page: Page, app: RunningApp): Promise<string> {
  const file = await download(page, app.dir, () => page.getByTestId('send-package').click());
  expect(file.name).toMatch(/\.copydesk$/);
  return file.path;
}

/** Opens a package as a person picks it in the file dialog (a picker is not typed into). */
async function receive(page: Page, packagePath: string) {
  await page.getByTestId('import-input').setInputFiles(packagePath);
}

async function typeAtEnd(page: Page, text: string) {
  await page.getByTestId('script-editor').locator('p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
  await saveWithKeyboard(page);
}

/** The reporter writes a story and sends it; the editor adds a line and sends it back. */
async function roundTrip(reporter: Page, app: RunningApp, editor: Page, otherApp: RunningApp) {
  await test.step('reporter → editor: the story arrives with its versions', async () => {
    await reporter.getByTestId('new-story').click();
    await retype(reporter.getByTestId('slug'), 'FERRY STRIKE');
    await typeAtEnd(reporter, 'Ferry crews walked off the job at noon.');
    await receive(editor, await sendPackage(reporter, app));
    await expect(editor.getByTestId('slug')).toHaveValue('FERRY STRIKE');
    await expect(
      editor.getByRole('status').filter({ hasText: 'added from the package' }),
    ).toHaveCount(1);
  });

  await test.step('editor → reporter: the reporter’s copy moves forward', async () => {
    await typeAtEnd(editor, ' Talks resume Monday.');
    await receive(reporter, await sendPackage(editor, otherApp));
    await expect(reporter.getByTestId('script-editor')).toContainText('Talks resume Monday.');
  });
}

test.describe('hand-off between two machines', () => {
  test('passes a story with its history to another machine and back', async ({
    page,
    app,
    otherPage,
    otherApp,
  }) => {
    await roundTrip(page, app, otherPage, otherApp);
  });

  test('shows a conflict when both changed it, keeps the reporter’s text, and takes theirs on request', async ({
    page: reporter,
    app,
    otherPage: editor,
    otherApp,
  }) => {
    await roundTrip(reporter, app, editor, otherApp);
    await typeAtEnd(reporter, ' Reporter line.');
    await typeAtEnd(editor, ' Editor line.');
    await receive(reporter, await sendPackage(editor, otherApp));
    const conflict = reporter.getByTestId('conflict');
    await expect(conflict).toBeVisible();
    await expect(reporter.getByTestId('script-editor')).toContainText('Reporter line.');
    await conflict.getByRole('button', { name: 'Compare' }).click();
    await expect(reporter.getByTestId('diff')).toContainText('Editor line.');
    await conflict.getByRole('button', { name: 'Take theirs' }).click();
    await expect(reporter.getByTestId('script-editor')).toContainText('Editor line.');
    await expect(reporter.getByTestId('conflict')).toHaveCount(0);
  });
});
