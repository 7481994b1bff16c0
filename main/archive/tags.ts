// Tags: linking them to stories, reading them back, and renaming, merging and deleting them.
import type { Database } from 'better-sqlite3';
import { statement } from './statements';
import { writeTransaction } from './writeTransaction';

/** `tagIds` remembers ids by lower-cased name (tag names are unique without case). */
export function linkTags(
  db: Database,
  seq: number,
  tags: readonly string[],
  tagIds: Map<string, number>,
): void {
  const ensure = statement(db, 'INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING');
  const find = statement(db, 'SELECT id FROM tags WHERE name = ?');
  const link = statement(
    db,
    'INSERT INTO story_tags (story_seq, tag_id, position) VALUES (?, ?, ?)',
  );
  tags.forEach((tag, position) => {
    const key = tag.toLocaleLowerCase();
    let id = tagIds.get(key);
    if (id === undefined) {
      ensure.run(tag);
      id = (find.get(tag) as { id: number }).id;
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
       SELECT t.name AS name, (SELECT count(*) FROM story_tags st WHERE st.tag_id = t.id) AS count
       FROM tags t)
     WHERE count > 0 ORDER BY count DESC, name COLLATE NOCASE`,
  ).all() as { name: string; count: number }[];
}

/**
 * Renames a tag on every story that has it; renaming onto an existing tag merges the two. Stories
 * keep their tag order, and a story that had both keeps one. Returns how many stories it touched.
 */
export function renameTag(db: Database, from: string, to: string): number {
  return writeTransaction(db, () => {
    const source = db.prepare('SELECT id FROM tags WHERE name = ?').get(from) as
      { id: number } | undefined;
    if (!source) return 0;
    const touched = (
      db.prepare('SELECT count(*) AS n FROM story_tags WHERE tag_id = ?').get(source.id) as {
        n: number;
      }
    ).n;
    const target = db.prepare('SELECT id FROM tags WHERE name = ?').get(to) as
      { id: number } | undefined;
    if (!target || target.id === source.id) {
      db.prepare('UPDATE tags SET name = ? WHERE id = ?').run(to, source.id);
      return touched;
    }
    db.prepare(
      `UPDATE story_tags SET tag_id = @target WHERE tag_id = @source
         AND story_seq NOT IN (SELECT story_seq FROM story_tags WHERE tag_id = @target)`,
    ).run({ source: source.id, target: target.id });
    db.prepare('DELETE FROM tags WHERE id = ?').run(source.id);
    return touched;
  });
}

/** Takes a tag off every story. Returns how many stories had it. */
export function deleteTag(db: Database, name: string): number {
  return writeTransaction(db, () => {
    const tag = db.prepare('SELECT id FROM tags WHERE name = ?').get(name) as
      { id: number } | undefined;
    if (!tag) return 0;
    const touched = db.prepare('DELETE FROM story_tags WHERE tag_id = ?').run(tag.id).changes;
    db.prepare('DELETE FROM tags WHERE id = ?').run(tag.id);
    return touched;
  });
}
