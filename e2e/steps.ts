import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, unwrap, type CallService } from './fixtures';
import { today } from '../renderer/rundown/days';

/** What a person does and sees more than once across the end-to-end tests. */

/** Ctrl+S, and the status bar says it is saved. */
export async function saveWithKeyboard(page: Page): Promise<void> {
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText(/^Saved/);
}

/** Types a name into Settings, as a new person at this desk would. */
export async function becomes(page: Page, name: string): Promise<void> {
  await page.getByTestId('open-settings').click();
  const dialog = page.getByTestId('settings-dialog');
  const field = dialog.getByLabel(/Your name/);
  await field.click();
  await field.press('Control+a');
  await field.pressSequentially(name);
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog).toBeHidden();
}

/** Types into a field, replacing what it held, key by key. */
export async function retype(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('Control+a');
  await field.pressSequentially(text);
}

/**
 * Pastes as Ctrl+V would, with the given clipboard types, into the focused element. (Playwright
 * cannot write a headless browser's system clipboard; the app reads only the paste event's data.)
 */
export async function paste(page: Page, types: Record<string, string>): Promise<void> {
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(data)) transfer.setData(type, value);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, types);
}

/**
 * Selects a phrase of the script, as a mouse drag over it would, and returns once the editor has
 * taken up the new selection (it reads it on `selectionchange`, which comes after this task).
 */
export async function selectPhrase(editor: Locator, phrase: string): Promise<void> {
  await expect(editor).toContainText(phrase);
  const found = await editor.evaluate(async (root, text) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(text) ?? -1;
      if (at < 0) continue;
      const selection = window.getSelection()!;
      const already =
        document.activeElement === root &&
        selection.anchorNode === node &&
        selection.focusNode === node &&
        selection.anchorOffset === at &&
        selection.focusOffset === at + text.length;
      if (already) return true;
      const taken = new Promise((resolve) =>
        document.addEventListener('selectionchange', resolve, { once: true }),
      );
      (root as HTMLElement).focus();
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      selection.removeAllRanges();
      selection.addRange(range);
      await taken;
      return true;
    }
    return false;
  }, phrase);
  expect(found, `“${phrase}” lies within one run of the script`).toBe(true);
}

/** Clicks what starts a download and saves the file in `dir`; returns its path and name. */
export async function download(
  page: Page,
  dir: string,
  start: () => Promise<void>,
): Promise<{ path: string; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), start()]);
  const name = file.suggestedFilename();
  const path = join(dir, `${Date.now()}-${name}`);
  await file.saveAs(path);
  return { path, name };
}

/**
 * Starts a story from the top bar and writes a line of read text in it by keyboard, in place of
 * the template's lines; the caret stays at its end.
 */
export async function startStoryWith(page: Page, text: string): Promise<void> {
  await page.getByTestId('new-story').click();
  await expect(page.getByTestId('script-editor')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
  await page.keyboard.press('Control+Alt+1');
}

/**
 * Tonight's 6 PM show (today, half an hour: the Rundowns tab lists the week's shows and the ones
 * ahead), made through the service as a producer's earlier work would have made it, holding
 * `storyIds` in that order. Returns its id.
 */
export async function makeShow(call: CallService, storyIds: readonly string[]): Promise<string> {
  const created = unwrap(
    await call('rundowns.create', {
      title: '6 PM NEWS',
      airDate: today(),
      onAirSec: 18 * 3600,
      lengthSec: 1800,
    }),
  );
  const id = created.rundown.id;
  for (const storyId of storyIds)
    unwrap(await call('rundowns.addRow', { id, row: { kind: 'story', storyId } }));
  return id;
}

/**
 * Tonight's show (makeShow) holding the seeded stories with these slugs, in that order, opened in
 * the Rundowns tab as a producer opens it. Returns its id.
 */
export async function openShowOf(
  page: Page,
  call: CallService,
  slugs: readonly string[],
): Promise<string> {
  const listed = unwrap(await call('stories.list', { limit: 50, offset: 0 }));
  const id = await makeShow(
    call,
    slugs.map((slug) => listed.items.find((s) => s.slug === slug)!.id),
  );
  await page.getByTestId('rundowns-tab').click();
  await page.getByTestId('rundown-list').getByText('6 PM NEWS').click();
  return id;
}
