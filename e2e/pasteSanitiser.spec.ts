import type { Page } from '@playwright/test';
import { expect, test as appTest, unwrap, type CallService } from './fixtures';
import { paste } from './steps';

// A script pasted from the web is untrusted input landing in a rich-text editor. Each test pastes
// hostile clipboard content into the real editor in Chromium and checks the page (no markup
// came alive, nothing was fetched) and the saved story (only what the model allows).

const HOSTILE_HTML = [
  '<meta charset="utf-8"><style>p{color:red}</style>',
  '<p style="color:red;background:url(https://evil.example/bg.png)">SLUG: HARBOR TOLL</p>',
  '<script>window.__pwned = "script"</script>',
  '<img src="https://evil.example/pixel.png" onerror="window.__pwned = \'img\'">',
  '<p onclick="window.__pwned = \'click\'"><b>Tolls rise</b> on <a href="javascript:window.__pwned=\'link\'">the bridge</a>.</p>',
  '<iframe src="https://evil.example/frame"></iframe>',
  '<svg onload="window.__pwned = \'svg\'"><circle r="5"/></svg>',
  '<p><span style="font-size:72px;color:#fff">Commuters</span> <code>object</code> react.</p>',
].join('');
const VISIBLE_TEXT = 'SLUG: HARBOR TOLL\nTolls rise on the bridge.\nCommuters object react.';
const EVIL = /evil\.example|javascript:|__pwned|onerror|onclick|onload|<script|<img|<iframe|<svg/i;

declare global {
  var __pwned: unknown;
  var __inline: unknown;
}

/**
 * Around every test here: whatever was pasted ran no script and fetched nothing from another
 * origin, checked when the test is done (after its saves), so late requests are caught too.
 */
const test = appTest.extend<{ nothingRan: void }>({
  nothingRan: [
    async ({ page, app }, use) => {
      const outside: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(app.origin)) outside.push(r.url());
      });
      await use();
      expect(await page.evaluate(() => globalThis.__pwned)).toBeUndefined();
      expect(outside).toEqual([]);
    },
    { auto: true },
  ],
});

const editorOf = (page: Page) => page.getByTestId('script-editor');

/** A new story, emptied of its format's template, with the caret in it. */
async function newStory(page: Page): Promise<void> {
  await page.getByTestId('new-story').click();
  await editorOf(page).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await expect(editorOf(page)).toHaveText('');
}

type SerializedNode = Record<string, unknown> & { children?: SerializedNode[] };

/** The first text node in a serialized Lexical tree. */
function firstText(nodes: SerializedNode[]): SerializedNode | undefined {
  for (const node of nodes) {
    if (node.type === 'text') return node;
    const inner = firstText(node.children ?? []);
    if (inner) return inner;
  }
  return undefined;
}

/** Everything inside the editor that would be dangerous or outside the model. */
async function hostileDom(page: Page): Promise<string[]> {
  return editorOf(page).evaluate((root) => {
    const found: string[] = [];
    for (const el of root.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (
        [
          'script',
          'img',
          'iframe',
          'style',
          'link',
          'object',
          'embed',
          'svg',
          'a',
          'video',
          'audio',
          'meta',
          'code',
        ].includes(tag)
      )
        found.push(`<${tag}>`);
      for (const attr of el.attributes) {
        if (attr.name.startsWith('on')) found.push(`${tag}[${attr.name}]`);
        if (attr.name === 'style') found.push(`${tag}[style="${attr.value}"]`);
        if (/^(href|src|srcset|action|formaction|xlink:href)$/.test(attr.name))
          found.push(`${tag}[${attr.name}]`);
      }
    }
    return found;
  });
}

/** Saves with the keyboard and reads the story back from the archive, as stored. */
async function saveAndLoad(page: Page, call: CallService): Promise<string> {
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText(/^Saved/);
  const [latest] = unwrap(await call('stories.list', { limit: 1 })).items;
  return JSON.stringify(unwrap(await call('stories.get', { id: latest!.id })));
}

