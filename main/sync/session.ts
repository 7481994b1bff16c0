import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { IdentitySchema } from '../../shared/newsroom/protocol';

/**
 * The desk's sign-in to the newsroom: the server's address and a session token, kept beside the
 * archive in a file only its owner can read — not in the archive, whose backups travel.
 */
const SessionSchema = z.strictObject({
  url: z.string(),
  token: z.string(),
  expiresAt: z.string(),
  identity: IdentitySchema,
});
export type DeskSession = z.infer<typeof SessionSchema>;

export function sessionPath(archivePath: string): string {
  return `${archivePath}.newsroom.json`;
}

export function readSession(archivePath: string): DeskSession | null {
  const path = sessionPath(archivePath);
  if (archivePath === ':memory:' || !existsSync(path)) return null;
  try {
    const parsed = SessionSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeSession(archivePath: string, session: DeskSession): void {
  if (archivePath === ':memory:') return;
  const path = sessionPath(archivePath);
  writeFileSync(path, `${JSON.stringify(session, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}

export function forgetSession(archivePath: string): void {
  if (archivePath !== ':memory:') rmSync(sessionPath(archivePath), { force: true });
}
