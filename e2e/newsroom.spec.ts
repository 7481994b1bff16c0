import { spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from '@playwright/test';
import { expect, test, unwrap } from './fixtures';
import { makeShow, retype } from './steps';
import { startPgCluster, type PgCluster } from '../main/server/testing/pgCluster';
import { spawnNewsroomServer } from '../main/server/testing/serverProcess';

/**
 * Two desks and one newsroom server on PostgreSQL: a reporter connects from the app, writes a
 * script; an editor's desk sees it arrive, sees who is editing it, reads the typing live, takes
 * it over with a note, and finds it again through the whole newsroom's search.
 */

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/copydesk.mjs');
let cluster: PgCluster;
let server: ChildProcess;
let serverUrl = '';
let databaseUrl = '';

function copydesk(...args: string[]): string {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`copydesk ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

function addUser(name: string, role: string, displayName: string): string {
  const out = copydesk(
    'server',
    'user',
    'add',
    name,
    '--role',
    role,
    '--display-name',
    displayName,
    '--database',
    databaseUrl,
    '--json',
  );
  return (JSON.parse(out) as { oneTimePassword: string }).oneTimePassword;
}

test.beforeAll(async () => {
  cluster = await startPgCluster();
  databaseUrl = await cluster.createDatabase('newsroom');
  ({ url: serverUrl, child: server } = await spawnNewsroomServer(BIN, databaseUrl));
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  await cluster?.stop();
});

const newsroomButton = (page: Page) => page.getByTestId('newsroom-button');

test('two desks in one newsroom: a story arrives, its writer is shown, typing is read live, an editor takes over', async ({
  page,
  call,
  otherPage,
  otherApp,
}) => {
  test.setTimeout(120_000);
  const parkOnce = addUser('park', 'reporter', 'Park Ji-won');
  const kimOnce = addUser('kim', 'editor', 'Kim Min-ji');

  // The reporter connects from the app, changing the one-time password on the way.
  await newsroomButton(page).click();
  const dialog = page.getByTestId('connect-dialog');
  await retype(dialog.getByTestId('connect-url'), serverUrl);
  await dialog.getByTestId('connect-name').pressSequentially('park');
  await dialog.getByTestId('connect-password').pressSequentially(parkOnce);
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByTestId('connect-error')).toContainText('one-time password');
  await dialog.getByTestId('connect-new-password').pressSequentially('harbor-fire-2026');
  await dialog.getByTestId('connect-new-password-again').pressSequentially('harbor-fire-2026');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog).toBeHidden();
  await expect(newsroomButton(page)).toHaveText(/Park Ji-won · online/);

  // The editor's desk is another machine, connected the same way (through its API here).
  const otherToken = new URL(otherApp.url).searchParams.get('token');
  const connected = await fetch(`${otherApp.origin}/api/newsroom.connect`, {
    method: 'POST',
    headers: { authorization: `Bearer ${otherToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      url: serverUrl,
      name: 'kim',
      password: kimOnce,
      newPassword: 'copy-desk-night-2026',
    }),
  });
  unwrap(await connected.json());
  await otherPage.reload();
  await expect(newsroomButton(otherPage)).toHaveText(/Kim Min-ji · online/);

  // The reporter writes a script.
  await page.getByTestId('new-story').click();
  await retype(page.getByTestId('slug'), 'HARBOR FIRE');
  const editor = page.getByTestId('script-editor');
  await editor.click();
  await page.keyboard.type(
    'Fire crews fought the blaze at the harbor overnight. 김민지 기자가 보도합니다.',
  );
  await expect(page.getByTestId('save-state')).toHaveText(/^Saved/);

  // It shows on the editor's desk without anyone asking; opened, it says who is editing it.
  const list = otherPage.getByTestId('story-list');
  await expect(list.getByText('HARBOR FIRE')).toBeVisible();
  await list.getByText('HARBOR FIRE').click();
  const banner = otherPage.getByTestId('lease-banner');
  await expect(banner).toContainText('Park Ji-won is editing');
  const otherEditor = otherPage.getByTestId('script-editor');
  await expect(otherEditor).toHaveAttribute('contenteditable', 'false');

  // What the reporter types next appears there as it is saved.
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Two crews are still there.');
  await expect(otherEditor).toContainText('Two crews are still there.');

  const shot = process.env.COPYDESK_NEWSROOM_SCREENSHOT;
  if (shot) {
    for (const p of [page, otherPage]) await p.setViewportSize({ width: 1180, height: 640 });
    await expect(otherEditor).toContainText('Two crews are still there.');
    sideBySide(await page.screenshot(), await otherPage.screenshot(), shot);
  }

  // The editor takes it over, with a note the reporter sees in the history.
  await banner.getByTestId('take-over').click();
  const note = otherPage.getByTestId('note-dialog');
  await note.getByRole('textbox').pressSequentially('Park is on air; I finish the script.');
  await note.getByRole('button', { name: 'Take over' }).click();
  await expect(banner).toBeHidden();
  await expect(otherEditor).toHaveAttribute('contenteditable', 'true');
  await expect(page.getByTestId('lease-banner')).toContainText('Kim Min-ji is editing');
  await expect(editor).toHaveAttribute('contenteditable', 'false');

  // The whole newsroom's search finds it by a Korean name inside a longer word.
  await otherPage.getByTestId('whole-newsroom').check();
  await otherPage.getByTestId('archive-search').pressSequentially('김민지');
  await expect(otherPage.getByTestId('newsroom-results')).toContainText('HARBOR FIRE');

  // A pronouncer the reporter files reaches the editor's open script as a hint, unasked.
  const hints = otherPage.getByTestId('pronouncer-hints');
  await expect(hints).toBeHidden();
  unwrap(await call('pronouncers.save', { term: '김민지', phonetic: 'KIM min-JEE' }));
  await expect(hints).toContainText('김민지');
});

