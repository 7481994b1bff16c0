import type { Story } from '../../shared/story/model';
import type { ExportOptions } from '../../shared/export/options';
import { EXPORT_FORMAT_SPECS, type ExportFormat } from '../../shared/export/formats';
import type { ExportFile } from '../../shared/ipc/types';
import type { TimingSettings } from '../../shared/story/timing';
import { makeStoryPackage, serializeStoryPackage } from '../../shared/package/storyPackage';
import { prompterRtf } from './prompterRtf';
import { prompterText } from './prompterText';
import { prompterHtml } from './prompterHtml';
import { prompterMarkdown } from './prompterMarkdown';
import { prompterDocx } from './prompterDocx';
import { mosFile } from './mos/mosXml';
import { storyToNsml } from './nsml/nsmlXml';
import { scriptPdf } from './pdf/scriptPdf';
import { storySrt, storyVtt } from './captions';

export type ExportContext = {
  /** `Copydesk 0.1.0`, written into the story package. */
  generator: string;
  now: () => Date;
  /** The archive's read rates (defaults and each presenter's). */
  timing: TimingSettings;
  /** Called after each story of a long export, for progress on the command line. */
  onProgress?: (done: number, total: number, story: Story) => void;
};

/** What a writer makes: text (written as UTF-8), bytes, or an already encoded file body. */
export type Written = string | Buffer | Pick<ExportFile, 'encoding' | 'data'>;

export type SelectionWriter = (
  stories: readonly Story[],
  options: ExportOptions,
  ctx: ExportContext,
) => Written | Promise<Written>;
export type StoryWriter = (story: Story, options: ExportOptions, ctx: ExportContext) => Written;

/** A format whose file holds one story gets a writer of one story; the others get the selection. */
export type WriterFor<F extends ExportFormat> =
  (typeof EXPORT_FORMAT_SPECS)[F]['fileHolds'] extends 'story' ? StoryWriter : SelectionWriter;

/** How each format's file is written: the one place main adds to a format's record. */
export const EXPORT_WRITERS: { [F in ExportFormat]: WriterFor<F> } = {
  'prompter-txt': (stories, options, ctx) => prompterText(stories, options, ctx.timing),
  'prompter-rtf': (stories, options, ctx) => prompterRtf(stories, options, ctx.timing),
  docx: (stories, options, ctx) => prompterDocx(stories, options, ctx.timing),
  html: (stories, options, ctx) => prompterHtml(stories, options, ctx.timing),
  md: (stories, options, ctx) => prompterMarkdown(stories, options, ctx.timing),
  mos: (stories, options, ctx) => mosFile(stories, options, ctx.timing),
  nsml: (story, _options, ctx) => storyToNsml(story, ctx.timing),
  pdf: (stories, options, ctx) => scriptPdf(stories, options, ctx.timing),
  srt: (story, options, ctx) => storySrt(story, options.captionLineChars, ctx.timing),
  vtt: (story, options, ctx) => storyVtt(story, options.captionLineChars, ctx.timing),
  json: (stories, _options, ctx) =>
    serializeStoryPackage(makeStoryPackage(stories, ctx.generator, ctx.now())),
};
