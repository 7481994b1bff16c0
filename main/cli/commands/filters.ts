import { StoryFiltersSchema } from '../../../shared/ipc/contract';
import { flagValues, type CommandContext } from '../command';
import { flagsFromShape } from '../flags';

/** --tag --status --format --presenter --reporter --from --to: the contract's filters, one flag each. */
export const FILTER_FLAGS = flagsFromShape(StoryFiltersSchema.shape);

export function readFilters(ctx: CommandContext) {
  return flagValues(ctx, FILTER_FLAGS);
}
