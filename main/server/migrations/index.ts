import newsroom from './0001-newsroom.sql?raw';

export type PgMigration = { version: number; name: string; sql: string };

/** The server's schema changes, in order. Never reorder or edit one that shipped. */
export const PG_MIGRATIONS: readonly PgMigration[] = [
  { version: 1, name: '0001-newsroom', sql: newsroom },
];