/** What the editor itself puts on the clipboard for the current selection (its own format). */
async function copyFromEditor(page: Page): Promise<{ namespace: string; nodes: SerializedNode[] }> {
  const json = await page.evaluate(() => {
    const transfer = new DataTransfer();
    document.activeElement!.dispatchEvent(
      new ClipboardEvent('copy', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
    return transfer.getData('application/x-lexical-editor');
  });
  return JSON.parse(json);
}

/** Types a line, selects it all and copies it: the editor's own clipboard, ready to be forged. */
async function copiedLine(page: Page) {
  await newStory(page);
  await page.keyboard.type('Forged formatted text');
  await page.keyboard.press('Control+a');
  const copy = await copyFromEditor(page);
  const text = firstText(copy.nodes);
  expect(text).toMatchObject({ type: 'text', text: 'Forged formatted text' });
  await page.keyboard.press('Delete');
  await expect(editorOf(page)).toHaveText('');
  return { copy, text: text! };
}

test('keeps the text of a web page and none of its markup, scripts, styles or links', async ({
  page,
  call,
}) => {
  await newStory(page);
  await paste(page, { 'text/html': HOSTILE_HTML, 'text/plain': VISIBLE_TEXT });
  await expect(editorOf(page)).toContainText('Tolls rise on the bridge.');
  expect(await hostileDom(page)).toEqual([]);
  const saved = await saveAndLoad(page, call);
  expect(saved).toContain('Tolls rise on the bridge.');
  expect(saved).not.toMatch(EVIL);
  expect(saved).not.toMatch(/style|font-size|color|"code"/i);
});

test('reads only the text of a clipboard that holds only HTML', async ({ page, call }) => {
  await newStory(page);
  await paste(page, { 'text/html': HOSTILE_HTML });
  // The text went through the script importer (the SLUG: line became the slug); no markup did.
  await expect(editorOf(page)).toContainText('Tolls rise on the bridge.');
  await expect(editorOf(page)).not.toContainText('SLUG:');
  expect(await hostileDom(page)).toEqual([]);
  expect(await saveAndLoad(page, call)).not.toMatch(EVIL);
});

test('reads the plain text when a forged Lexical clipboard beside hostile HTML is not JSON', async ({
  page,
  call,
}) => {
  await newStory(page);
  await paste(page, {
    'application/x-lexical-editor': '{"namespace":"x","nodes":[{"type":"link"',
    'text/html': HOSTILE_HTML,
    'text/plain': VISIBLE_TEXT,
  });
  // The script importer ran on the plain text (the SLUG: line became the slug), not the HTML.
  await expect(editorOf(page)).toContainText('Tolls rise on the bridge.');
  await expect(editorOf(page)).not.toContainText('SLUG:');
  expect(await hostileDom(page)).toEqual([]);
  expect(await saveAndLoad(page, call)).not.toMatch(EVIL);
});

test('strips styles and formats outside the model from a forged Lexical clipboard', async ({
  page,
  call,
}) => {
  const { copy, text } = await copiedLine(page);
  // bold | strikethrough | code | highlight, and a style that would fetch from elsewhere.
  Object.assign(text, {
    format: 1 | 4 | 16 | 128,
    style: 'background:url(https://evil.example/x.png);color:red',
  });
  await paste(page, {
    'application/x-lexical-editor': JSON.stringify(copy),
    'text/plain': 'plain',
  });
  await expect(editorOf(page)).toHaveText('Forged formatted text');
  expect(await hostileDom(page)).toEqual([]);
  const saved = await saveAndLoad(page, call);
  expect(saved).toContain('"bold":true');
  expect(saved).not.toMatch(EVIL);
  expect(saved).not.toMatch(/style|strikethrough|"code"|highlight|color/i);
});

test('reads the plain text when a forged Lexical clipboard holds a node type the editor does not know', async ({
  page,
  call,
}) => {
  const { copy, text } = await copiedLine(page);
  const link = { type: 'link', version: 1, url: 'javascript:window.__pwned=1', children: [text] };
  await paste(page, {
    'application/x-lexical-editor': JSON.stringify({ ...copy, nodes: [link] }),
    'text/plain': 'plain',
  });
  await expect(editorOf(page)).toHaveText('plain');
  expect(await hostileDom(page)).toEqual([]);
  expect(await saveAndLoad(page, call)).not.toMatch(EVIL);
});

test('keeps HTML typed as plain text as text: nothing comes alive', async ({ page, call }) => {
  await newStory(page);
  const literal =
    '<img src="https://evil.example/a.png" onerror="window.__pwned=1"> <script>window.__pwned=2</script>';
  await paste(page, { 'text/plain': literal });
  await expect(editorOf(page)).toContainText('<img src=');
  expect(await hostileDom(page)).toEqual([]);
  // Stored as the words the reporter pasted, never as markup.
  const saved = JSON.parse(await saveAndLoad(page, call)) as {
    body: { runs?: { text: string }[] }[];
  };
  expect(
    saved.body
      .flatMap((b) => b.runs ?? [])
      .map((r) => r.text)
      .join(''),
  ).toContain('<script>');
});

test('the CSP is in force: an inline script injected into the page does not run', async ({
  page,
}) => {
  await expect(page.getByTestId('new-story')).toBeVisible();
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'globalThis.__inline = true';
    document.head.append(script);
  });
  expect(await page.evaluate(() => globalThis.__inline)).toBeUndefined();
});
