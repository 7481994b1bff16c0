import { timingSettings } from '../../../shared/settings';
import type { Story } from '../../../shared/story/model';
import { overUnder, storyTiming } from '../../../shared/story/timing';
import { onlyArgument, type Command } from '../command';
import { print, storyText, timingText, type ShownTiming } from '../output';

/** What `show --json` prints: the story as the archive holds it, and its timing. */
type ShownStory = Story & { timing: ShownTiming };

export const showCommand: Command = {
  name: 'show',
  readsOnly: true,
  synopsis: 'ID',
  flags: [],
  async run(ctx) {
    const id = onlyArgument(ctx.args, 'show needs a story ID');
    const story = await ctx.call('stories.get', { id });
    const settings = await ctx.call('settings.get', {});
    const t = storyTiming(story, timingSettings(settings));
    const timing: ShownTiming = {
      words: t.read.words,
      hangulSyllables: t.read.hangul,
      cjkCharacters: t.read.cjk,
      readSec: t.readSec,
      mediaSec: t.mediaSec,
      estimatedMediaSec: t.estimatedMediaSec,
      totalSec: t.totalSec,
      targetSec: story.targetSec ?? null,
      overUnderSec: overUnder(t.totalSec, story.targetSec),
    };
    return print<ShownStory>(ctx, { ...story, timing }, (s) =>
      storyText(s).replace('\n\n', `\n${timingText(s.timing)}\n\n`),
    );
  },
};
