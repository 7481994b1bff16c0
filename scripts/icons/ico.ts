/** One square image: its side in pixels, its PNG bytes and its straight (not premultiplied) RGBA. */
export type IconImage = { size: number; png: Buffer; rgba: Uint8Array };

const DIR_BYTES = 6;
const ENTRY_BYTES = 16;
const BITMAPINFOHEADER_BYTES = 40;

/**
 * A Windows .ico: sizes below 256 as 32-bit BMPs with an AND mask (what every Windows tool and
 * NSIS read), 256 as PNG (what Windows Vista and later expect for the large size).
 */
export function encodeIco(images: readonly IconImage[]): Buffer {
  const sorted = [...images].sort((a, b) => a.size - b.size);
  const payloads = sorted.map((image) => (image.size >= 256 ? image.png : bmpEntry(image)));
  const header = Buffer.alloc(DIR_BYTES + ENTRY_BYTES * sorted.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(sorted.length, 4);
  let offset = header.length;
  sorted.forEach((image, i) => {
    if (image.size > 256)
      throw new Error(`an .ico image cannot be larger than 256 px (${image.size})`);
    const at = DIR_BYTES + ENTRY_BYTES * i;
    header.writeUInt8(image.size === 256 ? 0 : image.size, at); // 0 means 256
    header.writeUInt8(image.size === 256 ? 0 : image.size, at + 1);
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4); // planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(payloads[i]!.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += payloads[i]!.length;
  });
  return Buffer.concat([header, ...payloads]);
}

function bmpEntry({ size, rgba }: IconImage): Buffer {
  if (rgba.length !== size * size * 4) throw new Error(`expected ${size}×${size} RGBA pixels`);
  const maskRowBytes = Math.ceil(size / 32) * 4;
  const pixels = Buffer.alloc(size * size * 4);
  const mask = Buffer.alloc(maskRowBytes * size);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y; // BMP rows run bottom-up
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = (row * size + x) * 4;
      pixels[to] = rgba[from + 2]!;
      pixels[to + 1] = rgba[from + 1]!;
      pixels[to + 2] = rgba[from]!;
      pixels[to + 3] = rgba[from + 3]!;
      if (rgba[from + 3] === 0) mask[row * maskRowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  const info = Buffer.alloc(BITMAPINFOHEADER_BYTES);
  info.writeUInt32LE(BITMAPINFOHEADER_BYTES, 0);
  info.writeInt32LE(size, 4);
  info.writeInt32LE(size * 2, 8); // colour rows plus mask rows
  info.writeUInt16LE(1, 12);
  info.writeUInt16LE(32, 14);
  info.writeUInt32LE(0, 16); // BI_RGB
  info.writeUInt32LE(pixels.length + mask.length, 20);
  return Buffer.concat([info, pixels, mask]);
}
