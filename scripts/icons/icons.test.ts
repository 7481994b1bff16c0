import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import decodeIco from 'decode-ico';
import { parse as parseIcns } from 'icns-lib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { encodeIco, type IconImage } from './ico';
import { encodeIcns, ICNS_TYPES } from './icns';
import { LINUX_SIZES, WINDOWS_SIZES } from './sizes';

const BUILD = new URL('../../build/', import.meta.url).pathname;
const readPng = (bytes: Buffer | Uint8Array) => PNG.sync.read(Buffer.from(bytes));
const linuxPng = (size: number) =>
  readPng(readFileSync(join(BUILD, 'icons', `${size}x${size}.png`)));

/** The largest difference between two RGBA buffers, ignoring colour where both are transparent. */
function maxDifference(a: Uint8Array, b: Uint8Array): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i += 4) {
    if (a[i + 3] === 0 && b[i + 3] === 0) continue;
    for (let c = 0; c < 4; c++) worst = Math.max(worst, Math.abs(a[i + c]! - b[i + c]!));
  }
  return worst;
}

function synthetic(size: number): IconImage {
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < png.data.length; i += 4) {
    const p = i / 4;
    png.data[i] = (p * 7) % 256;
    png.data[i + 1] = (p * 13) % 256;
    png.data[i + 2] = (p * 29) % 256;
    png.data[i + 3] = p % 5 === 0 ? 0 : 255 - (p % 200);
  }
  return { size, png: PNG.sync.write(png), rgba: new Uint8Array(png.data) };
}

describe('icon encoders, read back by independent decoders', () => {
  it('.ico: every BMP size decodes to the same pixels, 256 px stays a PNG', () => {
    const images = [16, 33, 48, 256].map(synthetic);
    const decoded = decodeIco(encodeIco(images));
    expect(decoded.map((d) => [d.width, d.height, d.type])).toEqual([
      [16, 16, 'bmp'],
      [33, 33, 'bmp'],
      [48, 48, 'bmp'],
      [256, 256, 'png'],
    ]);
    for (const [i, entry] of decoded.entries()) {
      const pixels = entry.type === 'bmp' ? new Uint8Array(entry.data) : readPng(entry.data).data;
      expect(maxDifference(pixels, images[i]!.rgba), `${entry.width} px`).toBe(0);
    }
  });

  it('.icns: every type carries a PNG of its size', () => {
    const images = [...new Set(ICNS_TYPES.map((t) => t.size))].map(synthetic);
    const chunks = parseIcns(encodeIcns(images));
    expect(Object.keys(chunks)).toEqual(ICNS_TYPES.map((t) => t.type));
    for (const { type, size } of ICNS_TYPES) expect(readPng(chunks[type]!).width, type).toBe(size);
  });
});

describe('the committed icons in build/', () => {
  it('Linux: a PNG in every hicolor size, transparent outside the rounded body', () => {
    for (const size of LINUX_SIZES) {
      const png = linuxPng(size);
      expect([png.width, png.height]).toEqual([size, size]);
      expect(png.data[3], `${size} px corner`).toBeLessThan(96);
    }
  });

  it('Windows: the .ico holds every size, each the same drawing as the PNG of that size', () => {
    const decoded = decodeIco(readFileSync(join(BUILD, 'icon.ico')));
    expect(decoded.map((d) => d.width)).toEqual([...WINDOWS_SIZES]);
    for (const entry of decoded) {
      if (!existsSync(join(BUILD, 'icons', `${entry.width}x${entry.width}.png`))) continue;
      const pixels = entry.type === 'bmp' ? new Uint8Array(entry.data) : readPng(entry.data).data;
      expect(
        maxDifference(pixels, linuxPng(entry.width).data),
        `${entry.width} px`,
      ).toBeLessThanOrEqual(1);
    }
  });

  it('macOS: the .icns holds every point size at 1x and 2x, up to 1024 px', () => {
    const chunks = parseIcns(readFileSync(join(BUILD, 'icon.icns')));
    expect(Object.keys(chunks).sort()).toEqual(ICNS_TYPES.map((t) => t.type).sort());
    for (const { type, size } of ICNS_TYPES) {
      const png = readPng(chunks[type]!);
      expect([png.width, png.height], type).toEqual([size, size]);
    }
  });

  it('the mark still reads at 16 px: a solid body with a clear white mark inside', () => {
    const { data } = linuxPng(16);
    let white = 0;
    let red = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
      if (a > 250 && r > 235 && g > 235 && b > 235) white++;
      if (a > 250 && r > 150 && g < 60 && b < 80) red++;
    }
    expect(white).toBeGreaterThanOrEqual(20);
    expect(red).toBeGreaterThanOrEqual(100);
  });
});
