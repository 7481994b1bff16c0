import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { paste, retype, saveWithKeyboard } from './steps';

const words = (n: number, word = 'word') => Array.from({ length: n }, () => word).join(' ');

/** Starts a story of a format from the keyboard: Alt+Shift+N to the format picker, pick, Enter. */
async function newStoryFromKeyboard(page: Page, format: string) {
  await expect(page.getByTestId('new-story')).toBeVisible();
  await page.keyboard.press('Alt+Shift+N');
  await expect(page.getByLabel('Format of the new story')).toBeFocused();
  await page.keyboard.type(format);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('format')).toHaveValue(format);
  await expect(page.getByTestId('script-editor')).toBeFocused();
}

/** The script's blocks other than read text, in order. */
async function expectBlocks(page: Page, kinds: string[]) {
  const blocks = page.locator('[data-block]');
  await expect(blocks).toHaveCount(kinds.length);
  for (const [i, kind] of kinds.entries())
    await expect(blocks.nth(i)).toHaveAttribute('data-block', kind);
}

test.describe('the script editor, by keyboard', () => {
  test('builds a VO/SOT from its template with a sound bite and a pronouncer, and times it honestly', async ({
    page,
  }) => {
    const media = page.locator('[data-block="media"]');

    await test.step('the template: cue, read, TAKE VO cue, read, SOT block, cue, read', async () => {
      await newStoryFromKeyboard(page, 'VO/SOT');
      await expectBlocks(page, ['cue', 'cue', 'media', 'cue']);
    });

    await test.step('the intro, with a pronouncer', async () => {
      await page.keyboard.type(`${words(28, 'intro')} Minister Raghunathan`);
      await page.keyboard.press('Control+Alt+r');
      await expect(page.getByTestId('pronouncer-popover').getByRole('textbox')).toBeFocused();
      await page.keyboard.type('RAH-goo-NAH-tun');
      await page.keyboard.press('Enter');
      await expect(page.locator('.cd-pronounced')).toHaveAttribute(
        'data-pronouncer',
        'RAH-goo-NAH-tun',
      );
      await page.keyboard.type(' spoke today,... about it.');
    });

    await test.step('the VO, and a production cue and an instruction from their shortcuts', async () => {
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.type(words(30, 'vo'));
      await page.keyboard.press('Enter');
      await page.keyboard.type('SUPER: HARBOR CITY');
      await page.keyboard.press('Control+Alt+2');
      await page.keyboard.press('Enter');
      await page.keyboard.type('(BEAT)');
      await page.keyboard.press('Control+Alt+3');
      await expect(
        page.locator('[data-block="cue"]').filter({ hasText: /^SUPER: HARBOR CITY$/ }),
      ).toHaveCount(1);
      await expect(page.locator('[data-block="instruction"]')).toHaveText(['(BEAT)']);
    });

    await test.step('the sound bite’s fields, by Tab', async () => {
      // Tab leaves the text for the first control inside the script.
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
      await expect(media.getByLabel('In', { exact: true })).toHaveValue('We will rebuild');
      await expect(media.getByLabel('Out', { exact: true })).toHaveValue('by next spring.');
      await expect(media.getByLabel('Dur', { exact: true })).toHaveValue('0:14');
    });

    await test.step('cues and instructions are not timed', async () => {
      // 28 + 2 + 4 ("spoke today, about it") intro words, 30 VO words: 64 words at 180 wpm = 21 s.
      await expect(page.getByTestId('words')).toHaveText('64');
      await expect(page.getByTestId('read-time')).toHaveText('0:21');
      await expect(page.getByTestId('media-time')).toHaveText('0:14');
      await expect(page.getByTestId('trt')).toHaveText('0:35');
    });

    await test.step('it all survives a save and a reload', async () => {
      await saveWithKeyboard(page);
      await page.reload();
      await expect(page.locator('.cd-pronounced')).toHaveText('Raghunathan');
      await expect(
        page.locator('[data-block="cue"]').filter({ hasText: /^SUPER: HARBOR CITY$/ }),
      ).toHaveCount(1);
      await expect(page.locator('[data-block="instruction"]')).toHaveText(['(BEAT)']);
      await expect(page.locator('.cd-pause')).toHaveText([',...']);
      await expect(media.getByLabel('Speaker', { exact: true })).toHaveValue('Lee Jun');
      await expect(page.getByTestId('trt')).toHaveText('0:35');
    });
  });

  test('a sound bite’s transcript shows whole on the page, growing as it is typed', async ({
    page,
  }) => {
    await newStoryFromKeyboard(page, 'PKG');
    const track = page.locator('[data-block="media"]').getByRole('textbox', { name: /^Track/ });
    await track.click();
    const before = (await track.boundingBox())!.height;
    // A package track of several long lines, as a reporter pastes or types it.
    for (let i = 0; i < 4; i++) {
      await page.keyboard.type(`${words(30, 'harbor')}.`);
      await page.keyboard.press('Enter');
    }
    await page.keyboard.type('Fatima Haddad, Harbor City News.');
    // Every line is on the page: the field grew to its text and scrolls nothing inside it.
    await expect
      .poll(() => track.evaluate((t) => t.scrollHeight - t.clientHeight))
      .toBeLessThanOrEqual(0);
    expect((await track.boundingBox())!.height).toBeGreaterThan(before * 3);
  });

  test('builds a PKG from its template and shows over/under against a target', async ({ page }) => {
    await newStoryFromKeyboard(page, 'PKG');
    await expect(page.locator('[data-block="media"] .cd-media-kind')).toHaveText('PKG');
    await page.keyboard.type(words(45, 'intro'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('Park Ji-won reports.');
    const target = page.getByLabel('Target length');
    await retype(target, '1:30');
    await target.press('Enter');
    const duration = page.locator('[data-block="media"]').getByLabel('Dur', { exact: true });
    await retype(duration, '1:45');
    await duration.press('Enter');
    // 48 words = 16 s read, 1:45 package: 2:01 TRT, 0:31 over a 1:30 target.
    await expect(page.getByTestId('trt')).toHaveText('2:01');
    await expect(page.getByTestId('over-under')).toHaveText('0:31');
    await saveWithKeyboard(page);
    await page.reload();
    await expect(page.getByLabel('Target length')).toHaveValue('1:30');
    await expect(page.getByTestId('over-under')).toHaveText('0:31');
  });
});

test.describe('pasting scripts', () => {
  test('structures a pasted bracket-cued script: cues, a sound bite and tags', async ({ page }) => {
    await newStoryFromKeyboard(page, 'READER');
    await paste(page, {
      'text/plain': [
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
    });
    // Pasted into a new story, the script replaces the template (its ANCHOR ON CAM cue), as
    // importing the same file would.
    await expectBlocks(page, ['cue', 'media', 'instruction']);
    const media = page.locator('[data-block="media"]');
    await expect(media.getByLabel('Speaker', { exact: true })).toHaveValue('Ana Ruiz');
    await expect(media.getByLabel('Dur', { exact: true })).toHaveValue('0:09');
    await expect(page.getByTestId('tags')).toHaveText(/#fire.*#port/);
    await expect(page.getByTestId('format')).toHaveValue('VO/SOT');
  });

  test('times a pasted Korean script by syllables', async ({ page }) => {
    await newStoryFromKeyboard(page, 'READER');
    const korean = '정부는 오늘 국가안전보장회의를 열었습니다.';
    await paste(page, { 'text/plain': `${korean}\n${korean}` });
    // 3 + 2 + 9 + 5 = 19 syllables a line, 38 in all, at 340 a minute: 6.7 seconds.
    await expect(page.getByTestId('hangul')).toHaveText('38');
    await expect(page.getByTestId('read-time')).toHaveText('0:07');
    await expect(page.getByTestId('words')).toHaveText('0');
  });
});

test.describe('pronouncer dictionary and find', () => {
  test('offers a pronouncer taught in one story when the name comes up in the next, and lists it in the dictionary', async ({
    page,
  }) => {
    await test.step('a pronouncer taught in one story', async () => {
      await newStoryFromKeyboard(page, 'READER');
      await page.keyboard.type('Minister Raghunathan');
      await page.keyboard.press('Control+Alt+r');
      await expect(page.getByTestId('pronouncer-popover').getByRole('textbox')).toBeFocused();
      await page.keyboard.type('RAH-goo-NAH-tun');
      await page.keyboard.press('Enter');
      await expect(page.locator('.cd-pronounced')).toHaveText('Raghunathan');
      await saveWithKeyboard(page);
    });

    await test.step('is offered in the next', async () => {
      await newStoryFromKeyboard(page, 'READER');
      await page.keyboard.type('Later today minister Raghunathan meets the union.');
      await page
        .getByTestId('pronouncer-hints')
        .getByRole('button', { name: /Raghunathan/ })
        .click();
      await expect(page.locator('.cd-pronounced')).toHaveAttribute(
        'data-pronouncer',
        'RAH-goo-NAH-tun',
      );
    });

    await test.step('and is in the dictionary', async () => {
      await page.getByTestId('open-pronouncers').click();
      const dictionary = page.getByTestId('pronouncer-dictionary');
      await expect(dictionary.locator('tbody tr').first()).toContainText('RAH-goo-NAH-tun');
      await page.keyboard.press('Escape');
      await expect(dictionary).toBeHidden();
    });
  });

  test('finds and replaces within the story, the word typed key by key', async ({ page }) => {
    const editor = page.getByTestId('script-editor');
    await newStoryFromKeyboard(page, 'READER');
    await page.keyboard.type('Later today the minister meets the union.');
    await page.keyboard.press('Control+f');
    await expect(page.getByLabel('Find', { exact: true })).toBeFocused();
    await page.keyboard.type('union');
    await expect(page.getByLabel('Find', { exact: true })).toHaveValue('union');
    await expect(page.getByTestId('find-count')).toHaveText('1 of 1');
    await page.getByLabel('Replace with').click();
    await page.keyboard.type('council');
    await page.getByRole('button', { name: 'Replace all' }).click();
    await expect(editor).toContainText('meets the council.');
    await expect(page.getByTestId('find-count')).toHaveText('No matches');
  });
});
