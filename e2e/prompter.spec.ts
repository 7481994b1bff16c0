import { PNG } from 'pngjs';
import WebSocket from 'ws';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, test, unwrap, type CallService } from './fixtures';
import { makeShow, saveWithKeyboard, selectPhrase } from './steps';
import { makeStory } from '../shared/story/testing/makeStory';
import type { Story } from '../shared/story/model';

/** Plain words of varied length, so every line of the text breaks somewhere else. */
const VOCABULARY =
  'the harbor bridge will close tonight and ferries run every ten minutes while crews repair cables under a long winter sky city engineers say traffic should move to the coast road'.split(
    ' ',
  );
const words = (n: number, offset: number) =>
  Array.from({ length: n }, (_, i) => VOCABULARY[(i * 7 + offset) % VOCABULARY.length]).join(' ') +
  '.';
const para = (text: string) => ({ type: 'paragraph' as const, runs: [{ text }] });

const stamp = '2026-11-30T09:00:00.000Z';
const story = (slug: string, body: Story['body']) =>
  makeStory({ slug, body, presenter: '', createdAt: stamp, updatedAt: stamp });

const FIRE = story('HARBOR FIRE', [para(words(140, 0)), para(words(140, 3))]);
const BUDGET = story('CITY BUDGET', [
  para(`The council approved the budget tonight after a long debate. ${words(40, 5)}`),
  para(words(60, 2)),
]);
const FLOATED = story('FLOODWATCH', [para('Floatword reservoirs stay floatword full.')]);
const SEOUL = story('SEOUL SUMMIT', [
  para('서울에서 열린 정상회의가 오늘 공동 성명을 내고 막을 내렸습니다.'),
  { type: 'instruction', text: 'PAUSE' },
  para('Leaders from twelve countries will meet again next year in Busan.'),
]);
const WEATHER = story('WEATHER', [para(words(50, 1))]);

test.use({ seed: { stories: [FIRE, BUDGET, FLOATED, SEOUL, WEATHER] } });

/** Tonight's show: five stories, one floated (out of the prompter), a break after the second. */
async function buildShow(call: CallService): Promise<string> {
  const id = await makeShow(
    call,
    [FIRE, BUDGET, FLOATED, SEOUL, WEATHER].map((s) => s.id),
  );
  unwrap(
    await call('rundowns.addRow', {
      id,
      at: 2,
      row: { kind: 'break', label: 'BREAK', estSec: 120 },
    }),
  );
  const detail = unwrap(await call('rundowns.get', { id }));
  const floated = detail.rundown.rows.find((r) => r.storyId === FLOATED.id)!;
  unwrap(await call('rundowns.setRow', { id, rowId: floated.id, floated: true }));
  return id;
}

/** The producer opens tonight's show and its prompter, then the talent output window. */
async function openPrompter(page: Page): Promise<{ operator: Locator; output: Page }> {
  await page.getByTestId('rundowns-tab').click();
  await page.getByRole('button', { name: /6 PM NEWS/ }).click();
  await expect(page.getByTestId('rundown-screen')).toBeVisible();
  await page.getByRole('button', { name: 'Prompter', exact: true }).click();
  const operator = page.getByTestId('prompter-screen');
  await expect(operator.getByRole('region', { name: 'Prompter' })).toContainText('HARBOR FIRE');
  const [output] = await Promise.all([
    page.waitForEvent('popup'),
    operator.getByRole('button', { name: 'Open output window' }).click(),
  ]);
  await output.setViewportSize({ width: 1280, height: 720 });
  await expect(output.getByRole('region', { name: 'Prompter' })).toContainText('HARBOR FIRE');
  return { operator, output };
}

async function setSpeed(operator: Locator, wpm: number): Promise<void> {
  const field = operator.getByLabel('Speed (words per minute)');
  await field.click();
  await field.press('Control+a');
  await field.pressSequentially(String(wpm));
  await expect(field).toHaveValue(String(wpm));
  await field.press('Tab');
}

type Rate = { wpm: number; seconds: number; words: number; lines: number };

/**
 * Scroll speed as the page shows it: every line of words is found by where its words sit on
 * screen, and the moment each line's middle crosses the reading line is timed, frame by frame.
 * Half of each end line's words fall inside the interval (a line's words cross as its middle
 * does). Measures until at least `seconds` lie between the first and the last crossing.
 */
