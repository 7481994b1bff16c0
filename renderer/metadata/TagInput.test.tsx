import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { render, unmountAll } from '../testing/dom';
import { TagInput } from './TagInput';
import { MAX_TAG_CHARS, MAX_TAGS, TagSchema } from '../../shared/story/model';

afterEach(unmountAll);

/** Types a tag and a comma into the tag field, as a person adds one. */
function addTags(tags: string[], typed: string): string[] {
  let changed = tags;
  const page = render(<TagInput tags={tags} onChange={(next) => (changed = next)} />);
  const input = page.querySelector<HTMLInputElement>('input[aria-label="Add a tag"]')!;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setValue.call(input, `${typed},`);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  return changed;
}

describe('adding a tag', () => {
  it('keeps one spelling of a name however its case or accents are typed', () => {
    expect(addTags(['Émile'], 'E\u0301MILE')).toEqual(['Émile']);
    expect(addTags(['Straße'], 'STRASSE')).toEqual(['Straße']);
    expect(addTags(['transport'], 'Transport')).toEqual(['transport']);
  });

  it('adds a name that only looks alike', () => {
    expect(addTags(['Émile'], 'Emile')).toEqual(['Émile', 'Emile']);
  });

  it('adds only what a stored tag may hold: # parts tags, a pasted tab too', () => {
    const added = addTags([], '#fire#flood C#\tweather\u0001storm');
    expect(added).toEqual(['fire', 'flood', 'C', 'weather', 'storm']);
    for (const tag of added) expect(TagSchema.safeParse(tag).success).toBe(true);
  });

  it('cuts a long tag at its limit without breaking a two-part character', () => {
    const [tag] = addTags([], `${'a'.repeat(MAX_TAG_CHARS - 1)}🔥🔥`);
    expect(tag).toBe('a'.repeat(MAX_TAG_CHARS - 1));
    expect(TagSchema.safeParse(tag).success).toBe(true);
  });

  it('keeps tags past the most a story holds in the box, and says why', () => {
    const full = Array.from({ length: MAX_TAGS }, (_, i) => `tag${i}`);
    let changed = full;
    const page = render(<TagInput tags={full} onChange={(next) => (changed = next)} />);
    const input = page.querySelector<HTMLInputElement>('input[aria-label="Add a tag"]')!;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    act(() => {
      setValue.call(input, 'flood,');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(changed).toBe(full);
    expect(input.value).toBe('flood');
    expect(page.textContent).toContain(`${MAX_TAGS} tags at most`);
  });
});
