import { getRundown, rowStories } from '../archive/rundowns';
import {
  viewRundown,
  type RowStory,
  type RundownLine,
  type RundownView,
} from '../../shared/rundown/view';
import type { Rundown } from '../../shared/rundown/model';
import type { Story } from '../../shared/story/model';
import { ServiceError } from '../common/errors';
import type { ServiceKit } from './serviceKit';

export type ShowStories = {
  rundown: Rundown;
  rowStories: RowStory[];
  view: RundownView;
  /** The rows that are prompted and exported: stories, in running order, not floated. */
  lines: RundownLine[];
  /** Their stories, each carrying its row's page number. */
  stories: Story[];
};

/**
 * A rundown's stories as the prompter and the exports take them: in running order, each with
 * its row's page number; floated rows, breaks and items left out (they are not prompted or aired).
 */
export function showStories({ db, requireStories }: ServiceKit, rundownId: string): ShowStories {
  const rundown = getRundown(db, rundownId);
  if (!rundown)
    throw new ServiceError(
      'NOT_FOUND',
      'That rundown is not in the archive (it may have been deleted).',
    );
  const ids = rundown.rows.flatMap((r) => (r.storyId === null ? [] : [r.storyId]));
  const summaries = rowStories(db, ids);
  const view = viewRundown(rundown, new Map(summaries.map((s) => [s.id, s])));
  const lines = view.lines.filter((l) => l.row.kind === 'story' && !l.row.floated);
  const byId = new Map(
    requireStories([...new Set(lines.map((l) => l.row.storyId!))]).map((s) => [s.id, s]),
  );
  return {
    rundown,
    rowStories: summaries,
    view,
    lines,
    stories: lines.map((l) => ({ ...byId.get(l.row.storyId!)!, page: l.page })),
  };
}
