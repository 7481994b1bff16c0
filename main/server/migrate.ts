import type { Pool, PoolClient } from 'pg';
import { PG_MIGRATIONS, type PgMigration } from './migrations';
import { NewsroomError } from './errors';

/** Held while migrating, so that two server processes starting together take turns. */
const MIGRATION_LOCK = 7_433_001;

/**
 * Brings the newsroom database up to the newest schema this build knows: each migration and its
 * version bump in one transaction, so a crash leaves a whole version. A database from a newer
 * Copydesk, or one that holds other tables, is refused and not touched.
 */
export async function migrateNewsroom(
  pool: Pool,
  migrations: readonly PgMigration[] = PG_MIGRATIONS,
): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const current = await knownVersion(client, migrations);
      for (const migration of migrations) {
        if (migration.version <= current) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('UPDATE copydesk_schema SET version = $1', [migration.version]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
      return await schemaVersion(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

export async function schemaVersion(client: Pool | PoolClient): Promise<number> {
  const { rows } = await client.query<{ version: number }>('SELECT version FROM copydesk_schema');
  return rows[0]?.version ?? 0;
}

async function knownVersion(
  client: PoolClient,
  migrations: readonly PgMigration[],
): Promise<number> {
  const { rows } = await client.query<{ ours: boolean; tables: string }>(
    `SELECT to_regclass('copydesk_schema') IS NOT NULL AS ours,
            (SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()) AS tables`,
  );
  const { ours, tables } = rows[0]!;
  if (!ours) {
    if (Number(tables) > 0)
      throw new NewsroomError(
        'NOT_AN_ARCHIVE',
        'This database holds tables that are not Copydesk’s: give the newsroom server a database of its own (createdb copydesk).',
      );
    await client.query('CREATE TABLE copydesk_schema (version integer NOT NULL)');
    await client.query('INSERT INTO copydesk_schema (version) VALUES (0)');
  }
  const current = await schemaVersion(client);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest)
    throw new NewsroomError(
      'ARCHIVE_TOO_NEW',
      `This newsroom database was set up by a newer Copydesk (schema ${current}; this server knows up to ${latest}). Update Copydesk on this server.`,
    );
  return current;
}
