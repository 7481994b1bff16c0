-- Names compared without case get a key column: pronouncer terms and tag names. The key is made
-- by the fold JavaScript uses everywhere (shared/text/foldCase.ts, which `migrate` registers on
-- the connection as copydesk_fold), so "Émile" and "émile", one name on screen, are one row
-- here too; SQLite's NOCASE folds ASCII only. The repositories write the key with every row and
-- look names up by it. Rows whose names are now one are merged first.

-- Pronouncers: of the entries that are now one term, the most recently updated stays.
ALTER TABLE pronouncers ADD COLUMN term_key TEXT NOT NULL DEFAULT '';
UPDATE pronouncers SET term_key = copydesk_fold(trim(term));
DELETE FROM pronouncers
WHERE EXISTS (
  SELECT 1 FROM pronouncers AS newer
  WHERE newer.term_key = pronouncers.term_key
    AND (newer.updated_at > pronouncers.updated_at
      OR (newer.updated_at = pronouncers.updated_at AND newer.id > pronouncers.id))
);
CREATE UNIQUE INDEX pronouncers_by_key ON pronouncers (term_key);

-- Tags: of the tags that are now one name, the spelling on the most recently updated story stays,
-- and every story that had any of them has it once, at the first place it had one of them.
ALTER TABLE tags ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE tags SET name_key = copydesk_fold(name);

CREATE TEMP TABLE fold_tag_use AS
SELECT t.id AS id, t.name_key AS name_key,
  coalesce((SELECT max(s.updated_at) FROM story_tags st JOIN stories s ON s.seq = st.story_seq
            WHERE st.tag_id = t.id), '') AS last_used
FROM tags t
WHERE t.name_key IN (SELECT name_key FROM tags GROUP BY name_key HAVING count(*) > 1);

CREATE TEMP TABLE fold_tag_merge AS
SELECT u.id AS id,
  (SELECT k.id FROM fold_tag_use k WHERE k.name_key = u.name_key
   ORDER BY k.last_used DESC, k.id DESC LIMIT 1) AS keep_id
FROM fold_tag_use u;

CREATE TEMP TABLE fold_tag_links AS
SELECT st.story_seq AS story_seq, m.keep_id AS tag_id, min(st.position) AS position
FROM story_tags st JOIN fold_tag_merge m ON m.id = st.tag_id
GROUP BY st.story_seq, m.keep_id;

DELETE FROM story_tags WHERE tag_id IN (SELECT id FROM fold_tag_merge);
INSERT INTO story_tags (story_seq, tag_id, position)
SELECT story_seq, tag_id, position FROM fold_tag_links;
DELETE FROM tags WHERE id IN (SELECT id FROM fold_tag_merge WHERE id <> keep_id);

DROP TABLE fold_tag_links;
DROP TABLE fold_tag_merge;
DROP TABLE fold_tag_use;
CREATE UNIQUE INDEX tags_by_key ON tags (name_key);
