// Rewrites main/archive/schema.snapshot.sql from the migrations, after a deliberate schema change.
// The archive tests compare the migrated schema with it, so an accidental change fails them.
import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const dir = new URL('../main/archive/migrations/', import.meta.url);
const db = new Database(':memory:');
// The migrations run on an empty database here, so the fold that `migrate` registers for them
// (shared/text/foldCase.ts) is never called: it only has to exist.
db.function('copydesk_fold', { deterministic: true }, (text) => text);
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.sql'))
  .sort())
  db.exec(readFileSync(new URL(file, dir), 'utf8'));
const rows = db.prepare('SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name').all();
writeFileSync(
  new URL('../main/archive/schema.snapshot.sql', import.meta.url),
  `${rows.map((r) => `${r.sql};`).join('\n')}\n`,
);
