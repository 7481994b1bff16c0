import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { StorySchema } from '../../shared/story/model';
import { storyTiming } from '../../shared/story/timing';
import { generateArchive, generateLongStory, generateStory, RARE_WORD } from './stories';
import { createRng, hashSeed, zipfSampler } from './prng';

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('the archive generator', () => {
  it('gives the same archive for the same seed, and another for another seed', () => {
    const a = [...generateArchive('seed-a', 300)];
    const again = [...generateArchive('seed-a', 300)];
    const b = [...generateArchive('seed-b', 300)];
    expect(digest(again)).toBe(digest(a));
    expect(digest(b)).not.toBe(digest(a));
    // Any story can be made on its own and comes out the same as in the whole run.
    expect(generateStory('seed-a', 123, 300)).toEqual(a[123]);
  });

  it('makes valid stories of every format with 80–600 read words, Korean ones included', () => {
    const stories = [...generateArchive('shape', 1000)];
    for (const story of stories) expect(StorySchema.safeParse(story).success).toBe(true);
    expect(new Set(stories.map((s) => s.id)).size).toBe(stories.length);
    expect(new Set(stories.map((s) => s.format)).size).toBe(8);
    const korean = stories.filter((s) => /[\uAC00-\uD7A3]/.test(s.slug));
    expect(korean.length).toBeGreaterThan(20);
    for (const story of stories.filter((s) => !korean.includes(s))) {
      const { words } = storyTiming(story).read;
      expect(words).toBeGreaterThanOrEqual(80);
      expect(words).toBeLessThanOrEqual(620);
    }
    const blockTypes = new Set(stories.flatMap((s) => s.body.map((b) => b.type)));
    expect([...blockTypes].sort()).toEqual([
      'cue',
      'instruction',
      'media',
      'paragraph',
      'presenter',
    ]);
    // Stories are written in order over ten years, and carry tags from the fixed vocabulary.
    expect(stories[0]!.createdAt < stories[999]!.createdAt).toBe(true);
    expect(stories.some((s) => s.tags.length > 0)).toBe(true);
  });

  it('plants the rare word in one story in 7,919', () => {
    // Each story can be made on its own, so the test looks at the first 2,000 and the stretches
    // around the next two plantings instead of making all 16,000 (seconds on a loaded machine).
    const around = (at: number) => Array.from({ length: 61 }, (_, k) => at - 30 + k);
    const indices = [
      ...Array.from({ length: 2000 }, (_, i) => i),
      ...around(7930),
      ...around(15849),
    ];
    const hits = indices.filter((i) =>
      JSON.stringify(generateStory('rare', i, 16_000).body).includes(RARE_WORD),
    );
    expect(hits).toEqual([11, 7930, 15849]);
  });

  it('makes an hour-long story with every kind of block', () => {
    const story = generateLongStory('long', 10_000);
    expect(StorySchema.safeParse(story).success).toBe(true);
    expect(storyTiming(story).read.words).toBeGreaterThanOrEqual(10_000);
    const runs = story.body.flatMap((b) => (b.type === 'paragraph' ? b.runs : []));
    expect(runs.some((r) => r.bold) && runs.some((r) => r.pronouncer)).toBe(true);
    expect(new Set(story.body.map((b) => (b.type === 'media' ? b.kind : b.type)))).toEqual(
      new Set(['paragraph', 'cue', 'instruction', 'presenter', 'SOT', 'PKG']),
    );
  });

  it('draws ranks by Zipf’s law from a seeded stream', () => {
    const draw = zipfSampler(100, 1);
    const rng = createRng(hashSeed('zipf', 0));
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 20_000; i++) counts[draw(rng)]!++;
    expect(counts[0]!).toBeGreaterThan(counts[1]!);
    expect(counts[1]!).toBeGreaterThan(counts[9]!);
    expect(counts[0]! / counts[9]!).toBeGreaterThan(5);
  });
});
