import type { z } from 'zod';

/** A channel of the contract: the schema its input must pass and the type of its output. */
export function channel<I extends z.ZodType>(input: I) {
  return { returns: <O>() => ({ input, output: undefined as unknown as O }) };
}
