import type { Page } from '@playwright/test';
import { expect, test, unwrap } from './fixtures';
import { makeStory } from '../shared/story/testing/makeStory';
import { openShowOf } from './steps';
import {
  freePorts,
  IMOSObjectStatus,
  startTestDevice,
  type TestDevice,
} from '../main/mos/testing/testDevice';

const SLUGS = ['HARBOR FIRE', 'CITY BUDGET', 'LOST DOG', 'WEATHER'];
test.use({
  seed: {
    stories: SLUGS.map((slug) => makeStory({ slug, text: `${slug.toLowerCase()} tonight.` })),
  },
});

const grid = (page: Page) => page.getByRole('grid', { name: 'Running order' });
const row = (page: Page, slug: string) =>
  grid(page).getByTestId('rundown-row').filter({ hasText: slug });

test('a producer adds a prompter, sends tonight’s show to it, rearranges it and sees the prompter’s READY on the row', async ({
  page,
  call,
}) => {
  test.slow();
  const ncs = await freePorts();
  const ports = await freePorts();
  unwrap(await call('mos.settings.save', { ncsId: 'copydesk.e2e', listen: true, ports: ncs }));
  let device: TestDevice | null = null;
  try {
    device = await startTestDevice({
      mosId: 'prompter.e2e.mos',
      ports,
      ncs: { id: 'copydesk.e2e', ports: ncs },
    });

    const rundownId = await test.step('tonight’s show has four stories', async () => {
      const id = await openShowOf(page, call, SLUGS);
      await expect(grid(page).getByTestId('rundown-row')).toHaveCount(4);
      return id;
    });

    await test.step('the prompter is added in Settings', async () => {
      await page.getByRole('button', { name: 'Settings' }).click();
      const section = page.getByTestId('mos-settings');
      await section.getByRole('button', { name: 'Add device' }).click();
      const form = section.getByRole('group', { name: 'MOS device' });
      // The name field has the keyboard as the form opens.
      await expect(form.getByLabel('Name')).toBeFocused();
      await page.keyboard.type('PROMPTER 1');
      await form.getByLabel('Its MOS ID').pressSequentially('prompter.e2e.mos');
      await form.getByLabel('Host or IP address').pressSequentially('127.0.0.1');
      for (const which of ['lower', 'upper', 'query'] as const) {
        const field = form.getByLabel(`MOS ${which} port`);
        await field.selectText();
        await field.pressSequentially(String(ports[which]));
      }
      await form.getByRole('button', { name: 'Save device' }).click();
      await expect(section.getByRole('status')).toHaveText('PROMPTER 1 saved.');
      await expect(section.getByTestId('mos-settings-device')).toContainText('PROMPTER 1');
      await expect(section.getByTestId('mos-settings-device')).toContainText('Idle');
      await page.getByTestId('settings-dialog').getByRole('button', { name: 'Cancel' }).click();
      // The open show hears of the new device at once; it does not wait for its next look.
      await expect(page.getByTestId('mos-devices').getByTestId('mos-device')).toContainText(
        'PROMPTER 1',
      );
    });
    const ro = `copydesk-ro-${rundownId}`;

    await test.step('Send puts the running order on the prompter', async () => {
      const bar = page.getByTestId('mos-devices');
      await bar.getByRole('button', { name: 'Send' }).click();
      await expect(bar.getByTestId('mos-device')).toContainText('has every change');
      await expect(bar.getByTestId('mos-device')).toContainText('Connected');
      expect(device!.memory.ros.get(ro)!.stories.map((s) => s.slug)).toEqual(SLUGS);
    });

    await test.step('a row moved with the keyboard moves on the prompter', async () => {
      await row(page, 'WEATHER').click();
      await page.keyboard.press('Alt+ArrowUp');
      await page.keyboard.press('Alt+ArrowUp');
      await expect(row(page, 'WEATHER').locator('[role=gridcell]').first()).toHaveText('A2');
      await device!.until(
        (m) =>
          m.ros
            .get(ro)
            ?.stories.map((s) => s.slug)
            .join() === 'HARBOR FIRE,WEATHER,CITY BUDGET,LOST DOG',
      );
    });

    await test.step('the prompter says READY of a story: the row shows it', async () => {
      const rowId = await row(page, 'CITY BUDGET').getAttribute('data-row-id');
      await device!.storyStatus(ro, rowId!, IMOSObjectStatus.READY);
      await expect(row(page, 'CITY BUDGET').getByTestId('row-device-status')).toHaveText(
        'PROMPTER 1 READY',
      );
    });

    await test.step('Mark ready tells the prompter the show is ready to air', async () => {
      await page.getByTestId('mos-devices').getByRole('button', { name: 'Mark ready' }).click();
      await expect(
        page.getByTestId('mos-devices').getByRole('button', { name: 'Ready to air ✓' }),
      ).toBeVisible();
      await device!.until((m) => m.ready.get(ro) === 'READY');
      await page.screenshot({ path: test.info().outputPath('mos-rundown.png') });
    });

    await test.step('Settings show the link: connected, heartbeats, what the device is', async () => {
      await page.getByRole('button', { name: 'Settings' }).click();
      const device = page.getByTestId('mos-settings').getByTestId('mos-settings-device');
      await expect(device).toContainText('Connected');
      await expect(device).toContainText('Test Test prompter');
      await expect(device).toContainText('On it: 6 PM NEWS');
      await expect(device).toContainText('Last heartbeat');
      await device.scrollIntoViewIfNeeded();
      await page.screenshot({ path: test.info().outputPath('mos-settings.png') });
    });
  } finally {
    await device?.stop();
  }
});
