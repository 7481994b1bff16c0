import { rmSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import type { Channel, Input, Output } from '../shared/ipc/contract';
import type { Result } from '../shared/ipc/result';
import type { Story } from '../shared/story/model';
import { startBrowserMode, type RunningApp } from './harness';

/** One service of a running app, called over its HTTP API with the server's token. */
export type CallService = <K extends Channel>(
  channel: K,
  input: Input<K>,
) => Promise<Result<Output<K>>>;

type Options = {
  /**
   * What the archive holds before the page opens: stories imported as a backup would be.
   * (An object, not a bare array: Playwright reads `[value, options]` in `test.use` as a fixture.)
   */
  seed: { stories: readonly Story[] };
  /**
   * The name this desk's user gave (null: none yet, so the app asks for it on opening). Set
   * through the settings service before the page opens, as a returning user's would be.
   */
  userName: string | null;
};

type Fixtures = {
  /** `copydesk web` on a fresh archive of its own, stopped and removed after the test. */
  app: RunningApp;
  /** The app's services, for setting up what a test is not about and checking what it stored. */
  call: CallService;
  /** A second machine: another `copydesk web` on its own archive. */
  otherApp: RunningApp;
  /** `otherApp`'s services, as `call` is the first app's. */
  otherCall: CallService;
  /** A page signed in to `otherApp`, in a browser context of its own (its own cookies). */
  otherPage: Page;
};

/** A service's answer, or the test stops with the service's own message. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The import service takes at most this many stories a call. */
const SEED_BATCH = 1000;

function callService(app: RunningApp): CallService {
  const token = new URL(app.url).searchParams.get('token');
  return async (channel, input) => {
    const response = await fetch(`${app.origin}/api/${channel}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    return (await response.json()) as Result<Output<typeof channel>>;
  };
}

async function runApp(use: (app: RunningApp) => Promise<void>): Promise<void> {
  const app = await startBrowserMode();
  try {
    await use(app);
  } finally {
    await app.stop();
    rmSync(app.dir, { recursive: true, force: true });
  }
}

/**
 * Every test gets its own browser-mode server and archive, and a page already signed in to it
 * (the printed URL carries the token the server trades for its cookie).
 */
export const test = base.extend<Options & Fixtures>({
  seed: [{ stories: [] }, { option: true }],
  userName: ['Robin Desk', { option: true }],

  // Playwright reads a fixture's dependencies from its first parameter's pattern; this has none.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => runApp(use),

  call: async ({ app }, use) => use(callService(app)),

  page: async ({ page, app, call, seed, userName }, use) => {
    if (userName !== null)
      expect(await call('settings.save', { displayName: userName })).toMatchObject({ ok: true });
    for (let start = 0; start < seed.stories.length; start += SEED_BATCH) {
      const stories = seed.stories.slice(start, start + SEED_BATCH);
      expect(await call('import.stories', { stories: [...stories] })).toEqual({
        ok: true,
        value: { imported: stories.length },
      });
    }
    await page.goto(app.url);
    await use(page);
  },

  // eslint-disable-next-line no-empty-pattern
  otherApp: async ({}, use) => runApp(use),

  otherCall: async ({ otherApp }, use) => use(callService(otherApp)),

  otherPage: async ({ browser, viewport, otherApp, userName }, use) => {
    if (userName !== null)
      expect(await callService(otherApp)('settings.save', { displayName: userName })).toMatchObject(
        { ok: true },
      );
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(otherApp.url);
    await use(page);
    await context.close();
  },
});

export { expect };
