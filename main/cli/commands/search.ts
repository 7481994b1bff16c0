import { contract } from '../../../shared/ipc/contract';
import type { Command } from '../command';
import { EXIT, UsageError } from '../exitCodes';
import { flagHelp, schemaFlag } from '../flags';
import { highlights, markedSnippet, plainSnippet, print, summaryLine } from '../output';
import { FILTER_FLAGS, readFilters } from './filters';

const sortFlag = schemaFlag('sort', contract['stories.search'].input.shape.sort);

export const searchCommand: Command = {
  name: 'search',
  readsOnly: true,
  synopsis: `QUERY [FILTERS] [${flagHelp(sortFlag)}]`,
  flags: [...Object.values(FILTER_FLAGS), sortFlag],
  async run(ctx) {
    if (ctx.args.length === 0) throw new UsageError('search needs a query');
    const hits = await ctx.call('stories.search', {
      query: ctx.args.join(' '),
      ...readFilters(ctx),
      sort: ctx.flag(sortFlag),
      limit: 100,
    });
    if (ctx.json) {
      const items = hits.items.map((h) => ({
        ...h,
        snippet: plainSnippet(h.snippet),
        highlights: highlights(h.snippet),
      }));
      return print(ctx, items, () => '');
    }
    ctx.io.stdout(
      hits.items.map((h) => `${summaryLine(h)}\n    ${markedSnippet(h)}`).join('\n') +
        `\n${hits.total} found\n`,
    );
    return EXIT.ok;
  },
};
