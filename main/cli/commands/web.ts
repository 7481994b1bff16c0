import { existsSync } from 'node:fs';
import { z } from 'zod';
import { backupsWhileOpen } from '../../archive/autoBackup';
import { openArchive } from '../../archive/open';
import { prepareArchiveFolder } from '../../archive/location';
import { createArchiveSession, type ArchiveSession } from '../../services/archiveSession';
import { createServices } from '../../services/serviceTable';
import { version } from '../../common/version';
import { startWebServer } from '../../web/server';
import { noExtra, type Command } from '../command';
import { CliFailure } from '../exitCodes';
import { flagHelp, schemaFlag } from '../flags';

const portFlag = schemaFlag('port', z.int().min(0).max(65535), 'N');

/**
 * Browser mode: serves the app on 127.0.0.1 until Ctrl+C. The port is taken first, so a busy
 * port leaves no archive behind; an archive that cannot be opened (newer, damaged, read-only
 * here) still serves the page, which says which and offers the way forward.
 */
export const webCommand: Command = {
  name: 'web',
  synopsis: `[${flagHelp(portFlag)}]`,
  flags: [portFlag],
  async run(ctx) {
    noExtra(ctx.args);
    const port = ctx.flag(portFlag) ?? 0;
    const { rendererDir } = ctx.io;
    if (!rendererDir)
      throw new CliFailure('INTERNAL', 'browser mode needs the built app: run `npm run build`');
    const log = (line: string) => ctx.io.stderr(`${line}\n`);
    const path = ctx.archivePath;
    // A folder named by hand that is not there is refused before anything else happens.
    if (ctx.archivePathNamed) prepareArchiveFolder(path, { named: true });
    const current: { session?: ArchiveSession } = {};
    const server = await startWebServer({
      // Requests are answered only once the server listens, by which time the session exists.
      services: () => current.session!.services(),
      rendererDir,
      port,
      log,
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') throw error;
      throw new CliFailure(
        'ARCHIVE_UNAVAILABLE',
        `port ${port} is already in use (another Copydesk?): choose another with --port, or leave it out to take a free one. No archive was opened or created.`,
      );
    });
    const existed = existsSync(path);
    try {
      prepareArchiveFolder(path, { named: ctx.archivePathNamed });
    } catch {
      // A folder that cannot be made is reported by the archive's own open, in words.
    }
    const session = createArchiveSession(path, {
      open: openArchive,
      makeServices: (archive, controls) => createServices({ archive, version, session: controls }),
      whileOpen: (archive) => backupsWhileOpen(archive, log),
    });
    current.session = session;
    ctx.io.stdout(`${server.url}\n`);
    const status = session.status();
    if (status.state === 'problem') {
      ctx.io.stderr(
        `copydesk: ${status.message}\nThe page at the address above says what can be done about it.\n`,
      );
    } else {
      if (!existed) ctx.io.stderr(`Created a new archive at ${path}.\n`);
      ctx.io.stderr(
        `Copydesk is running in browser mode on ${server.origin} with the archive ${path}.\nOpen the URL above (it carries this run's access token). Press Ctrl+C to stop.\n`,
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
  },
};
