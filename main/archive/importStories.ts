import type { Database } from 'better-sqlite3';
import type { Story } from '../../shared/story/model';
import type { TimingSettings } from '../../shared/story/timing';
import { insertStories } from './stories';
import { upsertPronouncer } from './pronouncers';
import { pronouncersIn } from '../../shared/story/pronouncers';
import { statement } from './statements';
import { writeTransaction } from './writeTransaction';

export type ImportStoriesOptions = {
  timing: TimingSettings;
  /** Who imported them: the first version of each story is theirs. */
  author: string;
  newId: () => string;
};

/**
 * Stories that arrive whole (another system's archive converted, a backup) go in the way a saved
 * story does, but in bulk: each story with its tags, its first version (kind "import", made the
 * story's head) and its pronouncers learnt by the dictionary, all in one transaction, with every
 * statement compiled once. An id already in the archive refuses the batch (StoryExistsError).
 */
export function importStories(
  db: Database,
  stories: readonly Story[],
  options: ImportStoriesOptions,
): void {
  const revisionIds = stories.map(() => options.newId());
  const insertRevision = statement(
    db,
    `INSERT INTO revisions (id, story_id, parent_id, at, author, kind, note, story_json)
     VALUES (?, ?, NULL, ?, ?, 'import', '', ?)`,
  );
  writeTransaction(db, () => {
    insertStories(db, stories, options.timing, revisionIds);
    stories.forEach((story, i) => {
      insertRevision.run(
        revisionIds[i],
        story.id,
        story.updatedAt,
        options.author,
        JSON.stringify(story),
      );
      for (const entry of pronouncersIn(story)) upsertPronouncer(db, entry, story.updatedAt);
    });
  });
}
