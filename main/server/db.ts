import type { Pool, PoolClient } from 'pg';

/** Every server process LISTENs here; a committed change NOTIFYs it. */
export const CHANGES_CHANNEL = 'copydesk_changes';
/**
 * Held by every transaction that writes something desks must hear of, from its first change to
 * its commit: so change_seq numbers are committed in order, and a desk that has seen N has seen
 * everything before N. (A sequence alone hands out numbers in start order, not commit order.)
 */
const CHANGES_LOCK = 7_433_002;

export type Db = Pool;
export type Tx = PoolClient;

/** Runs `work` in one transaction; rolls back on any failure. */
export async function inTransaction<T>(pool: Pool, work: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
  } finally {
    client.release();
  }
}

/**
 * Runs `work` as a change desks will hear of: the changes lock is taken first and every server
 * process is told at commit (NOTIFY is delivered only if the transaction commits).
 */
export function inChange<T>(pool: Pool, work: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransaction(pool, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CHANGES_LOCK]);
    const result = await work(tx);
    await tx.query(`SELECT pg_notify('${CHANGES_CHANNEL}', '')`);
    return result;
  });
}