function measureRate(region: Locator, seconds: number): Promise<Rate> {
  return region.evaluate(async (root, minSeconds) => {
    const scroller = root.querySelector<HTMLElement>('.cd-pr-scroller')!;
    const line = root.querySelector<HTMLElement>('.cd-pr-reading-line')!;
    const top = () => scroller.getBoundingClientRect().top;
    // Lines in the text's own coordinates (they move together with the scroller).
    const lines: { center: number; words: number }[] = [];
    const origin = top();
    for (const p of root.querySelectorAll('p')) {
      let current: { top: number; bottom: number; words: number } | null = null;
      for (const word of p.querySelectorAll<HTMLElement>('.pw')) {
        const rect = word.getBoundingClientRect();
        const count = (word.textContent ?? '').trim().split(/\s+/).filter(Boolean).length;
        if (!current || rect.top > current.top + rect.height / 2) {
          if (current)
            lines.push({
              center: (current.top + current.bottom) / 2 - origin,
              words: current.words,
            });
          current = { top: rect.top, bottom: rect.bottom, words: 0 };
        }
        current.words += count;
      }
      if (current)
        lines.push({ center: (current.top + current.bottom) / 2 - origin, words: current.words });
    }
    lines.sort((a, b) => a.center - b.center);
    const crossings: { t: number; words: number }[] = [];
    let previous: { t: number; at: number } | null = null;
    let next = -1;
    return new Promise<Rate>((resolve) => {
      const frame = (t: number) => {
        const at = line.getBoundingClientRect().top - top();
        if (next < 0) next = lines.findIndex((l) => l.center > at);
        while (previous && next >= 0 && next < lines.length && lines[next]!.center <= at) {
          const l = lines[next]!;
          const crossedAt =
            previous.t + ((l.center - previous.at) / (at - previous.at)) * (t - previous.t);
          crossings.push({ t: crossedAt, words: l.words });
          next++;
        }
        previous = { t, at };
        const first = crossings[0];
        const last = crossings[crossings.length - 1];
        if (first && last && last.t - first.t >= minSeconds * 1000) {
          let counted = (first.words + last.words) / 2;
          for (const c of crossings.slice(1, -1)) counted += c.words;
          const sec = (last.t - first.t) / 1000;
          resolve({
            wpm: (counted / sec) * 60,
            seconds: sec,
            words: counted,
            lines: crossings.length,
          });
          return;
        }
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  }, seconds);
}

async function signIn(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

test('the prompter scrolls at the words per minute set, counted at the reading line, at two type sizes', async ({
  page,
  browser,
  app,
  call,
}) => {
  test.slow();
  await buildShow(call);
  // Two operators in two browsers, one at 160 and one at 200 words a minute, each measured in
  // its preview (26 px type) and its talent output (72 px) at once.
  const second = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const desks: { page: Page; wpm: number }[] = [
    { page, wpm: 160 },
    { page: await signIn(second, app.url), wpm: 200 },
  ];
  const opened = [];
  for (const desk of desks) {
    const { operator, output } = await openPrompter(desk.page);
    await setSpeed(operator, desk.wpm);
    opened.push({ ...desk, operator, output });
  }
  for (const { operator } of opened) {
    await operator.getByRole('region', { name: 'Prompter' }).focus();
    await operator.page().keyboard.press('Space');
    await expect(operator.getByRole('button', { name: 'Pause' })).toBeVisible();
  }
  const measured = await Promise.all(
    opened.flatMap(({ operator, output, wpm }) => [
      measureRate(operator.getByRole('region', { name: 'Prompter' }), 20).then((r) => ({
        ...r,
        set: wpm,
        size: 26,
      })),
      measureRate(output.getByRole('region', { name: 'Prompter' }), 20).then((r) => ({
        ...r,
        set: wpm,
        size: 72,
      })),
    ]),
  );
  for (const m of measured) {
    console.log(
      `set ${m.set} wpm, ${m.size} px: ${m.wpm.toFixed(1)} wpm over ${m.seconds.toFixed(1)} s (${m.words} words, ${m.lines} lines), error ${((100 * (m.wpm - m.set)) / m.set).toFixed(2)} %`,
    );
    expect(m.seconds).toBeGreaterThanOrEqual(20);
    expect(Math.abs(m.wpm - m.set) / m.set).toBeLessThan(0.05);
  }
  await second.close();
});

/** The pixels of a screenshot, to compare one with another flipped. */
function pixels(png: Buffer) {
  return PNG.sync.read(png);
}

/** The share of pixels that match (within a little anti-aliasing) after flipping `b` left to right. */
function mirroredMatch(a: PNG, b: PNG): number {
  let same = 0;
  for (let y = 0; y < a.height; y++)
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * 4;
      const j = (y * b.width + (b.width - 1 - x)) * 4;
      if (
        Math.abs(a.data[i]! - b.data[j]!) +
          Math.abs(a.data[i + 1]! - b.data[j + 1]!) +
          Math.abs(a.data[i + 2]! - b.data[j + 2]!) <
        96
      )
        same++;
    }
  return same / (a.width * a.height);
}

type SocketMessage = { type: string } & Record<string, unknown>;

/** The messages a WebSocket receives, in order: each call waits for the next that matches. */
function messagesOf(socket: WebSocket) {
  const queue: SocketMessage[] = [];
  let waiting: (() => void) | null = null;
  socket.on('message', (data) => {
    queue.push(JSON.parse(data.toString()) as SocketMessage);
    waiting?.();
  });
  return async (matches: (m: SocketMessage) => boolean = () => true): Promise<SocketMessage> => {
    for (;;) {
      const at = queue.findIndex(matches);
      if (at >= 0) return queue.splice(0, at + 1).pop()!;
      await new Promise<void>((resolve) => (waiting = resolve));
    }
  };
}

/** The HTTP status a WebSocket's handshake was refused with. */
function refusedWith(socket: WebSocket): Promise<number> {
  return new Promise((resolve, reject) => {
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('open', () => reject(new Error('the socket opened without a token')));
    socket.once('error', reject);
  });
}

/** Where the reading line is on a screen, against the top of an element of the text. */
async function fromReadingLine(output: Page, element: Locator): Promise<number> {
  const line = await output.locator('.cd-pr-reading-line').boundingBox();
  const box = await element.boundingBox();
  return box!.y - line!.y;
}

test('an operator mirrors the output, jumps by key and by remote control, and the text follows live edits', async ({
  page,
  call,
  context,
  app,
}) => {
  await buildShow(call);
  const { operator, output } = await openPrompter(page);
  const talent = output.getByRole('region', { name: 'Prompter' });
  const stories = operator.getByRole('list', { name: 'Stories' });

  await test.step('a floated story never reaches the prompter', async () => {
    await expect(stories.getByRole('listitem')).toHaveCount(4);
    await expect(stories).not.toContainText('FLOODWATCH');
    await expect(talent).toContainText('SEOUL SUMMIT');
    await expect(talent).not.toContainText(/floatword/i);
  });

  await test.step('Hangul and English prompt side by side', async () => {
    await expect(talent).toContainText(
      '서울에서 열린 정상회의가 오늘 공동 성명을 내고 막을 내렸습니다.',
    );
    await expect(talent).toContainText('(PAUSE)');
  });

  await test.step('mirrored horizontally, then both ways, for the beam-splitter glass', async () => {
    const plain = pixels(await talent.screenshot());
    await operator.getByRole('switch', { name: 'Mirror horizontally' }).check();
    await expect(talent).toHaveCSS('transform', 'matrix(-1, 0, 0, 1, 0, 0)');
    const flipped = pixels(await talent.screenshot());
    // The mirrored picture is the plain one flipped left to right, not the plain one again.
    expect(mirroredMatch(plain, flipped)).toBeGreaterThan(0.98);
    expect(mirroredMatch(plain, plain)).toBeLessThan(0.95);
    await operator.getByRole('switch', { name: 'Mirror vertically' }).check();
    await expect(talent).toHaveCSS('transform', 'matrix(-1, 0, 0, -1, 0, 0)');
    // The operator's own preview is never mirrored.
    await expect(operator.getByRole('region', { name: 'Prompter' })).toHaveCSS('transform', 'none');
    await operator.getByRole('switch', { name: 'Mirror vertically' }).uncheck();
    await operator.getByRole('switch', { name: 'Mirror horizontally' }).uncheck();
    await expect(talent).toHaveCSS('transform', 'none');
  });

  await test.step('Page Down twice puts the third story on the reading line', async () => {
    await operator.getByRole('region', { name: 'Prompter' }).focus();
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect(stories.getByRole('button', { name: /SEOUL SUMMIT/ })).toHaveAttribute(
      'aria-current',
      'true',
    );
    await expect(operator.getByTestId('prompter-current-story')).toHaveText('B2 SEOUL SUMMIT');
    const marker = talent.locator('.cd-pr-marker', { hasText: 'SEOUL SUMMIT' });
    await expect
      .poll(async () =>
        Math.abs(
          (await fromReadingLine(output, marker)) + (await marker.boundingBox())!.height / 2,
        ),
      )
      .toBeLessThan(4);
  });

  let url = '';
  let token = '';
  await test.step('a Stream Deck drives it through the remote control', async () => {
    await operator.getByText('Remote control', { exact: true }).click();
    const remote = operator.getByTestId('prompter-remote');
    await remote.getByRole('button', { name: 'Show' }).click();
    url = (await remote.getByTestId('remote-url').textContent())!;
    token = (await remote.getByTestId('remote-token').textContent())!;
    const send = async (command: string, body?: unknown) => {
      const response = await fetch(`${url}${command}`, {
        method: command === 'state' ? 'GET' : 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      return {
        status: response.status,
        json: (await response.json()) as {
          ok: boolean;
          state: { story: { page: string; number: number } };
        },
      };
    };
    expect((await send('goto', { page: 'a1' })).json.state.story).toMatchObject({
      page: 'A1',
      number: 1,
    });
    await expect(operator.getByTestId('prompter-current-story')).toHaveText('A1 HARBOR FIRE');
    const third = await send('next');
    expect(third.json.state.story).toMatchObject({ page: 'A2', number: 2 });
    expect((await send('next')).json.state.story).toMatchObject({ page: 'B2', number: 3 });
    await expect(stories.getByRole('button', { name: /SEOUL SUMMIT/ })).toHaveAttribute(
      'aria-current',
      'true',
    );
    expect((await send('speed', { wpm: 150 })).json.state).toMatchObject({ wpm: 150 });
    await expect(operator.getByLabel('Speed (words per minute)')).toHaveValue('150');
    expect((await send('goto', { page: 'Z9' })).status).toBe(422);
    expect((await fetch(`${url}state`)).status).toBe(401);
    expect((await send('previous')).json.state.story.page).toBe('A2');
  });

  await test.step('a second operator drives it over the WebSocket, with the same token', async () => {
    const socketUrl = `${url.replace(/^http/, 'ws')}socket`;
    const refused = new WebSocket(socketUrl);
    expect(await refusedWith(refused)).toBe(401);
    const socket = new WebSocket(socketUrl, { headers: { authorization: `Bearer ${token}` } });
    const next = messagesOf(socket);
    // Whoever connects is told the state at once, and again after every change.
    expect(await next()).toMatchObject({ type: 'state', state: { story: { page: 'A2' } } });
    socket.send(JSON.stringify({ id: 7, type: 'goto', page: 'b3' }));
    expect(await next((m) => m.type === 'done')).toMatchObject({
      id: 7,
      ok: true,
      state: { story: { page: 'B3', slug: 'WEATHER', number: 4 } },
    });
    await expect(operator.getByTestId('prompter-current-story')).toHaveText('B3 WEATHER');
    socket.send(JSON.stringify({ id: 8, type: 'goto', page: 'A2' }));
    expect(await next((m) => m.type === 'done')).toMatchObject({
      id: 8,
      state: { story: { page: 'A2' } },
    });
    socket.send('next please');
    expect(await next((m) => m.type === 'error')).toMatchObject({ message: /JSON/ });
    socket.close();
    await expect(operator.getByTestId('prompter-current-story')).toHaveText('A2 CITY BUDGET');
  });

  await test.step('a word changed in the editor reaches the talent without moving the place', async () => {
    const budget = talent.locator('.cd-pr-story', { hasText: 'CITY BUDGET' });
    const firstLine = budget.locator('.pw').first();
    await expect(budget.locator('.cd-pr-marker')).toBeVisible();
    const before = await fromReadingLine(output, firstLine);
    const editorTab = await signIn(context, app.url);
    await editorTab.getByTestId('story-row').filter({ hasText: 'CITY BUDGET' }).click();
    const editor = editorTab.getByTestId('script-editor');
    await selectPhrase(editor, 'council');
    await editorTab.keyboard.type('assembly');
    await saveWithKeyboard(editorTab);
    await expect(talent).toContainText('The assembly approved the budget tonight');
    await expect(budget.locator('.cd-pr-changed-badge')).toBeVisible();
    const lineHeight = 72 * 1.35;
    expect(Math.abs((await fromReadingLine(output, firstLine)) - before)).toBeLessThanOrEqual(
      lineHeight,
    );
    await expect(stories.getByRole('button', { name: /CITY BUDGET/ })).toContainText('changed');
  });
  await test.step('a story floated in the rundown leaves the prompter at once, the place kept', async () => {
    const firstLine = talent
      .locator('.cd-pr-story', { hasText: 'CITY BUDGET' })
      .locator('.pw')
      .first();
    const before = await fromReadingLine(output, firstLine);
    const producer = await signIn(context, app.url);
    await producer.getByTestId('rundowns-tab').click();
    await producer.getByRole('button', { name: /6 PM NEWS/ }).click();
    const weather = producer
      .getByRole('grid', { name: 'Running order' })
      .getByTestId('rundown-row')
      .filter({ hasText: 'WEATHER' });
    await weather.click();
    await producer.keyboard.press('Alt+f');
    await expect(weather).toHaveAttribute('aria-label', /floated/);
    await expect(stories.getByRole('listitem')).toHaveCount(3);
    await expect(stories).not.toContainText('WEATHER');
    await expect(talent.locator('.cd-pr-marker', { hasText: 'WEATHER' })).toHaveCount(0);
    expect(Math.abs((await fromReadingLine(output, firstLine)) - before)).toBeLessThanOrEqual(
      72 * 1.35,
    );
    await expect(operator.getByTestId('prompter-current-story')).toHaveText('A2 CITY BUDGET');
  });
});
