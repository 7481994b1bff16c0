import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const HARBOR = readFileSync(new URL('../fixtures/harbor-bridge.txt', import.meta.url), 'utf8');

/** Dispatches a real paste event carrying the given clipboard types to the focused editor. */
async function paste(page: Page, types: Record<string, string>): Promise<void> {
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(data)) transfer.setData(type, value);
    (document.activeElement ?? document.body).dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, types);
}

type StoryJson = {
  id: string;
  slug: string;
  format: string;
  presenter: string;
  reporter: string;
  tags: string[];
  body: unknown[];
};

/** One call to the browser-mode API, as the page makes it. */
async function call<T>(page: Page, channel: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ channel, input }) => {
      const response = await fetch(`api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const result = (await response.json()) as { ok: boolean; value: unknown };
      if (!result.ok) throw new Error(JSON.stringify(result));
      return result.value;
    },
    { channel, input },
  ) as Promise<T>;
}

/** The fields a script sets, as the archive holds them. */
const scriptFields = ({ slug, format, presenter, reporter, tags, body }: StoryJson) => ({
  slug,
  format,
  presenter,
  reporter,
  tags,
  body,
});

async function importAsFile(page: Page, name: string, text: string): Promise<StoryJson> {
  const dataBase64 = Buffer.from(text, 'utf8').toString('base64');
  const result = await call<{ stories: { id: string }[] }>(page, 'import.files', {
    files: [{ name, dataBase64 }],
  });
  return call<StoryJson>(page, 'stories.get', { id: result.stories[0]!.id });
}

async function newStory(page: Page, format: string): Promise<void> {
  await page.getByLabel('Format of the new story').selectOption(format);
  await page.getByTestId('new-story').click();
  await expect(page.getByTestId('save-state')).toHaveText(/^Saved/);
  await page.getByTestId('script-editor').click();
}

async function saveAndRead(page: Page): Promise<StoryJson> {
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText(/^Saved/);
  const list = await call<{ items: { id: string; updatedAt: string }[] }>(page, 'stories.list', {
    limit: 1,
  });
  return call<StoryJson>(page, 'stories.get', { id: list.items[0]!.id });
}

test('a script pasted into a new story is the story importing the file makes', async ({ page }) => {
  await newStory(page, 'PKG');
  await paste(page, { 'text/plain': HARBOR });
  const editor = page.getByTestId('script-editor');
  await expect(editor).toContainText('Park Ji-won reports.');
  // The template's cues went with the template: the script brings its own.
  await expect(editor).not.toContainText('ANCHOR ON CAM');
  await expect(page.getByTestId('slug')).toHaveValue('HARBOR BRIDGE');
  const pasted = await saveAndRead(page);
  const imported = await importAsFile(page, 'harbor-bridge.txt', HARBOR);
  expect(scriptFields(pasted)).toEqual(scriptFields(imported));
});

test('a script pasted into copy: header lines are metadata, and one undo takes back text and tags', async ({
  page,
}) => {
  await newStory(page, 'READER');
  await page.keyboard.type('The first line the reporter wrote.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The last line.');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await paste(page, {
    'text/plain': 'SLUG: COUNCIL VOTE\nPasted line one.\nPasted line two.\n#council #vote',
  });
  const editor = page.getByTestId('script-editor');
  await expect(editor).toContainText('Pasted line two.');
  await expect(editor).not.toContainText('SLUG');
  await expect(page.getByTestId('slug')).toHaveValue('COUNCIL VOTE');
  await expect(page.getByTestId('tags')).toContainText('council');
  await expect(page.getByTestId('tags')).toContainText('vote');

  await page.keyboard.press('Control+z');
  await expect(editor).not.toContainText('Pasted line');
  await expect(editor).toContainText('The first line the reporter wrote.');
  await expect(page.getByTestId('slug')).toHaveValue('');
  await expect(page.getByTestId('tags')).not.toContainText('council');
  const undone = await saveAndRead(page);
  expect(undone.tags).toEqual([]);
  expect(undone.slug).toBe('');

  await editor.focus();
  await page.keyboard.press('Control+Shift+z');
  await expect(editor).toContainText('Pasted line one.');
  await expect(page.getByTestId('tags')).toContainText('vote');
  await expect(page.getByTestId('slug')).toHaveValue('COUNCIL VOTE');
});

test('a clipboard holding only HTML is read as its text, through the same importer', async ({
  page,
}) => {
  const html =
    '<meta charset="utf-8"><style>p{color:red}</style><div class="article">' +
    HARBOR.trim()
      .split('\n')
      .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join('') +
    '<script>window.__pasted = 1</script></div>';
  await newStory(page, 'READER');
  await paste(page, { 'text/html': html });
  await expect(page.getByTestId('script-editor')).toContainText('Park Ji-won reports.');
  const pasted = await saveAndRead(page);
  const imported = await importAsFile(page, 'harbor-bridge.txt', HARBOR);
  expect(scriptFields(pasted)).toEqual(scriptFields(imported));
  expect(JSON.stringify(pasted)).not.toMatch(/<p>|color|__pasted|<script/);
});
