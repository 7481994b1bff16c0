import type { ServiceHandlers } from '../../shared/ipc/contract';
import { timingSettings } from '../../shared/settings';
import { getSettings } from '../archive/settings';
import type { ServiceKit } from './serviceKit';
import { showStories } from './showStories';

/** What the prompter reads: a show's prompted stories (or one story) with the read rates. */
export function prompterServices(kit: ServiceKit): Pick<ServiceHandlers, 'prompter.show'> {
  return {
    'prompter.show': (source) => {
      const timing = timingSettings(getSettings(kit.db));
      if ('story' in source) {
        const story = kit.requireStory(source.story);
        return {
          title: story.slug || 'UNTITLED',
          rundown: null,
          entries: [{ rowId: null, story }],
          timing,
        };
      }
      const show = showStories(kit, source.rundown);
      return {
        title: show.rundown.title,
        rundown: { rundown: show.rundown, stories: show.rowStories },
        entries: show.lines.map((line, i) => ({ rowId: line.row.id, story: show.stories[i]! })),
        timing,
      };
    },
  };
}
