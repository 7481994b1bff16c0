// `npm run screenshots`: the README's pictures, taken from the real app in Chromium.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, startBrowserMode } from '../e2e/harness';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const showcase = JSON.parse(readFileSync(join(FIXTURES, 'showcase-story.json'), 'utf8')) as Record<
  string,
  unknown
>;

const app = await startBrowserMode();
const browser = await launchBrowser();
try {
  const setup = await browser.newPage();
  // tsx names functions with an `__name` helper that the page does not have.
  await setup.addInitScript('globalThis.__name = (f) => f');
  await setup.goto(app.url);
  await setup.evaluate(async (fields) => {
    const call = async (channel: string, input: unknown) => {
      const response = await fetch(`api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const result = (await response.json()) as { ok: boolean; value: Record<string, unknown> };
      if (!result.ok) throw new Error(JSON.stringify(result));
      return result.value;
    };
    const rates = (wordsPerMinute: number) => ({
      wordsPerMinute,
      hangulSyllablesPerMinute: 340,
      cjkCharactersPerMinute: 300,
    });
    const presenters = [
      { name: 'Dana Reyes', rates: rates(165) },
      { name: 'Sports desk', rates: rates(190) },
    ];
    // The reporter writes the story; the editor (below) reviews it.
    await call('settings.save', { displayName: 'Kim Min-ji', presenters });
    await call('pronouncers.save', { term: 'Nguyen', phonetic: 'WIN' });
    const story = await call('stories.create', { format: 'VO/SOT' });
    const saved = await call('stories.save', {
      story: { ...story, ...fields },
      baseUpdatedAt: story.updatedAt,
    });
    // A second version, submitted, with an editor's comment anchored to a phrase: the review desk.
    const body = JSON.parse(JSON.stringify(saved.body)) as {
      type: string;
      runs?: { text: string; comments?: string[] }[];
    }[];
    const thread = '7b0a4c1e-2f3d-4e5a-8b6c-9d0e1f2a3b4c';
    body[1]!.runs = [
      { text: 'In less than six hours,... the ' },
      { text: 'Harbor Bridge' },
      { text: ' will close to all traffic for the first time in ' },
      { text: 'forty years', comments: [thread] },
      { text: '.' },
    ];
    await call('stories.save', { story: { ...saved, body }, baseUpdatedAt: saved.updatedAt });
    await call('stories.setStatus', { id: story.id, status: 'ready' });
    await call('settings.save', { displayName: 'Sam Okafor', presenters });
    await call('comments.add', {
      storyId: story.id,
      threadId: thread,
      body: 'Forty? The city’s release says it opened in 1986.',
      quote: 'forty years',
    });
  }, showcase);
  await setup.close();

  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      colorScheme: scheme,
    });
    await page.goto(app.url);
    if (scheme === 'light')
      await page.getByTestId('import-input').setInputFiles([join(FIXTURES, 'harbor-bridge.txt')]);
    await page.getByTestId('script-editor').waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(OUT, `import-${scheme}.png`) });
    await page.getByTestId('story-list').getByText('HARBOR BRIDGE CLOSES').click();
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(OUT, `editor-${scheme}.png`) });
    if (scheme === 'light') {
      await page.getByTestId('archive-search').fill('ferry');
      await page.waitForTimeout(600);
      await page.screenshot({ path: join(OUT, 'search.png') });
      await page.getByTestId('archive-search').fill('');
      await page.getByTestId('export').click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(OUT, 'export-dialog.png') });
      await page.keyboard.press('Escape');
      await page.getByTestId('open-settings').click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(OUT, 'settings.png') });
      await page.keyboard.press('Escape');
      await page.getByTestId('open-templates').click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(OUT, 'templates.png') });
      await page.keyboard.press('Escape');
      await page.getByTestId('story-list').getByText('HARBOR BRIDGE CLOSES').click();
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(OUT, 'review.png') });
      await page.getByTestId('history-toggle').click();
      await page.waitForTimeout(500);
      const history = page.getByTestId('history-panel');
      for (const box of await history.getByRole('checkbox').all()) await box.uncheck();
      await history.getByLabel('Compare version 2').check();
      await history.getByLabel('Compare version 3').check();
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(OUT, 'history.png') });
    }
    await page.close();
  }
} finally {
  await browser.close();
  await app.stop();
}
console.log(`Screenshots written to ${OUT}`);
