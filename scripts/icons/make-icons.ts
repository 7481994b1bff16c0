// `npm run icons`: draws every icon electron-builder needs from the SVG masters in build/, with
// Chromium, and writes them to build/ (committed; the release machine only reads them).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../../e2e/harness';
import { encodeIco, type IconImage } from './ico';
import { encodeIcns, ICNS_TYPES } from './icns';
import { renderSvg } from './render';
import { LINUX_SIZES, SMALL_MASTER_MAX, WINDOWS_SIZES } from './sizes';

const BUILD = new URL('../../build/', import.meta.url).pathname;
const master = (name: string) => readFileSync(join(BUILD, name), 'utf8');

const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  const large = master('icon.svg');
  const small = master('icon-small.svg');
  const mac = master('icon-mac.svg');
  const draw = (size: number) => renderSvg(page, size <= SMALL_MASTER_MAX ? small : large, size);

  const linux: IconImage[] = [];
  for (const size of LINUX_SIZES) linux.push(await draw(size));
  mkdirSync(join(BUILD, 'icons'), { recursive: true });
  for (const image of linux)
    writeFileSync(join(BUILD, 'icons', `${image.size}x${image.size}.png`), image.png);

  const windows: IconImage[] = [];
  for (const size of WINDOWS_SIZES) windows.push(await draw(size));
  writeFileSync(join(BUILD, 'icon.ico'), encodeIco(windows));

  const macSizes = [...new Set(ICNS_TYPES.map((t) => t.size))];
  const macImages: IconImage[] = [];
  for (const size of macSizes) macImages.push(await renderSvg(page, mac, size));
  writeFileSync(join(BUILD, 'icon.icns'), encodeIcns(macImages));
  console.log(`icons written to ${BUILD}`);
} finally {
  await browser.close();
}
