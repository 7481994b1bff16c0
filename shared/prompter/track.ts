/**
 * How one screen maps the show's position (in words, see words.ts) to its own pixels, from what
 * it laid out: each line of read text holds a number of words, and each marker or instruction
 * the few words it is given. A line's words cross the reading line as its middle passes it, so
 * the map runs straight from one line's middle to the next's, the words between them spread over
 * the pixels between them. Scrolling at w words a second then brings exactly w words a second
 * past the reading line, at any font size or width; blank space between paragraphs takes no
 * time of its own (it passes with the words around it).
 */
export type LaidOutItem = {
  /** The middle of the line (or element), in pixels from the top of the text. */
  center: number;
  words: number;
};

export type Track = {
  /** Positions in words, rising; anchors[i] sits at pixels[i]. */
  words: Float64Array;
  pixels: Float64Array;
  total: number;
};

/** From the laid-out lines in order, and the height of the whole text. */
export function buildTrack(items: readonly LaidOutItem[], height: number): Track {
  const words: number[] = [0];
  const pixels: number[] = [0];
  let at = 0;
  for (const item of items) {
    if (!(item.words > 0)) continue;
    const center = Math.max(item.center, pixels[pixels.length - 1]!);
    words.push(at + item.words / 2);
    pixels.push(center);
    at += item.words;
  }
  words.push(at);
  pixels.push(Math.max(height, pixels[pixels.length - 1]!));
  return { words: Float64Array.from(words), pixels: Float64Array.from(pixels), total: at };
}

/** The last index i with values[i] <= x (0 when x is before the first). */
function segment(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (values[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return Math.min(lo, values.length - 2);
}

function interpolate(from: Float64Array, to: Float64Array, x: number): number {
  if (from.length < 2) return 0;
  if (x <= from[0]!) return to[0]!;
  if (x >= from[from.length - 1]!) return to[to.length - 1]!;
  const i = segment(from, x);
  const span = from[i + 1]! - from[i]!;
  if (span <= 0) return to[i + 1]!;
  return to[i]! + ((x - from[i]!) / span) * (to[i + 1]! - to[i]!);
}

/** The pixel (from the top of the text) at the reading line when the show is at w words. */
export function pixelAt(track: Track, w: number): number {
  return interpolate(track.words, track.pixels, w);
}

/** The position in words when the pixel y of the text is at the reading line. */
export function wordsAt(track: Track, y: number): number {
  return interpolate(track.pixels, track.words, y);
}

/**
 * Pixels a second at the reading line for a speed in words a minute, where the show is now:
 * what the talent sees move (shown to the operator; the scroll itself follows the position).
 */
export function pixelsPerSecond(track: Track, w: number, wordsPerMinute: number): number {
  if (track.words.length < 2) return 0;
  const i = segment(track.words, Math.min(w, track.total));
  const dw = track.words[i + 1]! - track.words[i]!;
  const dy = track.pixels[i + 1]! - track.pixels[i]!;
  return dw > 0 ? (dy / dw) * (wordsPerMinute / 60) : 0;
}
