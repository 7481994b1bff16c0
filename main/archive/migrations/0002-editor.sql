-- What the script editor keeps beside stories: templates per story format, the archive-wide
-- pronouncer dictionary, and settings (presenters and their read rates, the user's name).
CREATE TABLE templates (
  format     TEXT PRIMARY KEY,
  body_json  TEXT NOT NULL CHECK (json_valid(body_json)),
  updated_at TEXT NOT NULL
);

CREATE TABLE pronouncers (
  id         INTEGER PRIMARY KEY,
  term       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  phonetic   TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value_json TEXT NOT NULL CHECK (json_valid(value_json))
);

-- A story's place in a show and the length the producer wants.
ALTER TABLE stories ADD COLUMN page TEXT;
ALTER TABLE stories ADD COLUMN target_sec INTEGER;
