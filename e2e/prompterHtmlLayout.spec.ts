import { expect, test } from '@playwright/test';
import { prompterHtml } from '../main/export/prompterHtml';
import { makeStory } from '../shared/story/testing/makeStory';
import { DEFAULT_EXPORT_OPTIONS } from '../shared/export/options';

// Chromium lays out the prompter page as a web prompter would: at prompter type sizes a line
// holds a few words, and a pronouncer must never break at its hyphens or spaces.
test('Chromium keeps every pronouncer on one line, at any width', async ({ page }) => {
  const story = makeStory({
    body: [
      {
        type: 'paragraph',
        runs: [
          { text: 'Transport minister ' },
          { text: 'Raghunathan', pronouncer: 'RAH-goo-NAH-tun' },
          { text: ' met ' },
          { text: 'Kim Min-ji', pronouncer: 'KIM MIN-jee' },
          { text: ' and the harbor master in the morning.' },
        ],
      },
    ],
  });
  await page.setContent(prompterHtml([story], { ...DEFAULT_EXPORT_OPTIONS, fontSizePt: 48 }));
  const pronouncers = page.locator('.pronouncer');
  await expect(pronouncers).toHaveCount(2);
  for (const width of [320, 420, 560, 900]) {
    await page.setViewportSize({ width, height: 900 });
    const lines = await pronouncers.evaluateAll((spans) =>
      spans.map((s) => new Set([...s.getClientRects()].map((r) => Math.round(r.top))).size),
    );
    expect(lines, `at ${width}px`).toEqual([1, 1]);
  }
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
