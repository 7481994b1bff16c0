-- The desk as a replica of the newsroom server (issue 17). Nothing here changes a story: these
-- tables remember what was last agreed with the server, so what changed since can be found.
CREATE TABLE replica (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  -- This desk, in leases ("editing on Park's laptop") and sign-ins.
  desk_id       TEXT    NOT NULL,
  server_url    TEXT,
  -- Where in the server's change feed this desk has read up to.
  cursor        INTEGER NOT NULL DEFAULT 0,
  -- Stories older than this many days leave the desk unless opened here or in a rundown.
  keep_days     INTEGER NOT NULL DEFAULT 90,
  last_sync_at  TEXT
);

-- For each thing shared with the newsroom, its value when the server last agreed with this desk
-- (a story's updated_at, a rundown's version, a revision's time, a comment's resolution) and the
-- server's version it stands on. A thing whose value differs from its mark has changes to send;
-- a mark whose thing is gone was deleted here.
CREATE TABLE replica_marks (
  kind           TEXT NOT NULL,
  id             TEXT NOT NULL,
  mark           TEXT NOT NULL,
  server_version INTEGER,
  PRIMARY KEY (kind, id)
) WITHOUT ROWID;

-- Stories this desk keeps whatever their age: opened from the whole newsroom, or edited here.
CREATE TABLE replica_pins (
  story_id  TEXT PRIMARY KEY,
  pinned_at TEXT NOT NULL
);

-- What the server refused or holds back, and why, for the person at the desk to see.
CREATE TABLE replica_notices (
  kind    TEXT NOT NULL,
  id      TEXT NOT NULL,
  label   TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL,
  at      TEXT NOT NULL,
  PRIMARY KEY (kind, id)
) WITHOUT ROWID;

-- A rundown's history entries get an id of their own, so the same change is never stored twice
-- when it comes back from the server.
ALTER TABLE rundown_history ADD COLUMN uid TEXT;
UPDATE rundown_history SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX rundown_history_by_uid ON rundown_history (uid);
CREATE TRIGGER rundown_history_uid AFTER INSERT ON rundown_history WHEN new.uid IS NULL BEGIN
  UPDATE rundown_history SET uid = lower(hex(randomblob(16))) WHERE seq = new.seq;
END;
