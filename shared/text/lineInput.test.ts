import { describe, expect, it } from 'vitest';
import { LineTextSchema } from '../story/model';
import { clipUnits, lineInput } from './lineInput';

describe('lineInput', () => {
  it('turns a pasted tab and other control characters into a space the model accepts', () => {
    const typed = lineInput('FIRE\tUPDATE\u0001NOW');
    expect(typed).toBe('FIRE UPDATE NOW');
    expect(LineTextSchema.safeParse(typed).success).toBe(true);
  });
});

describe('clipUnits', () => {
  it('cuts to the limit, but never through a two-part character', () => {
    expect(clipUnits('harbor', 3)).toBe('har');
    expect(clipUnits('ab🔥cd', 3)).toBe('ab');
    expect(clipUnits('ab🔥cd', 4)).toBe('ab🔥');
    expect(clipUnits('short', 40)).toBe('short');
  });
});