test('two producers set one row’s estimate at the same moment: each is told whose value replaced whose', async ({
  page,
  call,
  otherPage,
  otherCall,
}) => {
  test.setTimeout(120_000);
  const people = { lee: 'Lee Seo-yeon', cho: 'Cho Min-ho' };
  for (const [c, name] of [
    [call, 'lee'],
    [otherCall, 'cho'],
  ] as const)
    unwrap(
      await c('newsroom.connect', {
        url: serverUrl,
        name,
        password: addUser(name, 'producer', people[name]),
        newPassword: `${name}-late-desk-2026`,
      }),
    );
  const stories = [];
  for (const slug of ['HARBOR FIRE', 'BRIDGE VOTE'])
    stories.push(unwrap(await call('stories.create', { slug })));
  const id = await makeShow(
    call,
    stories.map((s) => s.id),
  );
  await expect.poll(async () => (await otherCall('rundowns.get', { id })).ok).toBe(true);
  for (const p of [page, otherPage]) {
    await p.reload();
    await p.getByTestId('rundowns-tab').click();
    await p.getByRole('button', { name: /6 PM NEWS/ }).click();
    await expect(p.getByTestId('rundown-row')).toHaveCount(2);
  }

  // Both type BRIDGE VOTE's estimate and press Enter together, each before hearing of the other's.
  // Which reaches the newsroom second is a race; it is run again until one comes second on a
  // version it had not heard of (each desk usually hears the other's within a moment).
  const typeEstimate = async (p: Page, value: string) => {
    await p.getByRole('button', { name: /^Estimated length of BRIDGE VOTE/ }).click();
    await p.keyboard.type(value);
    await p.keyboard.press('Enter');
  };
  const told = (p: Page) =>
    p.getByTestId('notices').getByText(/Changed at another desk too, and yours was kept/);
  let teller: Page | null = null;
  for (let round = 0; round < 8 && !teller; round++) {
    await Promise.all([
      typeEstimate(page, `1:${10 + round}`),
      typeEstimate(otherPage, `2:${10 + round}`),
    ]);
    await expect
      .poll(async () => {
        const [a, b] = await Promise.all(
          [call, otherCall].map(
            async (c) => unwrap(await c('rundowns.get', { id })).rundown.rows[1]!.estSec,
          ),
        );
        return a === b;
      })
      .toBe(true);
    // The notice comes a moment after the show settles, or not at all this round.
    const someone = await expect
      .poll(async () => (await told(page).count()) + (await told(otherPage).count()), {
        timeout: 3000,
      })
      .toBeGreaterThan(0)
      .then(
        () => true,
        () => false,
      );
    if (someone) teller = (await told(page).count()) > 0 ? page : otherPage;
  }
  expect(teller, 'one producer was told, in eight tries').not.toBeNull();
  const [winner, loser] = teller === page ? [people.lee, people.cho] : [people.cho, people.lee];
  const kept = unwrap(await call('rundowns.get', { id })).rundown.rows[1]!.estSec!;
  const shown = `${Math.floor(kept / 60)}:${String(kept % 60).padStart(2, '0')}`;
  // The show both desks now have holds the told producer's value, and the notice says whose it
  // replaced; the other producer is told whose value replaced theirs.
  await expect(told(teller!)).toContainText(
    new RegExp(`BRIDGE VOTE’s estimate: yours, ${shown}, replaced ${loser}’s \\d:\\d\\d\\.`),
  );
  await expect(
    (teller === page ? otherPage : page).getByTestId('notices').getByText(/and theirs was kept/),
  ).toContainText(
    new RegExp(`BRIDGE VOTE’s estimate: ${winner}’s ${shown} replaced \\d:\\d\\d here\\.`),
  );
});

/** Two screenshots next to each other in one PNG: the two desks, as the README shows them. */
function sideBySide(left: Buffer, right: Buffer, path: string): void {
  const a = PNG.sync.read(left);
  const b = PNG.sync.read(right);
  const gap = 16;
  const out = new PNG({ width: a.width + gap + b.width, height: Math.max(a.height, b.height) });
  out.data.fill(0x40);
  PNG.bitblt(a, out, 0, 0, a.width, a.height, 0, 0);
  PNG.bitblt(b, out, 0, 0, b.width, b.height, a.width + gap, 0);
  writeFileSync(path, PNG.sync.write(out));
}
