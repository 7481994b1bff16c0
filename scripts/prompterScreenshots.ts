// `npm run screenshots:prompter`: the README's prompter pictures — the operator's view and the
// mirrored talent output — taken from the real app in Chromium, in browser mode.
import { join } from 'node:path';
import { launchBrowser, startBrowserMode } from '../e2e/harness';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;

type Body = Record<string, unknown>[];
const para = (text: string) => ({ type: 'paragraph', runs: [{ text }] });

/** Tonight's show, written for these pictures: read text, instructions, a bite, Korean copy. */
const SCRIPTS: { slug: string; presenter: string; body: Body }[] = [
  {
    slug: 'HARBOR BRIDGE',
    presenter: 'Dana Reyes',
    body: [
      { type: 'cue', text: 'ANCHOR ON CAM 1' },
      para(
        'Good evening. In less than six hours the Harbor Bridge will close to all traffic for the first time since it opened, and the city says the work will take most of the winter.',
      ),
      {
        type: 'paragraph',
        runs: [
          { text: 'Transport chief ' },
          { text: 'Anjali Raghunathan', pronouncer: 'RAH-goo-NAH-tun' },
          {
            text: ' says ferries will run every ten minutes from tonight,... and buses will follow the old coast road.',
          },
        ],
      },
      { type: 'instruction', text: 'TURN TO CAM 2' },
      {
        type: 'media',
        kind: 'SOT',
        speaker: 'Anjali Raghunathan',
        title: 'Transport chief',
        inCue: 'We know this',
        outCue: 'by the spring',
        durationSec: 14,
        transcript: 'We know this is hard for people. We will have the bridge back by the spring.',
      },
      para(
        'Drivers are asked to leave early tomorrow and to expect long queues at the ferry piers.',
      ),
    ],
  },
  {
    slug: 'CITY BUDGET',
    presenter: 'Dana Reyes',
    body: [
      para(
        'The city council has passed next year’s budget by one vote after a nine-hour session. It raises spending on schools and cuts the road repair fund by a fifth.',
      ),
      para(
        'Opponents say the cuts will be felt first on the bridges the city already calls unsafe.',
      ),
    ],
  },
  {
    slug: 'SEOUL SUMMIT',
    presenter: 'Kim Min-ji',
    body: [
      para('서울에서 열린 정상회의가 오늘 공동 성명을 내고 막을 내렸습니다.'),
      para('Leaders from twelve countries agreed to meet again next year in Busan.'),
    ],
  },
  {
    slug: 'WEATHER',
    presenter: 'Sports desk',
    body: [
      para('Rain moves in overnight, with gusts of up to sixty kilometres an hour on the coast.'),
    ],
  },
];

const app = await startBrowserMode();
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 860 } });
  const page = await context.newPage();
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.goto(app.url);
  await page.evaluate(async (scripts) => {
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
    await call('settings.save', {
      displayName: 'Sam Okafor',
      presenters: [
        { name: 'Dana Reyes', rates: rates(165) },
        { name: 'Kim Min-ji', rates: rates(170) },
        { name: 'Sports desk', rates: rates(190) },
      ],
    });
    const created = await call('rundowns.create', {
      title: '6 PM NEWS',
      airDate: new Date().toISOString().slice(0, 10),
      onAirSec: 18 * 3600,
      lengthSec: 30 * 60,
    });
    const id = (created.rundown as { id: string }).id;
    for (const script of scripts) {
      const story = await call('stories.create', { slug: script.slug });
      await call('stories.save', {
        story: { ...story, presenter: script.presenter, body: script.body },
        baseUpdatedAt: story.updatedAt,
      });
      await call('rundowns.addRow', { id, row: { kind: 'story', storyId: story.id } });
    }
    await call('rundowns.addRow', {
      id,
      at: 2,
      row: { kind: 'break', label: 'BREAK 1', estSec: 120 },
    });
  }, SCRIPTS);
  await page.reload();
  await page.getByTestId('rundowns-tab').click();
  await page.getByRole('button', { name: /6 PM NEWS/ }).click();
  await page.getByRole('button', { name: 'Prompter', exact: true }).click();
  const operator = page.getByTestId('prompter-screen');
  await operator.getByRole('region', { name: 'Prompter' }).waitFor();
  await page.getByRole('switch', { name: 'Mirror horizontally' }).check();
  const [output] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Open output window' }).click(),
  ]);
  await output.setViewportSize({ width: 1280, height: 720 });
  await output.getByRole('region', { name: 'Prompter' }).waitFor();
  // A few seconds into the show, paused, with the reading line in the first story.
  const prompter = operator.getByRole('region', { name: 'Prompter' });
  await prompter.focus();
  await page.keyboard.press('Digit9');
  await page.waitForTimeout(2500);
  await page.keyboard.press('Space');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUT, 'prompter-operator.png') });
  await output.screenshot({ path: join(OUT, 'prompter-output-mirrored.png') });
  console.log('wrote prompter-operator.png and prompter-output-mirrored.png');
} finally {
  await browser.close();
  await app.stop();
}
