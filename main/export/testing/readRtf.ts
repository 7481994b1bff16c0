import * as RTFJS from 'rtf.js/dist/RTFJS.bundle.js';

const { Document, loggingEnabled } = RTFJS as unknown as {
  Document: new (data: ArrayBuffer) => { render(): Promise<{ textContent: string | null }[]> };
  loggingEnabled(on: boolean): void;
};
loggingEnabled(false);

/**
 * Reads RTF with rtf.js, an RTF renderer we did not write, and returns each paragraph's text.
 * It renders to DOM elements: the test that calls it runs in jsdom.
 */
export async function readRtf(rtf: string): Promise<string[]> {
  const bytes = new TextEncoder().encode(rtf);
  const elements = await new Document(bytes.buffer as ArrayBuffer).render();
  return elements.map((e) => e.textContent ?? '').filter((t) => t !== '');
}
