import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startBrowserMode, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startBrowserMode();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 950 } });
  await page.goto(app.url);
  await page.getByTestId('new-story').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const words = (n: number, word = 'word') => Array.from({ length: n }, () => word).join(' ');
const editor = () => page.getByTestId('script-editor');

/** Starts a story of a format from the keyboard: Alt+Shift+N to the format picker, pick, Enter. */
async function newStoryFromKeyboard(format: string) {
  await page.keyboard.press('Alt+Shift+N');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
    .toBe('Format of the new story');
  await page.keyboard.type(format);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('format').inputValue()).toBe(format);
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
    .toBe('script-editor');
}

async function paste(text: string) {
  await editor().evaluate((element, data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, text);
}

const statusText = (id: string) => page.getByTestId(id).textContent();

describe('the script editor, by keyboard', () => {
  it('builds a VO/SOT from its template with a sound bite and a pronouncer, and times it honestly', async () => {
    await newStoryFromKeyboard('VO/SOT');
    // The template: cue, read, TAKE VO cue, read, SOT block, cue, read.
    expect(
      await page
        .locator('[data-block]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-block'))),
    ).toEqual(['cue', 'cue', 'media', 'cue']);
    await page.keyboard.type(`${words(28, 'intro')} Minister Raghunathan`);
    await page.keyboard.press('Control+Alt+r');
    const popover = page.getByTestId('pronouncer-popover');
    await popover.waitFor();
    await page.keyboard.type('RAH-goo-NAH-tun');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.cd-pronounced').getAttribute('data-pronouncer'))
      .toBe('RAH-goo-NAH-tun');
    await page.keyboard.type(' spoke today,... about it.');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type(words(30, 'vo'));
    // A production cue and a presenter instruction, made with their shortcuts, are not timed.
    await page.keyboard.press('Enter');
    await page.keyboard.type('SUPER: HARBOR CITY');
    await page.keyboard.press('Control+Alt+2');
    await page.keyboard.press('Enter');
    await page.keyboard.type('(BEAT)');
    await page.keyboard.press('Control+Alt+3');
    // Into the sound bite's fields: Tab leaves the text for the first control inside the script.
    await page.keyboard.press('Tab'); // SOT/PKG switch
    await page.keyboard.press('Tab');
    await page.keyboard.type('Lee Jun');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Mayor of Harbor City');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0:14');
    await page.keyboard.press('Tab'); // remove button
    await page.keyboard.press('Tab'); // IN
    await page.keyboard.press('Tab'); // OUT
    await page.keyboard.press('Tab'); // transcript
    await page.keyboard.type('We will rebuild the bridge by next spring.');
    const media = page.locator('[data-block="media"]');
    await expect
      .poll(() => media.getByLabel('In', { exact: true }).inputValue())
      .toBe('We will rebuild');
    await expect
      .poll(() => media.getByLabel('Out', { exact: true }).inputValue())
      .toBe('by next spring.');
    expect(await media.getByLabel('Dur', { exact: true }).inputValue()).toBe('0:14');

    // 28 + 2 + 4 ("spoke today, about it") intro words, 30 VO words: 64 words at 180 wpm = 21 s.
    await expect.poll(() => statusText('words')).toBe('64');
    expect(await statusText('read-time')).toBe('0:21');
    expect(await statusText('media-time')).toBe('0:14');
    expect(await statusText('trt')).toBe('0:35');

    await page.keyboard.press('Control+s');
    await expect.poll(() => statusText('save-state')).toMatch(/^Saved/);

    // It all survives a reload.
    await page.reload();
    await editor().waitFor();
    await expect.poll(() => page.locator('.cd-pronounced').textContent()).toBe('Raghunathan');
    expect(await page.locator('[data-block="cue"]').allTextContents()).toContain(
      'SUPER: HARBOR CITY',
    );
    expect(await page.locator('[data-block="instruction"]').allTextContents()).toContain('(BEAT)');
    expect(await page.locator('.cd-pause').allTextContents()).toEqual([',...']);
    expect(
      await page
        .locator('[data-block="media"]')
        .getByLabel('Speaker', { exact: true })
        .inputValue(),
    ).toBe('Lee Jun');
    await expect.poll(() => statusText('trt')).toBe('0:35');
  });

  it('builds a PKG from its template and shows over/under against a target', async () => {
    await newStoryFromKeyboard('PKG');
    expect(await page.locator('[data-block="media"] .cd-media-kind').textContent()).toBe('PKG');
    await page.keyboard.type(words(45, 'intro'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('Park Ji-won reports.');
    await page.getByLabel('Target length').fill('1:30');
    await page.getByLabel('Target length').press('Enter');
    const media = page.locator('[data-block="media"]');
    await media.getByLabel('Dur', { exact: true }).fill('1:45');
    await media.getByLabel('Dur', { exact: true }).press('Enter');
    // 48 words = 16 s read, 1:45 package: 2:01 TRT, 0:31 over a 1:30 target.
    await expect.poll(() => statusText('trt')).toBe('2:01');
    expect(await statusText('over-under')).toBe('0:31');
    await page.keyboard.press('Control+s');
    await expect.poll(() => statusText('save-state')).toMatch(/^Saved/);
    await page.reload();
    await expect.poll(() => page.getByLabel('Target length').inputValue()).toBe('1:30');
    await expect.poll(() => statusText('over-under')).toBe('0:31');
  });
});

