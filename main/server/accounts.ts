import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { Identity } from '../../shared/newsroom/protocol';
import type { Role } from '../../shared/newsroom/roles';
import { NewsroomError } from './errors';
import { hashPassword, oneTimePassword, verifyPassword } from './passwords';

/** People and their sessions: `server user add|list|disable`, signing in, checking a token. */

type UserRow = {
  id: string;
  name: string;
  display_name: string;
  role: Role;
  password_hash: string;
  must_change_password: boolean;
  disabled: boolean;
  failed_logins: number;
  locked_until: Date | null;
  created_at: Date;
};

export type UserSummary = {
  name: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
};

/** After this many wrong passwords in a row, the account waits LOCK_MINUTES before trying again. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 5;
export const DEFAULT_SESSION_DAYS = 14;

function identity(row: UserRow): Identity {
  return { userId: row.id, name: row.name, displayName: row.display_name, role: row.role };
}

export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

async function findUser(pool: Pool, name: string): Promise<UserRow | undefined> {
  const { rows } = await pool.query<UserRow>('SELECT * FROM users WHERE lower(name) = lower($1)', [
    name,
  ]);
  return rows[0];
}

/** Adds a person; resolves to the one-time password they change at their first sign-in. */
export async function addUser(
  pool: Pool,
  user: { name: string; displayName?: string; role: Role },
): Promise<string> {
  if (await findUser(pool, user.name))
    throw new NewsroomError('CONFLICT', `There is already a user named ${user.name}.`);
  const password = oneTimePassword();
  await pool.query(
    `INSERT INTO users (id, name, display_name, role, password_hash) VALUES ($1, $2, $3, $4, $5)`,
    [
      randomUUID(),
      user.name,
      user.displayName?.trim() || user.name,
      user.role,
      await hashPassword(password),
    ],
  );
  return password;
}

export async function listUsers(pool: Pool): Promise<UserSummary[]> {
  const { rows } = await pool.query<UserRow>('SELECT * FROM users ORDER BY lower(name)');
  return rows.map((r) => ({
    name: r.name,
    displayName: r.display_name,
    role: r.role,
    disabled: r.disabled,
    mustChangePassword: r.must_change_password,
    createdAt: r.created_at.toISOString(),
  }));
}

/** Disables an account and ends all its sessions at once; resolves to how many were ended. */
export async function disableUser(pool: Pool, name: string): Promise<number> {
  const user = await findUser(pool, name);
  if (!user) throw new NewsroomError('NOT_FOUND', `There is no user named ${name}.`);
  await pool.query('UPDATE users SET disabled = true WHERE id = $1', [user.id]);
  return revokeSessions(pool, user.id);
}

/** Lets a disabled account sign in again (its old sessions stay ended). */
export async function enableUser(pool: Pool, name: string): Promise<void> {
  const user = await findUser(pool, name);
  if (!user) throw new NewsroomError('NOT_FOUND', `There is no user named ${name}.`);
  await pool.query('UPDATE users SET disabled = false WHERE id = $1', [user.id]);
}

/**
 * A forgotten password: a new one-time password replaces it (changed at the next sign-in), the
 * lock after wrong guesses is lifted, and every session ends — whoever had the old password is
 * signed out. Resolves to the one-time password.
 */
export async function resetPassword(pool: Pool, name: string): Promise<string> {
  const user = await findUser(pool, name);
  if (!user) throw new NewsroomError('NOT_FOUND', `There is no user named ${name}.`);
  const password = oneTimePassword();
  await pool.query(
    `UPDATE users SET password_hash = $2, must_change_password = true, failed_logins = 0,
       locked_until = NULL WHERE id = $1`,
    [user.id, await hashPassword(password)],
  );
  await revokeSessions(pool, user.id);
  return password;
}

/** Ends every session of a user (signed out everywhere). */
export async function revokeSessions(pool: Pool, userId: string): Promise<number> {
  const { rowCount } = await pool.query(
    'UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()',
    [userId],
  );
  return rowCount ?? 0;
}

const WRONG = 'The user name or the password is wrong.';

/**
 * Signs a person in: checks the password (and that the account is usable), changes a one-time
 * password when a new one is given, and opens a session. Wrong guesses are counted per account;
 * too many in a row lock it for a few minutes. Every refusal of the name or password reads the
 * same, so nobody learns which names exist.
 */
