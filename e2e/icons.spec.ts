import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { renderSvg } from '../scripts/icons/render';
import { LINUX_SIZES, SMALL_MASTER_MAX } from '../scripts/icons/sizes';

// Not an app test: it needs Chromium's renderer (the one `npm run icons` draws with), and every
// test that needs a browser runs here, with the browser the config names. No server, no archive.

const BUILD = new URL('../build/', import.meta.url).pathname;

test('the committed icons are what the SVG masters draw today (run `npm run icons` after changing a master)', async ({
  page,
}) => {
  const large = readFileSync(join(BUILD, 'icon.svg'), 'utf8');
  const small = readFileSync(join(BUILD, 'icon-small.svg'), 'utf8');
  for (const size of LINUX_SIZES.filter((s) => s <= 256)) {
    const fresh = await renderSvg(page, size <= SMALL_MASTER_MAX ? small : large, size);
    const committed = PNG.sync.read(readFileSync(join(BUILD, 'icons', `${size}x${size}.png`)));
    let differing = 0;
    for (let i = 0; i < fresh.rgba.length; i++)
      if (Math.abs(fresh.rgba[i]! - committed.data[i]!) > 24) differing++;
    // Anti-aliasing may differ by a shade between Chromium versions; a changed drawing does not.
    expect(differing / fresh.rgba.length, `${size} px`).toBeLessThan(0.01);
  }
});
