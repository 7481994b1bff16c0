import { resolve } from 'node:path';
import { backupArchive } from '../../archive/backup';
import { onlyArgument, type Command } from '../command';
import { print } from '../output';

export const backupCommand: Command = {
  name: 'backup',
  readsOnly: true,
  synopsis: 'PATH',
  flags: [],
  async run(ctx) {
    const path = onlyArgument(ctx.args, 'backup needs a PATH to write');
    const archive = ctx.archive();
    const made = await backupArchive(archive.db, resolve(path));
    return print(
      ctx,
      made,
      () =>
        `Backed up ${archive.path} to ${made.path} (${made.bytes.toLocaleString('en')} bytes, checked).\n`,
    );
  },
};
