-- Shows: rundowns, their rows in air order, what was done to them, and show templates.
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
CREATE INDEX rundown_rows_in_order ON rundown_rows (rundown_id, position);
CREATE INDEX rundown_rows_by_story ON rundown_rows (story_id) WHERE story_id IS NOT NULL;

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

CREATE TABLE show_templates (
  name          TEXT PRIMARY KEY COLLATE NOCASE,
  template_json TEXT NOT NULL CHECK (json_valid(template_json)),
  updated_at    TEXT NOT NULL
);
