-- Live MOS: the devices Copydesk sends running orders to, and which rundown is on which device.
CREATE TABLE mos_devices (
  id         TEXT    PRIMARY KEY,
  name       TEXT    NOT NULL UNIQUE COLLATE NOCASE,
  -- The device's own mosID; the connector keeps one link per mosID, so two devices cannot share one.
  mos_id     TEXT    NOT NULL UNIQUE,
  host       TEXT    NOT NULL,
  lower_port INTEGER NOT NULL CHECK (lower_port BETWEEN 1 AND 65535),
  upper_port INTEGER NOT NULL CHECK (upper_port BETWEEN 1 AND 65535),
  query_port INTEGER NOT NULL CHECK (query_port BETWEEN 1 AND 65535),
  cues       TEXT    NOT NULL DEFAULT 'storyItem' CHECK (cues IN ('storyItem', 'pi')),
  created_at TEXT    NOT NULL
);

-- A rundown sent to a device stays on it (and is followed again when Copydesk starts) until it is
-- withdrawn, or the rundown or the device is deleted.
CREATE TABLE mos_sends (
  device_id  TEXT    NOT NULL REFERENCES mos_devices (id) ON DELETE CASCADE,
  rundown_id TEXT    NOT NULL REFERENCES rundowns (id) ON DELETE CASCADE,
  ready      INTEGER NOT NULL DEFAULT 0 CHECK (ready IN (0, 1)),
  sent_at    TEXT    NOT NULL,
  PRIMARY KEY (device_id, rundown_id)
) WITHOUT ROWID;
CREATE INDEX mos_sends_by_rundown ON mos_sends (rundown_id);
