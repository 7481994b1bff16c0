import { contract } from '../../../shared/ipc/contract';
import { STATUS_LABELS } from '../../../shared/story/workflow';
import type { Command } from '../command';
import { UsageError } from '../exitCodes';
import { checkValue, flagHelp, schemaFlag } from '../flags';
import { print } from '../output';

const input = contract['stories.setStatus'].input.shape;
const noteFlag = schemaFlag('note', input.note, 'TEXT');

export const statusCommand: Command = {
  name: 'status',
  synopsis: `ID STATUS [${flagHelp(noteFlag)}]`,
  flags: [noteFlag],
  async run(ctx) {
    const [id, status, ...rest] = ctx.args;
    if (!id || !status || rest.length) throw new UsageError('status needs a story ID and a STATUS');
    const story = await ctx.call('stories.setStatus', {
      id,
      status: checkValue('STATUS', input.status, status),
      note: ctx.flag(noteFlag),
    });
    return print(
      ctx,
      { id: story.id, slug: story.slug, status: story.status },
      (s) => `${s.slug || s.id}: ${STATUS_LABELS[s.status]}\n`,
    );
  },
};

/** The STATUS argument's values, for the usage text. */
export const STATUS_VALUES = input.status.options;
