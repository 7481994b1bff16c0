// Tags: linking them to stories, reading them back, and renaming, merging and deleting them.
import type { Database } from 'better-sqlite3';
import { foldCase } from '../../shared/text/foldCase';
import { statement } from './statements';
import { writeTransaction } from './writeTransaction';

/**
 * Tag names are one name without case (the one case fold, shared/text/foldCase.ts), and each is
 * stored once under that key, in the spelling it first came in.
 */
export function tagKey(name: string): string {
  return foldCase(name);
}

/** The id of a tag, by any spelling of its name; undefined when no tag has it. */
export function findTagId(db: Database, name: string): number | undefined {
  return (
    statement(db, 'SELECT id FROM tags WHERE name_key = ?').get(tagKey(name)) as
      { id: number } | undefined
  )?.id;
}

/** `tagIds` remembers ids by key, so a batch looks each tag up once. */
export function linkTags(
  db: Database,
  seq: number,
  tags: readonly string[],
  tagIds: Map<string, number>,
): void {
  if (tags.length === 0) return;
  const ensure = statement(
    db,
    'INSERT INTO tags (name, name_key) VALUES (?, ?) ON CONFLICT (name_key) DO NOTHING',
  );
  const link = statement(
    db,
    'INSERT INTO story_tags (story_seq, tag_id, position) VALUES (?, ?, ?)',
  );
  tags.forEach((tag, position) => {
    const key = tagKey(tag);
    let id = tagIds.get(key);
    if (id === undefined) {
      ensure.run(tag, key);
      id = findTagId(db, tag)!;
      tagIds.set(key, id);
    }
    link.run(seq, id, position);
  });
}

export function dropUnusedTags(db: Database): void {
  statement(db, 'DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM story_tags)').run();
}

/** Tags of many stories in one query, in each story's own order. */
export function tagsOf(db: Database, seqs: readonly number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (seqs.length === 0) return out;
  const rows = statement(
    db,
    `SELECT st.story_seq AS seq, t.name AS name FROM story_tags st JOIN tags t ON t.id = st.tag_id
       WHERE st.story_seq IN (SELECT value FROM json_each(?)) ORDER BY st.story_seq, st.position`,
  ).all(JSON.stringify(seqs)) as { seq: number; name: string }[];
  for (const { seq, name } of rows) {
    const list = out.get(seq);
    if (list) list.push(name);
    else out.set(seq, [name]);
  }
  return out;
}

/** Tags in use, most used first; each count is a range count on the by-tag index. */
export function listTags(db: Database): { name: string; count: number }[] {
  return statement(
    db,
    `SELECT name, count FROM (
       SELECT t.name AS name, t.name_key AS name_key,
         (SELECT count(*) FROM story_tags st WHERE st.tag_id = t.id) AS count
       FROM tags t)
     WHERE count > 0 ORDER BY count DESC, name_key, name`,
  ).all() as { name: string; count: number }[];
}

/**
 * Renames a tag on every story that has it; renaming onto an existing tag merges the two. Stories
 * keep their tag order, and a story that had both keeps one. Returns how many stories it touched.
 */
export function renameTag(db: Database, from: string, to: string): number {
  return writeTransaction(db, () => {
    const source = findTagId(db, from);
    if (source === undefined) return 0;
    const touched = (
      db.prepare('SELECT count(*) AS n FROM story_tags WHERE tag_id = ?').get(source) as {
        n: number;
      }
    ).n;
    const target = findTagId(db, to);
    if (target === undefined || target === source) {
      db.prepare('UPDATE tags SET name = ?, name_key = ? WHERE id = ?').run(to, tagKey(to), source);
      return touched;
    }
    db.prepare(
      `UPDATE story_tags SET tag_id = @target WHERE tag_id = @source
         AND story_seq NOT IN (SELECT story_seq FROM story_tags WHERE tag_id = @target)`,
    ).run({ source, target });
    db.prepare('DELETE FROM tags WHERE id = ?').run(source);
    return touched;
  });
}

/** Takes a tag off every story. Returns how many stories had it. */
export function deleteTag(db: Database, name: string): number {
  return writeTransaction(db, () => {
    const tag = findTagId(db, name);
    if (tag === undefined) return 0;
    const touched = db.prepare('DELETE FROM story_tags WHERE tag_id = ?').run(tag).changes;
    db.prepare('DELETE FROM tags WHERE id = ?').run(tag);
    return touched;
  });
}
