import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, test, unwrap } from './fixtures';
import { download } from './steps';
import { makeStory } from '../shared/story/testing/makeStory';
import { EXPORT_FORMAT_LABELS } from '../shared/export/formats';
import { readMos, str } from '../main/export/mos/testing/readMos';
import type { Story } from '../shared/story/model';
import { formatOverUnder, parseClock } from '../shared/rundown/clock';
import { parseLength } from '../shared/story/timing';

/** Fifteen scripts a newsroom wrote today, each a few sentences long. */
const SLUGS = [
  'HARBOR FIRE',
  'CITY BUDGET',
  'SCHOOL LUNCH',
  'BRIDGE CLOSES',
  'FERRY STRIKE',
  'MAYOR RACE',
  'FLOOD WARNING',
  'NEW LIBRARY',
  'BUS FARES',
  'HOSPITAL WAIT',
  'ZOO BIRTH',
  'MARATHON',
  'TRAIN DELAYS',
  'FARM PRICES',
  'SNOW PLOWS',
];
const stories: Story[] = SLUGS.map((slug, i) =>
  makeStory({
    slug,
    createdAt: `2026-11-30T0${Math.floor(i / 6)}:${String((i % 6) * 10).padStart(2, '0')}:00.000Z`,
    updatedAt: `2026-11-30T0${Math.floor(i / 6)}:${String((i % 6) * 10).padStart(2, '0')}:00.000Z`,
    text: `${slug.toLowerCase()} ${'and the story goes on a while '.repeat(4 + (i % 5))}`.trim(),
  }),
);

test.use({ seed: { stories } });

const grid = (page: Page) => page.getByRole('grid', { name: 'Running order' });
const row = (page: Page, slug: string) =>
  grid(page).getByTestId('rundown-row').filter({ hasText: slug });
const slugsInOrder = async (page: Page) =>
  (await grid(page).getByTestId('rundown-row').locator('.cd-rd-slug').allTextContents()).map((t) =>
    t.replace(/Float$/, '').trim(),
  );
const overUnder = (page: Page) => page.getByTestId('show-over-under');

/** Reads RTF with rtf.js, the renderer the unit tests use, in a page of its own. */
async function readRtfInBrowser(browser: Browser, rtf: string): Promise<string[]> {
  const require = createRequire(import.meta.url);
  const page = await browser.newPage();
  for (const bundle of ['EMFJS', 'WMFJS', 'RTFJS'])
    await page.addScriptTag({ path: require.resolve(`rtf.js/dist/${bundle}.bundle.js`) });
  const paragraphs = await page.evaluate(async (text) => {
    const { Document } = (
      window as unknown as {
        RTFJS: { Document: new (b: ArrayBuffer) => { render(): Promise<HTMLElement[]> } };
      }
    ).RTFJS;
    const elements = await new Document(
      new TextEncoder().encode(text).buffer as ArrayBuffer,
    ).render();
    return elements.map((e) => e.textContent ?? '').filter((t) => t !== '');
  }, rtf);
  await page.close();
  return paragraphs;
}

/** Adds stories from the picker below a row: the `skip` newest are passed over (already added). */
async function addStories(page: Page, after: string, count: number, skip = 0): Promise<string[]> {
  await row(page, after).click();
  await page.getByRole('button', { name: '+ Story…' }).click();
  const dialog = page.getByTestId('add-story-dialog');
  const search = dialog.getByLabel('Find a story to add');
  await expect(search).toBeFocused();
  const added: string[] = [];
  const options = dialog.getByRole('option');
  await expect(options.first()).toBeVisible();
  for (let i = 0; i < count; i++) {
    const option = options.nth(skip + added.length);
    const slug = (await option.locator('.cd-rd-picker-slug').textContent())!;
    // Down to the next story not yet added, then Enter, as a producer picks them one by one.
    while (
      (await dialog
        .getByRole('option', { selected: true })
        .locator('.cd-rd-picker-slug')
        .textContent()) !== slug
    )
      await search.press('ArrowDown');
    await search.press('Enter');
    await expect(option).toContainText('Added');
    await expect(row(page, slug)).toHaveCount(1);
    added.push(slug);
  }
  await search.press('Escape');
  await expect(dialog).toBeHidden();
  return added;
}

async function exportShow(
  page: Page,
  dir: string,
  label: string,
  extra?: (d: Locator) => Promise<unknown>,
) {
  await page.getByTestId('rundown-screen').getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog.getByLabel(/The show 6 PM NEWS, in running order/)).toBeChecked();
  await dialog.getByLabel(label).check();
  await extra?.(dialog);
  return download(page, dir, () => dialog.getByRole('button', { name: 'Export' }).click());
}

