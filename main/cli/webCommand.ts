import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { backupsWhileOpen } from '../archive/autoBackup';
import { openArchive } from '../archive/open';
import { createArchiveSession, type ArchiveSession } from '../services/archiveSession';
import { createServices } from '../services/serviceTable';
import { startWebServer } from '../web/server';
import { version } from '../version';
import { CliUsageError } from './reviewCommands';

export type WebCommandOptions = {
  port: string | undefined;
  archivePath: string;
  rendererDir: string;
  io: { stdout: (s: string) => void; stderr: (s: string) => void };
};

/**
 * `copydesk web`: the app in the browser. The port is taken first, so a busy port leaves no
 * archive behind; an archive that cannot be opened (newer, damaged, read-only here) still
 * serves the page, which says which and offers the way forward.
 */
export async function webCommand({
  port: portOption,
  archivePath,
  rendererDir,
  io,
}: WebCommandOptions): Promise<null> {
  const port = portOption === undefined ? 0 : Number(portOption);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliUsageError('--port takes a number from 0 to 65535');
  const current: { session?: ArchiveSession } = {};
  const server = await startWebServer({
    // Requests are only answered once the server is listening, by which time the session exists.
    services: () => current.session!.services(),
    rendererDir,
    port,
    log: (line) => io.stderr(`${line}\n`),
  }).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE'
      ? new Error(
          `port ${port} is already in use (another Copydesk?): choose another with --port, or leave it out to take a free one. Nothing was opened or created.`,
        )
      : error;
  });
  const existed = existsSync(archivePath);
  try {
    mkdirSync(dirname(archivePath), { recursive: true });
  } catch {
    // A folder that cannot be made is reported by the archive's own open, in words.
  }
  const session = createArchiveSession(archivePath, {
    open: openArchive,
    makeServices: (archive, controls) => createServices({ archive, version, session: controls }),
    whileOpen: (archive) => backupsWhileOpen(archive, (line) => io.stderr(`${line}\n`)),
  });
  current.session = session;
  io.stdout(`${server.url}\n`);
  const status = session.status();
  if (status.state === 'problem') {
    io.stderr(
      `copydesk: ${status.message}\nThe page at the address above says what can be done about it.\n`,
    );
  } else {
    if (!existed) io.stderr(`Created a new archive at ${archivePath}.\n`);
    io.stderr(
      `Copydesk is running in browser mode on ${server.origin} with the archive ${archivePath}.\nOpen the URL above (it carries this run's access token). Press Ctrl+C to stop.\n`,
    );
  }
  const stop = () => {
    void server.close().then(() => {
      session.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return null;
}
