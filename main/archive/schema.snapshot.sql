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
CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value_json TEXT NOT NULL CHECK (json_valid(value_json))
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
