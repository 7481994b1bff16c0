import { z } from 'zod';
import { startAutoBackups } from '../../archive/autoBackup';
import { getSettings } from '../../archive/settings';
import { startWebServer } from '../../web/server';
import { noExtra, type Command } from '../command';
import { CliFailure } from '../exitCodes';
import { flagHelp, schemaFlag } from '../flags';

const portFlag = schemaFlag('port', z.int().min(0).max(65535), 'N');

/** Browser mode: serves the app on 127.0.0.1 until Ctrl+C. */
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
    const archive = ctx.archive();
    const log = (line: string) => ctx.io.stderr(`${line}\n`);
    const server = await startWebServer({ services: ctx.services(), rendererDir, port, log });
    // Rundowns already on MOS devices are followed again, as the desktop app does.
    const mos = ctx.mos();
    mos.resume();
    ctx.io.stdout(`${server.url}\n`);
    const backups = startAutoBackups({
      archive,
      schedule: () => getSettings(archive.db).backups,
      log,
    });
    ctx.io.stderr(
      `Copydesk is running in browser mode on ${server.origin} with the archive ${archive.path}.\nOpen the URL above (it carries this run's access token). Press Ctrl+C to stop.\n`,
    );
    const stop = () => {
      backups.stop();
      void Promise.all([server.close(), mos.close()]).then(() => {
        archive.close();
        process.exit(0);
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return null;
  },
};