describe('pasting scripts', () => {
  it('structures a pasted bracket-cued script: cues, a sound bite and tags', async () => {
    await newStoryFromKeyboard('READER');
    await paste(
      [
        'Fire crews are still on the scene of a warehouse blaze in the port district.',
        '[TAKE VO]',
        'Flames broke through the roof just after midnight.',
        '[TAKE SOT: Ana Ruiz, Witness]',
        '[IN: I heard a bang]',
        '[OUT: was gone.]',
        '[DUR: 0:09]',
        '(TURN TO CAM 2)',
        'Investigators expect to be there for days.',
        '#fire #port',
      ].join('\n'),
    );
    await expect
      .poll(() =>
        page
          .locator('[data-block]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-block'))),
      )
      // Pasted into a new story, the script replaces the template (its ANCHOR ON CAM cue), as
      // importing the same file would.
      .toEqual(['cue', 'media', 'instruction']);
    const media = page.locator('[data-block="media"]');
    expect(await media.getByLabel('Speaker', { exact: true }).inputValue()).toBe('Ana Ruiz');
    expect(await media.getByLabel('Dur', { exact: true }).inputValue()).toBe('0:09');
    expect(await page.getByTestId('tags').textContent()).toMatch(/#fire.*#port/);
    expect(await page.getByTestId('format').inputValue()).toBe('VO/SOT');
  });

  it('times a pasted Korean script by syllables', async () => {
    await newStoryFromKeyboard('READER');
    const korean = '정부는 오늘 국가안전보장회의를 열었습니다.';
    await paste(`${korean}\n${korean}`);
    // 3 + 2 + 9 + 5 = 19 syllables a line, 38 in all, at 340 a minute: 6.7 seconds.
    await expect.poll(() => statusText('hangul')).toBe('38');
    expect(await statusText('read-time')).toBe('0:07');
    expect(await statusText('words')).toBe('0');
  });
});

describe('pronouncer dictionary and find', () => {
  it('offers a pronouncer the archive already knows, and lists it in the dictionary', async () => {
    await newStoryFromKeyboard('READER');
    await page.keyboard.type('Later today minister Raghunathan meets the union.');
    const hint = page.getByTestId('pronouncer-hints').getByRole('button', { name: /Raghunathan/ });
    await hint.click();
    await expect
      .poll(() => page.locator('.cd-pronounced').getAttribute('data-pronouncer'))
      .toBe('RAH-goo-NAH-tun');
    await page.getByTestId('open-pronouncers').click();
    const dictionary = page.getByTestId('pronouncer-dictionary');
    await expect
      .poll(() => dictionary.locator('tbody tr').first().textContent())
      .toContain('RAH-goo-NAH-tun');
    await page.keyboard.press('Escape');
  });

  it('finds and replaces within the story', async () => {
    await editor().click();
    await page.keyboard.press('Control+f');
    await page.getByLabel('Find', { exact: true }).fill('union');
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe('1 of 1');
    await page.getByLabel('Replace with').fill('council');
    await page.getByRole('button', { name: 'Replace all' }).click();
    await expect.poll(() => editor().textContent()).toContain('meets the council.');
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe('No matches');
  });
});
