import { STATUS_LABELS } from '../../../shared/story/workflow';
import { onlyArgument, type Command } from '../command';
import { EXIT } from '../exitCodes';
import { print } from '../output';

export const historyCommand: Command = {
  name: 'history',
  readsOnly: true,
  synopsis: 'ID',
  flags: [],
  async run(ctx) {
    const id = onlyArgument(ctx.args, 'history needs one story ID');
    const history = await ctx.call('stories.history', { id });
    if (ctx.json) return print(ctx, history, () => '');
    for (const r of history.revisions) {
      const marker = r.id === history.head ? '*' : ' ';
      const what = r.kind === 'status' ? `status → ${STATUS_LABELS[r.status]}` : r.kind;
      ctx.io.stdout(
        `${marker} ${String(r.number).padStart(3)}  ${r.at.slice(0, 19).replace('T', ' ')}  ${(r.author || '?').padEnd(18)} ${what}${r.note ? `  “${r.note}”` : ''}\n`,
      );
    }
    if (history.conflict)
      ctx.io.stdout(`A diverging version from a package is waiting: ${history.conflict}\n`);
    return EXIT.ok;
  },
};
