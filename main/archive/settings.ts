import type { Database } from 'better-sqlite3';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../shared/settings';

const KEY = 'app';

/** The archive's settings; a missing or unreadable value falls back to the defaults, field by field. */
export function getSettings(db: Database): Settings {
  const row = db.prepare('SELECT value_json FROM settings WHERE key = ?').get(KEY) as
    { value_json: string } | undefined;
  if (!row) return DEFAULT_SETTINGS;
  const parsed = SettingsSchema.safeParse(JSON.parse(row.value_json));
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export function saveSettings(db: Database, settings: Settings): void {
  db.prepare(
    `INSERT INTO settings (key, value_json) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json`,
  ).run(KEY, JSON.stringify(settings));
}
