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
  // Tonight's show: stories of the day, breaks and standing items, a hard hit and a float.
  await setup.evaluate(async () => {
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
    const scripts: [string, string, string, string][] = [
      [
        'COUNCIL BUDGET',
        'READER',
        'Dana Reyes',
        'The city council passed next year’s budget tonight after a four-hour debate, with most of the new money going to road repairs and the harbor. Members rejected a plan to cut library hours.',
      ],
      [
        'SCHOOL LUNCH',
        'VO',
        'Dana Reyes',
        'Starting Monday, every public school in the district serves free lunch to every student, whatever the family earns. The board says forty thousand children will eat at school next week.',
      ],
      [
        '항만 화재',
        'READER',
        'Dana Reyes',
        '오늘 새벽 항만 창고에서 불이 나 소방관 40여 명이 출동했습니다. 인명 피해는 없는 것으로 알려졌습니다.',
      ],
      [
        'FERRY STRIKE',
        'READER',
        'Sports desk',
        'Ferry crews walked off the job at noon. Commuters to the islands are told to expect delays through the weekend.',
      ],
      [
        'MARATHON',
        'VO',
        'Sports desk',
        'Twelve thousand runners are expected on Sunday morning. Roads along the waterfront close at six.',
      ],
    ];
    const ids: string[] = [];
    for (const [slug, format, presenter, text] of scripts) {
      const story = await call('stories.create', { format, slug });
      await call('stories.save', {
        story: { ...story, presenter, body: [{ type: 'paragraph', runs: [{ text }] }] },
        baseUpdatedAt: story.updatedAt,
      });
      ids.push(story.id as string);
    }
    const listed = (await call('stories.search', {
      query: 'harbor bridge',
      limit: 1,
    })) as unknown as {
      items: { id: string }[];
    };
    const today = new Date();
    const airDate = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    const created = await call('rundowns.create', {
      title: '6 PM NEWS',
      airDate,
      onAirSec: 18 * 3600,
      lengthSec: 30 * 60,
    });
    const id = (created.rundown as { id: string }).id;
    await call('rundowns.update', { id, blockBudgets: { A: 600, B: 420 } });
    const add = (row: Record<string, unknown>) => call('rundowns.addRow', { id, row });
    await add({ kind: 'item', label: 'HEADLINES', estSec: 45 });
    await add({ kind: 'story', storyId: listed.items[0]!.id });
    await add({ kind: 'story', storyId: ids[0] });
    await add({ kind: 'story', storyId: ids[2] });
    await add({ kind: 'story', storyId: ids[1], floated: true });
    await add({ kind: 'break', label: 'BREAK 1', estSec: 150 });
    await add({ kind: 'item', label: 'WEATHER WALL', estSec: 90, hitSec: 18 * 3600 + 600 });
    await add({ kind: 'story', storyId: ids[3] });
    await add({ kind: 'story', storyId: ids[4], actualSec: 31 });
    await add({ kind: 'break', label: 'BREAK 2', estSec: 120 });
    await add({ kind: 'item', label: 'GOODNIGHT', estSec: 20 });
  });
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
      await page.getByTestId('history-toggle').click();
      await page.getByTestId('rundowns-tab').click();
      await page.getByRole('button', { name: /6 PM NEWS/ }).click();
      await page.getByRole('button', { name: 'COUNCIL BUDGET', exact: true }).click();
      await page.getByTestId('script-editor').waitFor();
      // The pointer off the grid: a cell under it shows the box it becomes when clicked.
      await page.mouse.move(1, 1);
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(OUT, 'rundown.png') });
    }
    await page.close();
  }

  /** A page of the given size with the showcase story open. */
  const showcaseAt = async (width: number, height: number) => {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(app.url);
    await page.getByTestId('story-list').getByText('HARBOR BRIDGE CLOSES').click();
    await page.getByTestId('script-editor').waitFor();
    return page;
  };

  // A laptop's 1024×700: the script keeps most of the window; More filters fit the sidebar.
  const small = await showcaseAt(1024, 700);
  await small.waitForTimeout(800);
  await small.screenshot({ path: join(OUT, 'editor-1024.png') });
  await small.getByTestId('more-filters').click();
  await small.waitForTimeout(300);
  await small.screenshot({ path: join(OUT, 'filters-1024.png') });
  await small.close();

  // Focus mode: the page and the clock.
  const focus = await showcaseAt(1440, 900);
  await focus.keyboard.press('Control+Alt+f');
  await focus.waitForTimeout(500);
  await focus.screenshot({ path: join(OUT, 'focus-mode.png') });
  await focus.close();
} finally {
  await browser.close();
  await app.stop();
}
console.log(`Screenshots written to ${OUT}`);
