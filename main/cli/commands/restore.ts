import { resolve } from 'node:path';
import { restoreArchive, verifyArchiveFile } from '../../archive/backup';
import { onlyArgument, type Command } from '../command';
import { EXIT, UsageError } from '../exitCodes';
import type { Flag } from '../flags';
import { print } from '../output';

const yesFlag: Flag<boolean> = { name: 'yes', type: 'boolean' };

export const restoreCommand: Command = {
  name: 'restore',
  synopsis: 'PATH [--yes]',
  flags: [yesFlag],
  async run(ctx) {
    const path = onlyArgument(ctx.args, 'restore needs the PATH of a backup');
    const source = resolve(path);
    verifyArchiveFile(source);
    const archive = ctx.archive();
    if (!ctx.flag(yesFlag)) {
      if (!ctx.io.isTTY)
        throw new UsageError('restore replaces the whole archive: confirm with --yes');
      const question = `Replace everything in ${archive.path} with ${source}? A copy of the current archive is kept. [y/N] `;
      if (!(await ctx.io.confirm(question))) {
        ctx.io.stderr('Nothing was restored.\n');
        return EXIT.refused;
      }
    }
    const { safetyCopy } = await restoreArchive(archive.db, archive.path, source);
    return print(
      ctx,
      { restored: source, safetyCopy },
      () =>
        `Restored ${archive.path} from ${source}. The archive as it was is kept at ${safetyCopy}.\n`,
    );
  },
};
