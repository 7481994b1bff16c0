import type { Story } from '../../shared/story/model';
import type { ExportOptions } from '../../shared/export/options';
import { EXPORT_FORMAT_SPECS, type ExportFormat } from '../../shared/export/formats';
import type { ExportFile } from '../../shared/ipc/types';
import type { TimingSettings } from '../../shared/story/timing';
import { makeStoryFile, serializeStoryFile } from '../../shared/exchange/storyFile';
import { prompterRtf } from './prompterRtf';
import { prompterText } from './prompterText';
import { prompterHtml } from './prompterHtml';
import { prompterMarkdown } from './prompterMarkdown';
import { prompterDocx } from './prompterDocx';
import { mosFile } from './mos/mosXml';
import { storyToNsml } from './nsml/nsmlXml';
import { scriptPdf } from './pdf/scriptPdf';
import { storySrt, storyVtt } from './captions';
import { rundownCsv } from './rundown/rundownCsv';
import { rundownPdf } from './rundown/rundownPdf';
import type { RundownLine, RundownView } from '../../shared/rundown/view';

/**
 * A rundown being exported: the show, and for each exported story (in the order of the stories
 * passed to the writers) the row it sits in. Absent when stories are exported on their own.
 */
export type ShowContext = {
  id: string;
  title: string;
  airDate: string;
  view: RundownView;
  /** Aligned with the stories: the row each came from (its page and clocks). */
  lines: readonly RundownLine[];
};

export type ExportContext = {
  /** `Copydesk 0.1.0`, written into the story file. */
  generator: string;
  now: () => Date;
  /** The archive's read rates (defaults and each presenter's). */
  timing: TimingSettings;
  /** Called after each story of a long export, for progress on the command line. */
  onProgress?: (done: number, total: number, story: Story) => void;
  /** The rundown, when a rundown is exported. */
  show?: ShowContext;
};

/** What a writer makes: text (written as UTF-8), bytes, or an already encoded file body. */
export type Written = string | Buffer | Pick<ExportFile, 'encoding' | 'data'>;

export type SelectionWriter = (
  stories: readonly Story[],
  options: ExportOptions,
  ctx: ExportContext,
) => Written | Promise<Written>;
/** `index` is the story's place in the export, for its row when a rundown is exported. */
export type StoryWriter = (
  story: Story,
  options: ExportOptions,
  ctx: ExportContext,
  index: number,
) => Written;
export type RundownWriter = (
  show: ShowContext,
  options: ExportOptions,
  ctx: ExportContext,
) => Written | Promise<Written>;

/**
 * A format whose file holds one story gets a writer of one story, a format of the rundown itself
 * a writer of the show; the others get the selection.
 */
export type WriterFor<F extends ExportFormat> =
  (typeof EXPORT_FORMAT_SPECS)[F]['fileHolds'] extends 'story'
    ? StoryWriter
    : (typeof EXPORT_FORMAT_SPECS)[F]['fileHolds'] extends 'rundown'
      ? RundownWriter
      : SelectionWriter;

/** How each format's file is written: the one place main adds to a format's record. */
export const EXPORT_WRITERS: { [F in ExportFormat]: WriterFor<F> } = {
  'prompter-txt': (stories, options, ctx) => prompterText(stories, options, ctx.timing),
  'prompter-rtf': (stories, options, ctx) => prompterRtf(stories, options, ctx.timing),
  docx: (stories, options, ctx) => prompterDocx(stories, options, ctx.timing),
  html: (stories, options, ctx) => prompterHtml(stories, options, ctx.timing),
  md: (stories, options, ctx) => prompterMarkdown(stories, options, ctx.timing),
  mos: (stories, options, ctx) =>
    mosFile(
      stories,
      options,
      ctx.timing,
      ctx.show && { id: ctx.show.id, slug: `${ctx.show.title} ${ctx.show.airDate}` },
    ),
  nsml: (story, _options, ctx, index) => storyToNsml(story, ctx.timing, ctx.show?.lines[index]),
  // A rundown prints under its own title and air date unless a show name was typed.
  pdf: (stories, options, ctx) =>
    ctx.show
      ? scriptPdf(
          stories,
          { ...options, showName: options.showName.trim() || ctx.show.title },
          ctx.timing,
          new Date(`${ctx.show.airDate}T12:00:00Z`),
        )
      : scriptPdf(stories, options, ctx.timing, ctx.now()),
  srt: (story, options, ctx) => storySrt(story, options, ctx.timing),
  vtt: (story, options, ctx) => storyVtt(story, options, ctx.timing),
  json: (stories, _options, ctx) =>
    serializeStoryFile(makeStoryFile(stories, ctx.generator, ctx.now())),
  'rundown-pdf': (show, options, ctx) =>
    rundownPdf({ ...show, printedAt: ctx.now() }, options.paper),
  'rundown-csv': (show) => rundownCsv(show.view),
};
