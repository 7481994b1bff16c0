import { describe, expect, it } from 'vitest';
import { makeStory } from './testing/makeStory';
import { sameApartFromComments, storyHasContent } from './content';
import { DEFAULT_TEMPLATES } from './templates';

const template = DEFAULT_TEMPLATES.READER;
const blank = makeStory({ slug: '', presenter: '', body: [...template] });

describe('a story has content', () => {
  it('not when it holds only its template, or blank lines', () => {
    expect(storyHasContent(blank, template)).toBe(false);
    const lines = makeStory({
      slug: '',
      presenter: '',
      body: [...template, { type: 'paragraph', runs: [{ text: '   ' }] }],
    });
    expect(storyHasContent(lines, template)).toBe(false);
  });

  it('once it has a slug, a detail, or any text of its own', () => {
    expect(storyHasContent({ ...blank, slug: 'FIRE' }, template)).toBe(true);
    expect(storyHasContent({ ...blank, tags: ['fire'] }, template)).toBe(true);
    expect(storyHasContent({ ...blank, targetSec: 30 }, template)).toBe(true);
    const typed = makeStory({ slug: '', presenter: '', text: 'A ferry caught fire.' });
    expect(storyHasContent(typed, template)).toBe(true);
    const cue = { ...blank, body: [...template, { type: 'cue' as const, text: 'TAKE VO' }] };
    expect(storyHasContent(cue, template)).toBe(true);
  });
});

describe('the same apart from comments', () => {
  const story = makeStory({ text: 'Closed for forty days.' });
  it('a comment anchor splitting a run changes nothing', () => {
    const marked = {
      ...story,
      body: [
        {
          type: 'paragraph' as const,
          runs: [
            { text: 'Closed for ' },
            { text: 'forty days', comments: ['7b0a4c1e-2f3d-4e5a-8b6c-9d0e1f2a3b4c'] },
            { text: '.' },
          ],
        },
      ],
    };
    expect(sameApartFromComments(story, marked)).toBe(true);
  });
  it('a changed word, or a changed detail, is a change', () => {
    expect(
      sameApartFromComments(story, {
        ...story,
        body: [{ type: 'paragraph', runs: [{ text: 'Closed for thirty days.' }] }],
      }),
    ).toBe(false);
    expect(sameApartFromComments(story, { ...story, slug: 'OTHER' })).toBe(false);
  });
});
