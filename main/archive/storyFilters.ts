import type { StoryStatus } from '../../shared/story/model';

/** The ways a list or a search can be narrowed; all given filters apply together. */
export type StoryFilters = { tag?: string; status?: StoryStatus };

/**
 * SQL conditions on the `stories` row aliased `alias`, with their named parameters. Every value
 * is bound, never spliced in.
 */
export function filterConditions(
  filters: StoryFilters,
  alias: string,
): { conditions: string[]; params: Record<string, unknown> } {
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  if (filters.tag) {
    conditions.push(
      `${alias}.seq IN (SELECT story_seq FROM story_tags JOIN tags ON tags.id = tag_id WHERE tags.name = @tag)`,
    );
    params.tag = filters.tag;
  }
  if (filters.status) {
    conditions.push(`${alias}.status = @status`);
    params.status = filters.status;
  }
  return { conditions, params };
}
