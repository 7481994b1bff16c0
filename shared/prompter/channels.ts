import { z } from 'zod';
import { channel } from '../ipc/channel';
import type { RundownDetail } from '../rundown/channels';
import type { TimingSettings } from '../story/timing';
import type { DocEntry } from './document';

/** What the prompter is given to show: a rundown's prompted stories, or one story. */
export type PrompterShow = {
  title: string;
  /** The rundown with its rows' stories, for the clocks; null for a single story. */
  rundown: RundownDetail | null;
  /** The stories to prompt, in running order (floated rows, breaks and items left out). */
  entries: DocEntry[];
  /** The archive's read rates, which the prompter's words are counted by. */
  timing: TimingSettings;
};

export const PrompterSourceSchema = z.union([
  z.strictObject({ rundown: z.uuid() }),
  z.strictObject({ story: z.uuid() }),
]);
export type PrompterSource = z.infer<typeof PrompterSourceSchema>;

export const prompterChannels = {
  'prompter.show': channel(PrompterSourceSchema).returns<PrompterShow>(),
} as const;
