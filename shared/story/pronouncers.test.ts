import { describe, expect, it } from 'vitest';
import type { Story } from './model';
import { pronouncersIn, pronouncersTaught } from './pronouncers';

const body = (...runs: { text: string; pronouncer?: string }[]): Pick<Story, 'body'> => ({
  body: [
    { type: 'paragraph', runs: [{ text: 'Minister ' }, ...runs] },
    { type: 'cue', text: 'TAKE VO' },
  ],
});

describe('the pronouncers a story carries', () => {
  it('takes each pronounced word once, trimmed, the last spelling and sound winning', () => {
    expect(
      pronouncersIn(
        body(
          { text: ' Raghunathan ', pronouncer: ' RAH-goo-NAH-tun ' },
          { text: ' and ' },
          { text: 'Émile', pronouncer: 'ay-MEEL' },
          { text: 'E\u0301MILE', pronouncer: 'ay-MEAL' },
          { text: 'nobody', pronouncer: '   ' },
          { text: '  ', pronouncer: 'NOTHING' },
        ),
      ),
    ).toEqual([
      { term: 'Raghunathan', phonetic: 'RAH-goo-NAH-tun' },
      { term: 'E\u0301MILE', phonetic: 'ay-MEAL' },
    ]);
  });
});

describe('what a save teaches the dictionary', () => {
  const known = [
    { term: 'Raghunathan', phonetic: 'RAH-goo-NAH-tun' },
    { term: 'Émile', phonetic: 'ay-MEEL' },
  ];

  it('nothing, when every pronouncer is known as written, whatever the case', () => {
    expect(
      pronouncersTaught(body({ text: 'Raghunathan', pronouncer: 'RAH-goo-NAH-tun' }), known),
    ).toEqual([]);
    expect(pronouncersTaught(body({ text: 'Minister' }), known)).toEqual([]);
  });

  it('a new term, a new sound for a known one, or a new spelling of one', () => {
    expect(pronouncersTaught(body({ text: 'Nguyen', pronouncer: 'WIN' }), known)).toEqual([
      { term: 'Nguyen', phonetic: 'WIN' },
    ]);
    expect(pronouncersTaught(body({ text: 'émile', pronouncer: 'ay-MEEL' }), known)).toEqual([
      { term: 'émile', phonetic: 'ay-MEEL' },
    ]);
    expect(pronouncersTaught(body({ text: 'Émile', pronouncer: 'eh-MEEL' }), known)).toEqual([
      { term: 'Émile', phonetic: 'eh-MEEL' },
    ]);
  });
});
