-- The review desk: every version of a story, the comments editors leave on it, and where each
-- story's current text came from (for merging hand-off packages).
CREATE TABLE revisions (
  id         TEXT PRIMARY KEY,
  story_id   TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  parent_id  TEXT,
  at         TEXT NOT NULL,
  author     TEXT NOT NULL DEFAULT '',
  -- create | save | autosave | restore | status | import | merge
  kind       TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  story_json TEXT NOT NULL CHECK (json_valid(story_json)),
  -- 'local', or 'package' for a version that came in a hand-off package (never rewritten here)
  origin     TEXT NOT NULL DEFAULT 'local'
);
CREATE INDEX revisions_by_story ON revisions (story_id, at);

CREATE TABLE comments (
  id          TEXT PRIMARY KEY,
  story_id    TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  -- The thread is the anchor: its id marks the commented text in the story body.
  thread_id   TEXT NOT NULL,
  author      TEXT NOT NULL DEFAULT '',
  at          TEXT NOT NULL,
  body        TEXT NOT NULL,
  quote       TEXT NOT NULL DEFAULT '',
  resolved_at TEXT,
  resolved_by TEXT
);
CREATE INDEX comments_by_story ON comments (story_id, thread_id, at);

-- The revision the stored story is, and a diverging revision a package brought in (a conflict).
ALTER TABLE stories ADD COLUMN head_revision TEXT;
ALTER TABLE stories ADD COLUMN conflict_revision TEXT;
CREATE INDEX stories_by_status ON stories (status, updated_at DESC);
