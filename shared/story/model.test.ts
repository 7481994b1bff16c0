import { describe, expect, it } from 'vitest';
import { PresenterBlockSchema } from './model';

describe('a presenter line', () => {
  it('is stored whatever its length, as a paragraph turned into one keeps its text', () => {
    const name = 'The mayor and the council will both speak at the harbor tonight '.repeat(4);
    expect(PresenterBlockSchema.safeParse({ type: 'presenter', name }).success).toBe(true);
  });
});
