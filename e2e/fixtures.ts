import { test as base, expect } from '@playwright/test';
import { startBrowserMode, type RunningApp } from './harness';

type Fixtures = {
  /** `copydesk web` on a fresh archive of its own, stopped after the test. */
  app: RunningApp;
};

/**
 * Every test gets its own browser-mode server and archive, and a page already signed in to it
 * (the printed URL carries the token the server trades for its cookie).
 */
export const test = base.extend<Fixtures>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern; this has none.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const app = await startBrowserMode();
    await use(app);
    await app.stop();
  },
  page: async ({ page, app }, use) => {
    await page.goto(app.url);
    await use(page);
  },
});

export { expect };
