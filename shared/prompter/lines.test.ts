import { describe, expect, it } from 'vitest';
import { makeStory } from '../story/testing/makeStory';
import { DEFAULT_PROMPTER_OPTIONS } from '../export/options';
import { prompterLines } from './lines';

describe('prompterLines', () => {
  it('caps keeps a pronouncer’s stress capitals (RAH-goo-NAH-tun is not RAH-GOO-NAH-TUN)', () => {
    const story = makeStory({
      body: [
        {
          type: 'paragraph',
          runs: [
            { text: 'Minister ' },
            { text: 'Raghunathan', pronouncer: 'RAH-goo-NAH-tun' },
            { text: ' spoke.' },
          ],
        },
      ],
    });
    const lines = prompterLines(story, { ...DEFAULT_PROMPTER_OPTIONS, allCaps: true });
    const read = lines.find((l) => l.kind === 'read');
    expect(read).toMatchObject({
      runs: [
        { text: 'MINISTER ' },
        { text: 'RAGHUNATHAN', pronouncer: 'RAH-goo-NAH-tun' },
        { text: ' SPOKE.' },
      ],
    });
  });

  it('says which block of the story each line comes from', () => {
    const story = makeStory({
      body: [
        { type: 'cue', text: 'TAKE VO' },
        { type: 'paragraph', runs: [{ text: 'One.' }] },
        { type: 'instruction', text: 'PAUSE' },
        { type: 'paragraph', runs: [{ text: 'Two.' }] },
      ],
    });
    const lines = prompterLines(story, { ...DEFAULT_PROMPTER_OPTIONS, cues: 'hidden' });
    expect(lines.map((l) => [l.kind, l.block])).toEqual([
      ['slug', -1],
      ['read', 1],
      ['instruction', 2],
      ['read', 3],
    ]);
  });
});
