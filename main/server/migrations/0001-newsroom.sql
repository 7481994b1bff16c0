-- The newsroom: people, their sessions, and everything desks share.
--
-- Every row a desk may need carries `seq`, a number from change_seq taken in commit order (see
-- changes.ts): "everything since N" is one question, and a desk that was offline asks it again.
CREATE SEQUENCE change_seq;

CREATE TABLE users (
  id                   uuid        PRIMARY KEY,
  name                 text        NOT NULL,
  display_name         text        NOT NULL,
  role                 text        NOT NULL CHECK (role IN ('reporter', 'editor', 'producer', 'admin')),
  -- scrypt$N$r$p$salt$hash (see passwords.ts)
  password_hash        text        NOT NULL,
  -- Set by `server user add`: the one-time password must be changed at the first sign-in.
  must_change_password boolean     NOT NULL DEFAULT true,
  disabled             boolean     NOT NULL DEFAULT false,
  failed_logins        integer     NOT NULL DEFAULT 0,
  locked_until         timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_by_name ON users (lower(name));

CREATE TABLE sessions (
  -- sha256 of the token: a copy of the database does not sign anyone in.
  token_hash   bytea       PRIMARY KEY,
  user_id      uuid        NOT NULL REFERENCES users (id),
  desk         uuid        NOT NULL,
  desk_label   text        NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz,
  last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE stories (
  id            uuid        PRIMARY KEY,
  -- Counts accepted changes: a change made on an older version is a conflict, never merged.
  version       integer     NOT NULL,
  story         jsonb,
  head_revision text,
  slug          text        NOT NULL DEFAULT '',
  status        text        NOT NULL DEFAULT 'draft',
  updated_at    timestamptz NOT NULL,
  deleted       boolean     NOT NULL DEFAULT false,
  -- Index tokens (searchText.ts: CJK cut into two-character pieces) for the simple configuration.
  search_doc    text        NOT NULL DEFAULT '',
  search        tsvector    GENERATED ALWAYS AS (to_tsvector('simple', search_doc)) STORED,
  seq           bigint      NOT NULL
);
CREATE INDEX stories_search ON stories USING gin (search);
CREATE INDEX stories_by_seq ON stories (seq);
CREATE INDEX stories_by_updated ON stories (updated_at DESC) WHERE NOT deleted;

CREATE TABLE revisions (
  id        text   PRIMARY KEY,
  story_id  uuid   NOT NULL,
  parent_id text,
  at        text   NOT NULL,
  author    text   NOT NULL,
  kind      text   NOT NULL,
  note      text   NOT NULL DEFAULT '',
  story     jsonb  NOT NULL,
  -- Who sent it first: only they may send it again changed (autosaves that coalesce).
  user_id   uuid   NOT NULL,
  seq       bigint NOT NULL
);
CREATE INDEX revisions_by_story ON revisions (story_id);
CREATE INDEX revisions_by_seq ON revisions (seq);

CREATE TABLE comments (
  id          uuid   PRIMARY KEY,
  story_id    uuid   NOT NULL,
  thread_id   uuid   NOT NULL,
  author      text   NOT NULL,
  at          text   NOT NULL,
  body        text   NOT NULL,
  quote       text   NOT NULL DEFAULT '',
  resolved_at text,
  resolved_by text,
  user_id     uuid   NOT NULL,
  seq         bigint NOT NULL
);
CREATE INDEX comments_by_story ON comments (story_id);
CREATE INDEX comments_by_seq ON comments (seq);

CREATE TABLE rundowns (
  id       uuid    PRIMARY KEY,
  version  integer NOT NULL,
  rundown  jsonb,
  air_date text    NOT NULL,
  deleted  boolean NOT NULL DEFAULT false,
  seq      bigint  NOT NULL
);
CREATE INDEX rundowns_by_seq ON rundowns (seq);
CREATE INDEX rundowns_by_air_date ON rundowns (air_date);

CREATE TABLE rundown_history (
  uid        text   PRIMARY KEY,
  rundown_id uuid   NOT NULL,
  entry      jsonb  NOT NULL,
  seq        bigint NOT NULL
);
CREATE INDEX rundown_history_by_rundown ON rundown_history (rundown_id);
CREATE INDEX rundown_history_by_seq ON rundown_history (seq);

-- Pronouncers, story templates, show templates: the newest version wins.
CREATE TABLE docs (
  doc_kind   text   NOT NULL,
  key        text   NOT NULL,
  body       jsonb,
  updated_at text   NOT NULL,
  seq        bigint NOT NULL,
  PRIMARY KEY (doc_kind, key)
);
CREATE INDEX docs_by_seq ON docs (seq);

-- Who is editing which story. A lease that is not renewed lapses (sweepLeases) and is then
-- released like any other, so every desk hears of it.
CREATE TABLE leases (
  story_id   uuid        PRIMARY KEY,
  user_id    uuid,
  holder     text        NOT NULL DEFAULT '',
  desk       uuid,
  desk_label text        NOT NULL DEFAULT '',
  since      timestamptz,
  expires_at timestamptz,
  note       text        NOT NULL DEFAULT '',
  seq        bigint      NOT NULL
);
CREATE INDEX leases_by_seq ON leases (seq);
CREATE INDEX leases_held ON leases (expires_at) WHERE user_id IS NOT NULL;
