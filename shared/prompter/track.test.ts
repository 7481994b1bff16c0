import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildTrack, pixelAt, pixelsPerSecond, wordsAt, type LaidOutItem } from './track';
import { positionAt, rebase, type Motion } from './motion';

/** A page as a screen lays it out: paragraphs of lines, a gap after each, a marker on top. */
function layout(paragraphs: number[][], lineHeight: number, gap: number): LaidOutItem[] {
  const items: LaidOutItem[] = [{ center: lineHeight, words: 2 }];
  let y = lineHeight * 2 + gap;
  for (const lines of paragraphs) {
    for (const words of lines) {
      items.push({ center: y + lineHeight / 2, words });
      y += lineHeight;
    }
    y += gap;
  }
  return items;
}

describe('the track from words to pixels', () => {
  it('goes both ways and puts a line’s middle where half its words have passed', () => {
    const items = layout([[8, 9, 4]], 80, 30);
    const track = buildTrack(items, 1000);
    expect(track.total).toBe(2 + 21);
    expect(pixelAt(track, 2 + 4)).toBeCloseTo(items[1]!.center, 9);
    expect(pixelAt(track, 2 + 8 + 4.5)).toBeCloseTo(items[2]!.center, 9);
    for (const w of [0, 0.5, 3, 7.25, 15, 22.9, 23])
      expect(wordsAt(track, pixelAt(track, w))).toBeCloseTo(w, 9);
    expect(pixelAt(track, 23)).toBe(1000);
    expect(pixelAt(track, -5)).toBe(0);
  });

  it('scrolls any layout so that the words crossing the reading line per minute are the speed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 }), {
          minLength: 3,
          maxLength: 12,
        }),
        fc.integer({ min: 24, max: 160 }),
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 120, max: 240 }),
        (paragraphs, lineHeight, gap, wpm) => {
          const items = layout(paragraphs, lineHeight, gap);
          const track = buildTrack(items, 1e6);
          const motion: Motion = { w: 0, at: 0, playing: true, direction: 1, wordsPerMinute: wpm };
          // Each line's middle crosses the reading line at some moment: find them frame by frame.
          const crossings: { t: number; words: number }[] = [];
          let next = 1;
          for (let t = 0; next < items.length && t < 600_000; t += 1000 / 60) {
            const y = pixelAt(track, positionAt(motion, t, track.total));
            while (next < items.length && items[next]!.center <= y) {
              crossings.push({ t, words: items[next]!.words });
              next++;
            }
          }
          const first = crossings[0]!;
          const last = crossings[crossings.length - 1]!;
          if (last.t - first.t < 5000) return;
          // Half of each end line's words fall inside the interval.
          let words = (first.words + last.words) / 2;
          for (const c of crossings.slice(1, -1)) words += c.words;
          const measured = (words / (last.t - first.t)) * 60_000;
          expect(Math.abs(measured - wpm) / wpm).toBeLessThan(0.01);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the pixel speed the talent sees from the laid-out lines, not a constant', () => {
    const small = buildTrack(layout([[10, 10, 10]], 40, 0), 500);
    const large = buildTrack(layout([[5, 5, 5, 5, 5, 5]], 80, 0), 1000);
    expect(pixelsPerSecond(small, 10, 180)).toBeCloseTo(12, 6);
    expect(pixelsPerSecond(large, 10, 180)).toBeCloseTo(48, 6);
  });
});

describe('motion', () => {
  it('runs at the speed, stops at the ends and re-bases without a jump', () => {
    const m: Motion = { w: 10, at: 1000, playing: true, direction: 1, wordsPerMinute: 180 };
    expect(positionAt(m, 3000, 100)).toBeCloseTo(16, 9);
    expect(positionAt({ ...m, direction: -1 }, 5000, 100)).toBeCloseTo(0, 9);
    expect(positionAt(m, 1e9, 100)).toBe(100);
    const r = rebase(m, 3000, 100);
    expect(r).toMatchObject({ w: 16, at: 3000 });
    expect(positionAt({ ...r, wordsPerMinute: 60 }, 4000, 100)).toBeCloseTo(17, 9);
    expect(positionAt({ ...m, playing: false }, 9000, 100)).toBe(10);
  });
});
