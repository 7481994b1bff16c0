import type { Database } from 'better-sqlite3';
import {
  DEFAULT_MOS_SETTINGS,
  MosDeviceSchema,
  MosSettingsSchema,
  type MosDevice,
  type MosSettings,
} from '../../shared/mos/model';
import { ArchiveError } from './errors';
import { statement } from './statements';

/** MOS devices, what is sent to them, and Copydesk's NCS settings: repositories over migration 0006. */

type DeviceDbRow = {
  id: string;
  name: string;
  mos_id: string;
  host: string;
  lower_port: number;
  upper_port: number;
  query_port: number;
  cues: 'storyItem' | 'pi';
};

function rowToDevice(r: DeviceDbRow): MosDevice {
  const parsed = MosDeviceSchema.safeParse({
    id: r.id,
    name: r.name,
    mosId: r.mos_id,
    host: r.host,
    ports: { lower: r.lower_port, upper: r.upper_port, query: r.query_port },
    cues: r.cues,
  });
  if (!parsed.success)
    throw new ArchiveError('ARCHIVE_CORRUPT', `the MOS device “${r.name}” is damaged`);
  return parsed.data;
}

const DEVICE_COLUMNS = 'id, name, mos_id, host, lower_port, upper_port, query_port, cues';

export function listMosDevices(db: Database): MosDevice[] {
  return (
    statement(
      db,
      `SELECT ${DEVICE_COLUMNS} FROM mos_devices ORDER BY name COLLATE NOCASE`,
    ).all() as DeviceDbRow[]
  ).map(rowToDevice);
}

export function getMosDevice(db: Database, id: string): MosDevice | null {
  const row = statement(db, `SELECT ${DEVICE_COLUMNS} FROM mos_devices WHERE id = ?`).get(id) as
    DeviceDbRow | undefined;
  return row ? rowToDevice(row) : null;
}

/** Adds the device, or changes the one with its id. */
export function putMosDevice(db: Database, device: MosDevice, at: string): void {
  statement(
    db,
    `INSERT INTO mos_devices (${DEVICE_COLUMNS}, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, mos_id = excluded.mos_id,
       host = excluded.host, lower_port = excluded.lower_port, upper_port = excluded.upper_port,
       query_port = excluded.query_port, cues = excluded.cues`,
  ).run(
    device.id,
    device.name,
    device.mosId,
    device.host,
    device.ports.lower,
    device.ports.upper,
    device.ports.query,
    device.cues,
    at,
  );
}

export function deleteMosDevice(db: Database, id: string): boolean {
  return statement(db, 'DELETE FROM mos_devices WHERE id = ?').run(id).changes > 0;
}

/** A rundown on a device. */
export type MosSend = { deviceId: string; rundownId: string; ready: boolean; sentAt: string };

type SendDbRow = { device_id: string; rundown_id: string; ready: number; sent_at: string };

const toSend = (r: SendDbRow): MosSend => ({
  deviceId: r.device_id,
  rundownId: r.rundown_id,
  ready: r.ready === 1,
  sentAt: r.sent_at,
});

export function listMosSends(db: Database): MosSend[] {
  return (
    statement(
      db,
      'SELECT device_id, rundown_id, ready, sent_at FROM mos_sends ORDER BY sent_at',
    ).all() as SendDbRow[]
  ).map(toSend);
}

/** Records the rundown as on the device (sent again: not ready until marked so again). */
export function putMosSend(db: Database, deviceId: string, rundownId: string, at: string): void {
  statement(
    db,
    `INSERT INTO mos_sends (device_id, rundown_id, ready, sent_at) VALUES (?, ?, 0, ?)
     ON CONFLICT (device_id, rundown_id) DO UPDATE SET sent_at = excluded.sent_at, ready = 0`,
  ).run(deviceId, rundownId, at);
}

export function deleteMosSend(db: Database, deviceId: string, rundownId: string): boolean {
  return (
    statement(db, 'DELETE FROM mos_sends WHERE device_id = ? AND rundown_id = ?').run(
      deviceId,
      rundownId,
    ).changes > 0
  );
}

/** Marks the rundown ready (or not) on every device it is on; how many that is. */
export function setMosReady(db: Database, rundownId: string, ready: boolean): number {
  return statement(db, 'UPDATE mos_sends SET ready = ? WHERE rundown_id = ?').run(
    ready ? 1 : 0,
    rundownId,
  ).changes;
}

const SETTINGS_KEY = 'mos';

/** Copydesk's NCS id and listening ports, kept beside the app's settings. */
export function getMosSettings(db: Database): MosSettings {
  const row = statement(db, 'SELECT value_json FROM settings WHERE key = ?').get(SETTINGS_KEY) as
    { value_json: string } | undefined;
  if (!row) return DEFAULT_MOS_SETTINGS;
  const parsed = MosSettingsSchema.safeParse(JSON.parse(row.value_json));
  return parsed.success ? parsed.data : DEFAULT_MOS_SETTINGS;
}

export function saveMosSettings(db: Database, settings: MosSettings): void {
  statement(
    db,
    `INSERT INTO settings (key, value_json) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json`,
  ).run(SETTINGS_KEY, JSON.stringify(settings));
}
