// `npm run screenshots`: the README's pictures, taken from the real app in Chromium.
import { join } from 'node:path';
import { launchBrowser, startBrowserMode } from '../e2e/harness';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

const app = await startBrowserMode();
const browser = await launchBrowser();
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      colorScheme: scheme,
    });
    await page.goto(app.url);
    if (scheme === 'light') {
      await page.getByTestId('import-input').setInputFiles([join(FIXTURES, 'harbor-bridge.txt')]);
    }
    await page.getByTestId('script-editor').waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(OUT, `editor-${scheme}.png`) });
    if (scheme === 'light') {
      await page.getByTestId('archive-search').fill('ferry');
      await page.waitForTimeout(600);
      await page.screenshot({ path: join(OUT, 'search.png') });
      await page.getByTestId('export').click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(OUT, 'export-dialog.png') });
    }
    await page.close();
  }
} finally {
  await browser.close();
  await app.stop();
}
console.log(`Screenshots written to ${OUT}`);