test('a producer builds a show from a template, rearranges it, writes in it and sends it to air', async ({
  page,
  app,
  call,
  browser,
}) => {
  test.slow();
  await test.step('the station keeps its evening show as a template', async () => {
    unwrap(
      await call('showTemplates.save', {
        name: 'Evening news',
        title: '6 PM NEWS',
        onAirSec: 18 * 3600,
        lengthSec: 30 * 60,
        blockBudgets: { A: 12 * 60 },
        rows: [
          {
            kind: 'item',
            label: 'HEADLINES',
            estSec: 45,
            page: null,
            floated: false,
            hitOffsetSec: null,
          },
          {
            kind: 'break',
            label: 'BREAK 1',
            estSec: 150,
            page: null,
            floated: false,
            hitOffsetSec: null,
          },
          {
            kind: 'item',
            label: 'WEATHER WALL',
            estSec: 90,
            page: null,
            floated: false,
            hitOffsetSec: null,
          },
          {
            kind: 'break',
            label: 'BREAK 2',
            estSec: 120,
            page: null,
            floated: false,
            hitOffsetSec: null,
          },
          {
            kind: 'item',
            label: 'GOODNIGHT',
            estSec: 20,
            page: null,
            floated: false,
            hitOffsetSec: null,
          },
        ],
      }),
    );
  });

  await test.step('a new rundown for today, from the template', async () => {
    await page.getByTestId('rundowns-tab').click();
    await page.getByRole('button', { name: 'New rundown…' }).click();
    const dialog = page.getByTestId('show-dialog');
    // On air, off air and length fit side by side: nothing runs out of the dialog.
    await expect(dialog.getByLabel('Length')).toBeVisible();
    expect(await dialog.evaluate((d) => d.scrollWidth - d.clientWidth)).toBe(0);
    await dialog.getByLabel('Template').selectOption('Evening news');
    await expect(dialog.getByLabel('Title')).toHaveValue('6 PM NEWS');
    await dialog.getByRole('button', { name: 'Create rundown' }).click();
    await expect(page.getByTestId('rundown-screen')).toBeVisible();
    const fromTemplate = ['HEADLINES', 'BREAK 1', 'WEATHER WALL', 'BREAK 2', 'GOODNIGHT'];
    expect(await slugsInOrder(page)).toEqual(fromTemplate);
    // The new show has the keyboard: its first row moves down and back without a click.
    await expect(grid(page)).toBeFocused();
    await page.keyboard.press('Alt+ArrowDown');
    await expect(grid(page).getByTestId('rundown-row').first()).toContainText('BREAK 1');
    await page.keyboard.press('Alt+ArrowUp');
    await expect(grid(page).getByTestId('rundown-row').first()).toContainText('HEADLINES');
    expect(await slugsInOrder(page)).toEqual(fromTemplate);
  });

  const a = await test.step('ten stories into the A block, five into the B block', async () => {
    const first = await addStories(page, 'HEADLINES', 10);
    await addStories(page, 'WEATHER WALL', 5, 10);
    await expect(grid(page).getByTestId('rundown-row')).toHaveCount(20);
    await expect(row(page, first[0]!).locator('[role=gridcell]').first()).toHaveText('A2');
    await expect(row(page, 'BREAK 1').locator('[role=gridcell]').first()).toHaveText('A12');
    return first;
  });

  await test.step('drags the last A story to the top of the show', async () => {
    const moving = a[9]!;
    await row(page, moving).dragTo(row(page, 'HEADLINES'), { targetPosition: { x: 40, y: 2 } });
    await expect(grid(page).getByTestId('rundown-row').first()).toContainText(moving);
    await expect(row(page, moving).locator('[role=gridcell]').first()).toHaveText('A1');
    await expect(row(page, 'HEADLINES').locator('[role=gridcell]').first()).toHaveText('A2');
  });

  const before = await overUnder(page).textContent();
  await test.step('floats a story: it keeps its page, leaves the timing', async () => {
    const floated = a[3]!;
    await row(page, floated).click();
    await page.keyboard.press('Alt+f');
    await expect(row(page, floated)).toHaveAttribute('aria-label', /floated/);
    await expect(row(page, floated).locator('.cd-rd-clock').first()).toHaveText('');
    await expect(overUnder(page)).not.toHaveText(before!);
  });

  await test.step('a hard hit on the B block: its first row starts at 18:12:00', async () => {
    const hit = row(page, 'WEATHER WALL').getByLabel('Hard hit for WEATHER WALL');
    await hit.click();
    await hit.pressSequentially('18:12:00');
    await hit.press('Enter');
    await expect(row(page, 'WEATHER WALL').locator('.cd-rd-clock').first()).toHaveText('18:12:00');
    // The row above it is back-timed to the hit.
    await expect(row(page, 'BREAK 1').locator('.cd-rd-clock').nth(1)).toHaveText('18:09:30');
    // The clock says how far the A block ends from the hit: the break's end against 18:12:00.
    const breakStarts = parseClock(
      (await row(page, 'BREAK 1').locator('.cd-rd-clock').first().textContent())!,
    )!;
    const breakLength = parseLength(
      (await row(page, 'BREAK 1').getByLabel('Estimated length of BREAK 1').textContent())!,
    )!;
    const into = breakStarts + breakLength - parseClock('18:12:00')!;
    const hitClock = page.getByTestId('hit-over-under');
    await expect(hitClock).toHaveText(
      new RegExp(`hit 18:12 \\${formatOverUnder(into)} ${into > 0 ? 'heavy' : 'light'}$`),
    );
  });

  await test.step('opens a story beside the rundown and types: its row and the clock follow', async () => {
    const slug = a[0]!;
    const est = row(page, slug).getByLabel(`Estimated length of ${slug}`);
    // The cell shows the script's time as text until someone types an estimate over it.
    const estBefore = await est.textContent();
    // The B block starts at its hard hit, so the story's time shows in the A block's clocks: when
    // the break at its end starts, and the block's over/under against its budget.
    const breakFront = row(page, 'BREAK 1').locator('.cd-rd-clock').first();
    const frontBefore = await breakFront.textContent();
    const budget = page.locator('.cd-rd-block-budget').filter({ hasText: /^A / });
    const budgetBefore = await budget.textContent();
    await row(page, slug).getByRole('button', { name: slug, exact: true }).click();
    const editor = page.getByTestId('script-editor');
    await expect(editor).toContainText(slug.toLowerCase());
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(
      ' Firefighters stayed at the scene through the night, and the harbor master says the piers reopen on Monday morning after the engineers have checked every beam.',
    );
    await expect(est).not.toHaveText(estBefore!);
    await expect(breakFront).not.toHaveText(frontBefore!);
    await expect(budget).not.toHaveText(budgetBefore!);
    await expect(page.getByTestId('save-state')).toHaveText(/^Saved/);
  });

  const expected =
    await test.step('what air gets: the stories in order, the float left out', async () => {
      const order = await slugsInOrder(page);
      const floated = a[3]!;
      return order.filter((s) => SLUGS.includes(s) && s !== floated);
    });

  await test.step('closes the script and reads the show’s history beside the grid', async () => {
    await page.getByRole('button', { name: 'Close script' }).click();
    // The keyboard is back on the running order.
    await expect(grid(page)).toBeFocused();
    const presenter = grid(page).getByRole('columnheader', { name: 'Presenter' });
    await expect(presenter).toHaveCount(1);
    await page.getByRole('button', { name: 'History', exact: true }).click();
    const history = page.getByRole('complementary', { name: 'Rundown history' });
    await expect(history).toContainText(`Floated ${a[3]!}`);
    // Beside the history the grid keeps the columns a move or a time needs.
    await expect(presenter).toHaveCount(0);
    await expect(grid(page).getByRole('columnheader', { name: 'Actual' })).toHaveCount(1);
    await history.getByRole('button', { name: 'Close history' }).click();
    await expect(presenter).toHaveCount(1);
  });

  await test.step('exports the show to prompter RTF, read back by rtf.js', async () => {
    const file = await exportShow(page, app.dir, EXPORT_FORMAT_LABELS['prompter-rtf']);
    expect(file.name).toMatch(/^6-PM-NEWS-\d{4}-\d{2}-\d{2}\.rtf$/);
    const paragraphs = await readRtfInBrowser(browser, readFileSync(file.path, 'latin1'));
    const slugLines = paragraphs
      .filter((p) => /^[A-Z]\d+ /.test(p))
      .map((p) => p.replace(/^\S+ /, ''));
    expect(slugLines).toEqual(expected);
  });

  await test.step('exports it as a MOS running order, read back by NRK’s parser', async () => {
    const file = await exportShow(page, app.dir, EXPORT_FORMAT_LABELS.mos, (d) =>
      d.getByLabel('Encoding').selectOption('utf-8'),
    );
    const messages = readMos(readFileSync(file.path, 'utf8'));
    const ro = messages[0]!;
    if (ro.kind !== 'roCreate') throw new Error('the file does not start with roCreate');
    expect(ro.ro.Stories.map((s) => str(s.Slug))).toEqual(expected);
    expect(
      messages.slice(1).map((m) => (m.kind === 'roStorySend' ? str(m.story.Slug) : m.kind)),
    ).toEqual(expected);
  });
});
