import { quickCheck } from '../../archive/open';
import { noExtra, type Command } from '../command';
import { print } from '../output';

export const checkCommand: Command = {
  name: 'check',
  readsOnly: true,
  synopsis: '',
  flags: [],
  async run(ctx) {
    noExtra(ctx.args);
    const archive = ctx.archive();
    quickCheck(archive.db, archive.path);
    return print(ctx, { ok: true }, () => `${archive.path}: no problems found.\n`);
  },
};