export async function signIn(
  pool: Pool,
  request: {
    name: string;
    password: string;
    newPassword?: string;
    desk: string;
    deskLabel: string;
  },
  sessionDays: number,
): Promise<{ token: string; expiresAt: string; identity: Identity }> {
  const user = await findUser(pool, request.name);
  if (!user) {
    // Take as long as a real check, so a missing name cannot be told from a wrong password.
    await verifyPassword(request.password, await dummyHash());
    throw new NewsroomError('SIGNED_OUT', WRONG);
  }
  if (user.locked_until && user.locked_until > new Date())
    throw new NewsroomError(
      'SIGNED_OUT',
      `Too many wrong passwords for ${user.name}: try again after ${user.locked_until.toISOString().slice(11, 16)} UTC.`,
    );
  if (!(await verifyPassword(request.password, user.password_hash))) {
    await pool.query(
      `UPDATE users SET failed_logins = failed_logins + 1,
         locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE NULL END
       WHERE id = $1`,
      [user.id, MAX_FAILED_LOGINS, LOCK_MINUTES],
    );
    throw new NewsroomError('SIGNED_OUT', WRONG);
  }
  if (user.disabled)
    throw new NewsroomError(
      'SIGNED_OUT',
      `The account ${user.name} is disabled: ask the newsroom's administrator.`,
    );
  if (user.must_change_password) {
    if (!request.newPassword)
      throw new NewsroomError(
        'SIGNED_OUT',
        'That was a one-time password: choose a new password (at least 10 characters) to sign in.',
      );
    if (request.newPassword === request.password)
      throw new NewsroomError(
        'INVALID_INPUT',
        'The new password must be different from the one-time password.',
      );
    await pool.query(
      'UPDATE users SET password_hash = $2, must_change_password = false WHERE id = $1',
      [user.id, await hashPassword(request.newPassword)],
    );
  }
  await pool.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [
    user.id,
  ]);
  const token = randomBytes(32).toString('base64url');
  const { rows } = await pool.query<{ expires_at: Date }>(
    `INSERT INTO sessions (token_hash, user_id, desk, desk_label, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(days => $5)) RETURNING expires_at`,
    [tokenHash(token), user.id, request.desk, request.deskLabel, sessionDays],
  );
  return { token, expiresAt: rows[0]!.expires_at.toISOString(), identity: identity(user) };
}

let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(randomBytes(16).toString('hex')));
}

export type Session = { identity: Identity; desk: string; deskLabel: string; expiresAt: Date };

/** The session a token opens, or a SIGNED_OUT error that says why not. */
export async function sessionFor(pool: Pool, token: string | undefined): Promise<Session> {
  if (!token)
    throw new NewsroomError('SIGNED_OUT', 'Sign in to the newsroom first (copydesk connect).');
  const { rows } = await pool.query<
    UserRow & { desk: string; desk_label: string; expires_at: Date; revoked_at: Date | null }
  >(
    `SELECT u.*, s.desk, s.desk_label, s.expires_at, s.revoked_at
     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
    [tokenHash(token)],
  );
  const row = rows[0];
  if (!row)
    throw new NewsroomError(
      'SIGNED_OUT',
      'The newsroom does not know this sign-in: sign in again (copydesk connect).',
    );
  if (row.revoked_at || row.disabled)
    throw new NewsroomError(
      'SIGNED_OUT',
      'This sign-in was ended on the newsroom server: sign in again (copydesk connect).',
    );
  if (row.expires_at <= new Date())
    throw new NewsroomError(
      'SIGNED_OUT',
      'Your newsroom sign-in has expired: sign in again (copydesk connect). Your work on this desk is kept and goes up when you do.',
    );
  return {
    identity: identity(row),
    desk: row.desk,
    deskLabel: row.desk_label,
    expiresAt: row.expires_at,
  };
}

/** Signs a session out (the desk disconnects). */
export async function endSession(pool: Pool, token: string): Promise<void> {
  await pool.query('UPDATE sessions SET revoked_at = now() WHERE token_hash = $1', [
    tokenHash(token),
  ]);
}
