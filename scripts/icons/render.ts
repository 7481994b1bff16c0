import type { Page } from 'playwright-core';
import type { IconImage } from './ico';

/**
 * Rasterises an SVG at one size with Chromium's own renderer (Skia), straight to a canvas of that
 * size, so each size is drawn from the vectors rather than scaled from a bigger bitmap.
 */
export async function renderSvg(page: Page, svg: string, size: number): Promise<IconImage> {
  const { png, rgba } = await page.evaluate(
    async ({ svgBase64, size }) => {
      const image = new Image(size, size);
      image.src = `data:image/svg+xml;base64,${svgBase64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2D canvas');
      context.drawImage(image, 0, 0, size, size);
      const pixels = context.getImageData(0, 0, size, size).data;
      let binary = '';
      for (let i = 0; i < pixels.length; i += 0x8000)
        binary += String.fromCharCode(...pixels.subarray(i, i + 0x8000));
      return { png: canvas.toDataURL('image/png').split(',')[1]!, rgba: btoa(binary) };
    },
    { svgBase64: Buffer.from(svg, 'utf8').toString('base64'), size },
  );
  return {
    size,
    png: Buffer.from(png, 'base64'),
    rgba: new Uint8Array(Buffer.from(rgba, 'base64')),
  };
}
