import { noExtra, type Command } from '../command';
import { plural, print, summaryLine } from '../output';
import { FILTER_FLAGS, readFilters } from './filters';

export const listCommand: Command = {
  name: 'list',
  readsOnly: true,
  synopsis: '[FILTERS]',
  flags: Object.values(FILTER_FLAGS),
  async run(ctx) {
    noExtra(ctx.args);
    const page = await ctx.call('stories.list', { ...readFilters(ctx), limit: 1000 });
    return print(
      ctx,
      page,
      (p) => `${p.items.map(summaryLine).join('\n')}\n${plural(p.total, 'story', 'stories')}\n`,
    );
  },
};
