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
CREATE TABLE pronouncers (
  id         INTEGER PRIMARY KEY,
  term       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  phonetic   TEXT NOT NULL,
  updated_at TEXT NOT NULL
, term_key TEXT NOT NULL DEFAULT '');
CREATE UNIQUE INDEX pronouncers_by_key ON pronouncers (term_key);
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
CREATE TABLE rundown_history (
  seq         INTEGER PRIMARY KEY,
  rundown_id  TEXT    NOT NULL REFERENCES rundowns (id) ON DELETE CASCADE,
  at          TEXT    NOT NULL,
  author      TEXT    NOT NULL DEFAULT '',
  -- created | edited | added | moved | removed | floated | unfloated | hit | actual | estimate | page | renamed
  action      TEXT    NOT NULL,
  row_id      TEXT,
  detail_json TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(detail_json))
);
CREATE INDEX rundown_history_by_rundown ON rundown_history (rundown_id, seq);
CREATE TABLE rundown_rows (
  id         TEXT    PRIMARY KEY,
  rundown_id TEXT    NOT NULL REFERENCES rundowns (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  kind       TEXT    NOT NULL CHECK (kind IN ('story', 'break', 'item')),
  -- No cascade: a story that sits in a rundown is deleted only after asking, rows first.
  story_id   TEXT    REFERENCES stories (id),
  label      TEXT    NOT NULL DEFAULT '',
  page       TEXT,
  est_sec    INTEGER,
  actual_sec INTEGER,
  floated    INTEGER NOT NULL DEFAULT 0,
  hit_sec    INTEGER,
  CHECK ((kind = 'story') = (story_id IS NOT NULL))
);
CREATE INDEX rundown_rows_by_story ON rundown_rows (story_id) WHERE story_id IS NOT NULL;
CREATE INDEX rundown_rows_in_order ON rundown_rows (rundown_id, position);
CREATE TABLE rundowns (
  id                 TEXT    PRIMARY KEY,
  title              TEXT    NOT NULL,
  air_date           TEXT    NOT NULL,
  on_air_sec         INTEGER NOT NULL,
  length_sec         INTEGER NOT NULL,
  block_budgets_json TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(block_budgets_json)),
  created_at         TEXT    NOT NULL,
  updated_at         TEXT    NOT NULL,
  -- Bumped by every change, so a change made against an older version can be refused.
  version            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX rundowns_by_date ON rundowns (air_date, on_air_sec);
CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value_json TEXT NOT NULL CHECK (json_valid(value_json))
);
CREATE TABLE show_templates (
  name          TEXT PRIMARY KEY COLLATE NOCASE,
  template_json TEXT NOT NULL CHECK (json_valid(template_json)),
  updated_at    TEXT NOT NULL
);
CREATE TABLE stories (
  seq           INTEGER PRIMARY KEY,
  id            TEXT    NOT NULL UNIQUE,
  model_version INTEGER NOT NULL,
  slug          TEXT    NOT NULL,
  format        TEXT    NOT NULL,
  presenter     TEXT    NOT NULL DEFAULT '',
  reporter      TEXT    NOT NULL DEFAULT '',
  status        TEXT    NOT NULL DEFAULT 'draft',
  created_at    TEXT    NOT NULL,
  updated_at    TEXT    NOT NULL,
  body_json     TEXT    NOT NULL CHECK (json_valid(body_json)),
  search_text   TEXT    NOT NULL,
  read_sec      INTEGER NOT NULL DEFAULT 0,
  total_sec     INTEGER NOT NULL DEFAULT 0
, page TEXT, target_sec INTEGER, head_revision TEXT, conflict_revision TEXT);
CREATE INDEX stories_by_status ON stories (status, updated_at DESC);
CREATE INDEX stories_by_updated ON stories (updated_at DESC, seq DESC);
CREATE INDEX stories_filters ON stories (seq, status, format, presenter, reporter, updated_at);
CREATE VIRTUAL TABLE stories_fts USING fts5 (
  slug,
  search_text,
  content = 'stories',
  content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE 'stories_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TABLE 'stories_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
  INSERT INTO stories_fts (stories_fts, rowid, slug, search_text)
  VALUES ('delete', old.seq, old.slug, old.search_text);
END;
CREATE TABLE 'stories_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE 'stories_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TRIGGER stories_fts_insert AFTER INSERT ON stories BEGIN
  INSERT INTO stories_fts (rowid, slug, search_text) VALUES (new.seq, new.slug, new.search_text);
END;
CREATE TRIGGER stories_fts_update AFTER UPDATE OF slug, search_text ON stories BEGIN
  INSERT INTO stories_fts (stories_fts, rowid, slug, search_text)
  VALUES ('delete', old.seq, old.slug, old.search_text);
  INSERT INTO stories_fts (rowid, slug, search_text) VALUES (new.seq, new.slug, new.search_text);
END;
CREATE TABLE story_tags (
  story_seq INTEGER NOT NULL REFERENCES stories (seq) ON DELETE CASCADE,
  tag_id    INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  PRIMARY KEY (story_seq, tag_id)
) WITHOUT ROWID;
CREATE INDEX story_tags_by_tag ON story_tags (tag_id, story_seq);
CREATE TABLE tags (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
, name_key TEXT NOT NULL DEFAULT '');
CREATE UNIQUE INDEX tags_by_key ON tags (name_key);
CREATE TABLE templates (
  format     TEXT PRIMARY KEY,
  body_json  TEXT NOT NULL CHECK (json_valid(body_json)),
  updated_at TEXT NOT NULL
);
