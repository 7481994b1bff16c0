import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startBrowserMode, type RunningApp } from './harness';
import { generateStory } from '../bench/generate/stories';

const STORIES = 3000;
const SEED = 'e2e-archive-list';

let app: RunningApp;
let browser: Browser;
let page: Page;

/** The generated archive, newest first: story N was written after story N-1. */
const slugAt = (row: number) => generateStory(SEED, STORIES - 1 - row, STORIES).slug;

async function importGenerated(): Promise<void> {
  const { origin, searchParams } = new URL(app.url);
  for (let start = 0; start < STORIES; start += 1000) {
    const stories = Array.from({ length: 1000 }, (_, i) => generateStory(SEED, start + i, STORIES));
    const response = await fetch(`${origin}/api/import.stories`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${searchParams.get('token')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ stories }),
    });
    expect(await response.json()).toEqual({ ok: true, value: { imported: 1000 } });
  }
}

const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { index: Number(el?.dataset.index), text: el?.textContent ?? '' };
  });

beforeAll(async () => {
  app = await startBrowserMode();
  await importGenerated();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the archive list with thousands of stories', () => {
  it('scrolls to the oldest story while drawing only the rows in view', async () => {
    await page.goto(app.url);
    await expect.poll(() => page.getByTestId('list-count').textContent()).toBe('3,000 stories');
    const rows = page.getByTestId('story-list').locator('li');
    expect(await rows.count()).toBeLessThan(60);

    await page.locator('.cd-story-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
    const last = page.locator(`[data-testid=story-list] li[aria-posinset="${STORIES}"]`);
    await expect.poll(() => last.textContent()).toContain(slugAt(STORIES - 1));
    expect(await last.getAttribute('aria-setsize')).toBe(String(STORIES));
    expect(await rows.count()).toBeLessThan(60);

    // Half way down: a page that was never near the screen is fetched when it scrolls in.
    await page.locator('.cd-story-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    const middle = page.locator(`[data-testid=story-list] li[aria-posinset="1501"]`);
    await expect.poll(() => middle.textContent()).toContain(slugAt(1500));
  });

  it('moves through every story from the keyboard and opens one with Enter', async () => {
    await page.goto(app.url);
    await page.getByTestId('story-row').first().waitFor();
    await page.getByTestId('story-row').first().focus();
    expect(await focused()).toMatchObject({ index: 0 });

    await page.keyboard.press('End');
    await expect.poll(async () => (await focused()).index).toBe(STORIES - 1);
    await expect.poll(async () => (await focused()).text).toContain(slugAt(STORIES - 1));

    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await focused()).index).toBe(STORIES - 2);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('Slug').inputValue()).toBe(slugAt(STORIES - 2));

    await page
      .getByTestId('story-row')
      .and(page.locator(`[data-index="${STORIES - 2}"]`))
      .focus();
    await page.keyboard.press('PageUp');
    await expect.poll(async () => (await focused()).index).toBeLessThan(STORIES - 3);
    await page.keyboard.press('Home');
    await expect.poll(async () => (await focused()).index).toBe(0);
    await expect.poll(async () => (await focused()).text).toContain(slugAt(0));
  });
});
