import type { IconImage } from './ico';

/**
 * The PNG-carrying icns types macOS reads, by pixel size. @2x types hold the Retina image of the
 * size in their name (ic11 is 16 pt at 2x, so 32 px).
 */
export const ICNS_TYPES: readonly { type: string; size: number }[] = [
  { type: 'icp4', size: 16 },
  { type: 'icp5', size: 32 },
  { type: 'ic11', size: 32 },
  { type: 'ic12', size: 64 },
  { type: 'ic07', size: 128 },
  { type: 'ic08', size: 256 },
  { type: 'ic13', size: 256 },
  { type: 'ic09', size: 512 },
  { type: 'ic14', size: 512 },
  { type: 'ic10', size: 1024 },
];

/** A macOS .icns: a big-endian list of typed chunks, each a PNG. */
export function encodeIcns(images: readonly IconImage[]): Buffer {
  const bySize = new Map(images.map((image) => [image.size, image.png]));
  const chunks = ICNS_TYPES.map(({ type, size }) => {
    const png = bySize.get(size);
    if (!png) throw new Error(`the .icns needs a ${size} px image for ${type}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}
