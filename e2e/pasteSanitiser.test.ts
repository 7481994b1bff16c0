import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startBrowserMode, type RunningApp } from './harness';

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

let app: RunningApp;
let browser: Browser;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  app = await startBrowserMode();
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** A new story, emptied of its format's template, with the caret in it. */
async function newStory(): Promise<void> {
  await page.getByTestId('new-story').click();
  await page.getByTestId('script-editor').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await expect.poll(editorText).toBe('');
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

/** Dispatches a real paste event carrying the given clipboard types to the focused editor. */
async function paste(types: Record<string, string>): Promise<void> {
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(data)) transfer.setData(type, value);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, types);
}

/** Everything inside the editor that would be dangerous or outside the model. */
async function hostileDom(): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-testid="script-editor"]')!;
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

async function saveAndLoad(): Promise<string> {
  await page.keyboard.press('Control+s');
  await expect.poll(() => page.getByTestId('save-state').textContent()).toMatch(/^Saved/);
  return page.evaluate(async () => {
    const list = await (
      await fetch('api/stories.list', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"limit":1}',
      })
    ).json();
    const id = list.value.items[0].id;
    const story = await (
      await fetch('api/stories.get', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id }),
      })
    ).json();
    return JSON.stringify(story.value);
  });
}

/** What the editor itself puts on the clipboard for the current selection (its own format). */
async function copyFromEditor(): Promise<{ namespace: string; nodes: SerializedNode[] }> {
  const json = await page.evaluate(() => {
    const transfer = new DataTransfer();
    document.activeElement!.dispatchEvent(
      new ClipboardEvent('copy', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
    return transfer.getData('application/x-lexical-editor');
  });
  return JSON.parse(json);
}

async function editorText(): Promise<string> {
  return (await page.getByTestId('script-editor').textContent()) ?? '';
}

describe('pasting hostile HTML into the script editor', () => {
  it('keeps the text of a web page and none of its markup, scripts, styles or links', async () => {
    await newStory();
    await paste({ 'text/html': HOSTILE_HTML, 'text/plain': VISIBLE_TEXT });
    await expect.poll(editorText).toContain('Tolls rise on the bridge.');
    expect(await hostileDom()).toEqual([]);
    const saved = await saveAndLoad();
    expect(saved).toContain('Tolls rise on the bridge.');
    expect(saved).not.toMatch(EVIL);
    expect(saved).not.toMatch(/style|font-size|color|"code"/i);
  });

  it('reads only the text of a clipboard that holds only HTML', async () => {
    await newStory();
    await paste({ 'text/html': HOSTILE_HTML });
    // The text went through the script importer (the SLUG: line became the slug); no markup did.
    await expect.poll(editorText).toContain('Tolls rise on the bridge.');
    expect(await editorText()).not.toContain('SLUG:');
    expect(await hostileDom()).toEqual([]);
    expect(await saveAndLoad()).not.toMatch(EVIL);
  });

  it('reads the plain text when a forged Lexical clipboard beside hostile HTML is not JSON', async () => {
    await newStory();
    await paste({
      'application/x-lexical-editor': '{"namespace":"x","nodes":[{"type":"link"',
      'text/html': HOSTILE_HTML,
      'text/plain': VISIBLE_TEXT,
    });
    // The script importer ran on the plain text (the SLUG: line became the slug), not the HTML.
    await expect.poll(editorText).toContain('Tolls rise on the bridge.');
    expect(await editorText()).not.toContain('SLUG:');
    expect(await hostileDom()).toEqual([]);
    expect(await saveAndLoad()).not.toMatch(EVIL);
  });

  it('strips styles and formats outside the model from a forged Lexical clipboard', async () => {
    await newStory();
    await page.keyboard.type('Forged formatted text');
    await page.keyboard.press('Control+a');
    const copy = await copyFromEditor();
    const text = firstText(copy.nodes);
    expect(text).toMatchObject({ type: 'text', text: 'Forged formatted text' });
    // bold | strikethrough | code | highlight, and a style that would fetch from elsewhere.
    Object.assign(text!, {
      format: 1 | 4 | 16 | 128,
      style: 'background:url(https://evil.example/x.png);color:red',
    });
    await page.keyboard.press('Delete');
    await paste({ 'application/x-lexical-editor': JSON.stringify(copy), 'text/plain': 'plain' });
    await expect.poll(editorText).toBe('Forged formatted text');
    expect(await hostileDom()).toEqual([]);
    const saved = await saveAndLoad();
    expect(saved).toContain('"bold":true');
    expect(saved).not.toMatch(EVIL);
    expect(saved).not.toMatch(/style|strikethrough|"code"|highlight|color/i);

    // A node type the editor does not know (a link) makes the copy unreadable: the plain text wins.
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    const link = {
      type: 'link',
      version: 1,
      url: 'javascript:window.__pwned=1',
      children: [text],
    };
    await paste({
      'application/x-lexical-editor': JSON.stringify({ ...copy, nodes: [link] }),
      'text/plain': 'plain',
    });
    await expect.poll(editorText).toBe('plain');
    expect(await hostileDom()).toEqual([]);
    expect(await saveAndLoad()).not.toMatch(EVIL);
  });

  it('keeps HTML typed as plain text as text: nothing comes alive', async () => {
    await newStory();
    const literal =
      '<img src="https://evil.example/a.png" onerror="window.__pwned=1"> <script>window.__pwned=2</script>';
    await paste({ 'text/plain': literal });
    await expect.poll(editorText).toContain('<img src=');
    expect(await hostileDom()).toEqual([]);
    // Stored as the words the reporter pasted, never as markup.
    const saved = JSON.parse(await saveAndLoad()) as { body: { runs?: { text: string }[] }[] };
    expect(
      saved.body
        .flatMap((b) => b.runs ?? [])
        .map((r) => r.text)
        .join(''),
    ).toContain('<script>');
  });

  it('ran no pasted script and fetched nothing from elsewhere', async () => {
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    ).toBeUndefined();
    expect(requests.filter((url) => !url.startsWith(app.origin))).toEqual([]);
  });

  it('the CSP is in force: an inline script injected into the page does not run', async () => {
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = true';
      document.head.append(script);
    });
    expect(
      await page.evaluate(() => (window as unknown as { __inline?: boolean }).__inline),
    ).toBeUndefined();
  });
});
