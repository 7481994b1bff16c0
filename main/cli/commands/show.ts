import { onlyArgument, type Command } from '../command';
import { print, storyText } from '../output';

export const showCommand: Command = {
  name: 'show',
  readsOnly: true,
  synopsis: 'ID',
  flags: [],
  async run(ctx) {
    const id = onlyArgument(ctx.args, 'show needs a story ID');
    return print(ctx, await ctx.call('stories.get', { id }), storyText);
  },
};
