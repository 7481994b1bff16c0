import { z } from 'zod';
import {
  BlockSchema,
  STORY_FORMATS,
  STORY_STATUSES,
  SlugSchema,
  StorySchema,
  TagSchema,
  type Block,
  type Story,
  type StoryFormat,
  type StoryStatus,
} from '../story/model';
import {
  PronouncerInputSchema,
  SettingsSchema,
  type PronouncerEntry,
  type Settings,
} from '../settings';
import { ExportOptionsSchema } from '../export/options';
import { EXPORT_FORMATS } from '../export/formats';
import { rundownChannels } from '../rundown/channels';
import { newsroomChannels } from '../newsroom/channels';
import { mosChannels } from '../mos/channels';
import { prompterChannels } from '../prompter/channels';
import { channel } from './channel';
import { MAX_IMPORT_FILE_BYTES } from '../limits';
import type {
  AppInfo,
  ArchiveStatus,
  Comment,
  RevisionSummary,
  ExportFile,
  ExportResult,
  ImportOutcome,
  SearchPage,
  StoryPage,
  StorySummary,
  TagCount,
} from './types';

/** Files arrive as base64 so the same bytes cross IPC, HTTP and the CLI; 8 MB each at most. */
const ImportFileSchema = z.strictObject({
  name: z.string().min(1).max(255),
  dataBase64: z
    .string()
    .max(Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4 + 4, 'the file is larger than 8 MB')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64-encoded'),
});

const StoryIdSchema = z.uuid();

/** Files per `import.files` call; more are sent in batches. */
export const MAX_IMPORT_BATCH = 200;

/** Stories per `import.stories` call: a few megabytes, well inside one HTTP request. */
export const MAX_IMPORT_STORIES = 2000;

const DaySchema = z.iso.date('a date is written YYYY-MM-DD');

/** Filters shared by listing and searching; all that are given apply together. */
export const StoryFiltersSchema = z.strictObject({
  tag: TagSchema.optional(),
  status: z.enum(STORY_STATUSES).optional(),
  format: z.enum(STORY_FORMATS).optional(),
  presenter: z.string().trim().max(120).optional(),
  reporter: z.string().trim().max(120).optional(),
  from: DaySchema.optional(),
  to: DaySchema.optional(),
});

export const ExportSelectionSchema = z.union([
  z.strictObject({ ids: z.array(StoryIdSchema).min(1).max(5000) }),
  z.strictObject({ tag: TagSchema }),
  z.strictObject({ all: z.literal(true) }),
  /** A rundown's stories in running order, floated rows and breaks left out. */
  z.strictObject({ rundown: z.uuid() }),
]);

/**
 * The one contract between the renderer and main: every channel's name, the schema its input
 * must pass, and the type of its output. Electron IPC, browser mode and the CLI all serve it.
 * Features with many channels keep them beside their model (rundowns) and are spread in here.
 */
/** Where an error the renderer reports came from. */
export const RENDERER_ERROR_SOURCES = [
  /** A component threw while drawing: an error boundary caught it. */
  'render',
  /** An uncaught error (the window's `error` event). */
  'error',
  /** A promise rejected with no one to catch it (`unhandledrejection`). */
  'rejection',
  /** Main refused a call: the channel is the name, the error code the message. */
  'call',
] as const;
export type RendererErrorSource = (typeof RENDERER_ERROR_SOURCES)[number];

/**
 * An error the renderer sends to the log: names and code locations only. Every field is capped;
 * main scrubs quoted text and tokens again, keeps the first message line and a few frames, and
 * writes a limited number a minute.
 */
export const RendererErrorSchema = z.strictObject({
  source: z.enum(RENDERER_ERROR_SOURCES),
  name: z.string().max(120),
  message: z.string().max(2000),
  stack: z.string().max(16_000).default(''),
  /** For a render error, React's component stack: which components were drawing. */
  componentStack: z.string().max(8000).default(''),
});
export type RendererError = z.input<typeof RendererErrorSchema>;

export const contract = {
  'app.info': channel(z.strictObject({})).returns<AppInfo>(),
  'stories.list': channel(
    StoryFiltersSchema.extend({
      limit: z.int().min(1).max(1000).default(200),
      offset: z.int().min(0).default(0),
    }),
  ).returns<StoryPage>(),
  'stories.search': channel(
    StoryFiltersSchema.extend({
      query: z.string().max(500),
      /** Relevance ranks the best match first; date puts the latest change first. */
      sort: z.enum(['relevance', 'date']).default('relevance'),
      limit: z.int().min(1).max(500).default(50),
    }),
  ).returns<SearchPage>(),
  'stories.get': channel(z.strictObject({ id: StoryIdSchema })).returns<Story>(),
  'stories.create': channel(
    z.strictObject({
      format: z.enum(STORY_FORMATS).optional(),
      slug: SlugSchema.optional(),
    }),
  ).returns<Story>(),
  /**
   * A new story to write, from its format's template, not yet stored: the first save that gives
   * it content (a slug, a detail or text of its own) stores it (`isNew`). One left empty never
   * reaches the archive.
   */
  'stories.draft': channel(
    z.strictObject({ format: z.enum(STORY_FORMATS).optional() }),
  ).returns<Story>(),
  'stories.save': channel(
    z.strictObject({
      story: StorySchema,
      /**
       * The first save of a story from `stories.draft`: stored now, as its first version, if it
       * has content (refused when empty). Once stored, it saves as any other story.
       */
      isNew: z.boolean().default(false),
      /**
       * The updatedAt of the version the editor loaded, always: a different one in the archive
       * means someone else saved since, and the save is refused as a conflict.
       */
      baseUpdatedAt: z.string().min(1).max(40),
      /** An explicit save always makes a version; autosaves by one person coalesce. */
      mode: z.enum(['explicit', 'autosave']).default('explicit'),
    }),
  ).returns<Story>(),
  'stories.setStatus': channel(
    z.strictObject({
      id: StoryIdSchema,
      status: z.enum(STORY_STATUSES),
      note: z.string().trim().max(2000).default(''),
    }),
  ).returns<Story>(),
  'stories.history': channel(z.strictObject({ id: StoryIdSchema })).returns<{
    revisions: RevisionSummary[];
    head: string | null;
    conflict: string | null;
  }>(),
  'stories.revision': channel(
    z.strictObject({ id: StoryIdSchema, revisionId: z.string().min(1).max(64) }),
  ).returns<Story>(),
  'stories.restore': channel(
    z.strictObject({ id: StoryIdSchema, revisionId: z.string().min(1).max(64) }),
  ).returns<Story>(),
  'stories.handoff': channel(z.strictObject({ id: StoryIdSchema })).returns<ExportFile>(),
  'stories.resolveConflict': channel(
    z.strictObject({ id: StoryIdSchema, keep: z.enum(['mine', 'theirs']) }),
  ).returns<Story>(),
  'comments.list': channel(z.strictObject({ storyId: StoryIdSchema })).returns<Comment[]>(),
  'comments.add': channel(
    z.strictObject({
      storyId: StoryIdSchema,
      threadId: z.uuid(),
      body: z.string().trim().min(1, 'a comment needs some text').max(4000),
      quote: z.string().max(500).default(''),
    }),
  ).returns<Comment>(),
  'comments.resolve': channel(
    z.strictObject({ storyId: StoryIdSchema, threadId: z.uuid(), resolved: z.boolean() }),
  ).returns<{
    threadId: string;
    resolved: boolean;
  }>(),
  'stories.delete': channel(
    z.strictObject({
      id: StoryIdSchema,
      /** Confirms taking the story out of the rundowns it sits in; without it, that is refused. */
      fromRundowns: z.boolean().default(false),
    }),
  ).returns<{ id: string }>(),
  'tags.list': channel(z.strictObject({})).returns<TagCount[]>(),
  'tags.rename': channel(z.strictObject({ from: TagSchema, to: TagSchema })).returns<{
    stories: number;
    merged: boolean;
  }>(),
  'tags.delete': channel(z.strictObject({ name: TagSchema })).returns<{ stories: number }>(),
  /**
   * Files to import, all or none (one bad file and nothing is imported). A big import is sent in
   * batches of at most MAX_IMPORT_BATCH files; `dryRun` checks a batch as the import would and
   * writes nothing, so every batch can be checked before the first is imported.
   */
  'import.files': channel(
    z.strictObject({
      files: z.array(ImportFileSchema).min(1).max(MAX_IMPORT_BATCH),
      dryRun: z.boolean().default(false),
    }),
  ).returns<ImportOutcome>(),
  /**
   * Stories already in Copydesk's model (a backup, or another system's archive converted), kept
   * with their ids and timestamps. All or nothing: an id already in the archive refuses the batch.
   */
  'import.stories': channel(
    z.strictObject({
      stories: z
        .array(StorySchema)
        .min(1)
        .max(MAX_IMPORT_STORIES)
        .superRefine((stories, ctx) => {
          const seen = new Set<string>();
          for (const story of stories) {
            if (seen.has(story.id))
              ctx.addIssue({ code: 'custom', message: `story id ${story.id} appears twice` });
            seen.add(story.id);
          }
        }),
    }),
  ).returns<{ imported: number }>(),
  'templates.list': channel(z.strictObject({})).returns<
    { format: StoryFormat; body: Block[]; custom: boolean }[]
  >(),
  'templates.save': channel(
    z.strictObject({ format: z.enum(STORY_FORMATS), body: z.array(BlockSchema).min(1).max(500) }),
  ).returns<{ format: StoryFormat }>(),
  'templates.reset': channel(z.strictObject({ format: z.enum(STORY_FORMATS) })).returns<{
    format: StoryFormat;
  }>(),
  'pronouncers.list': channel(z.strictObject({})).returns<PronouncerEntry[]>(),
  'pronouncers.save': channel(PronouncerInputSchema).returns<PronouncerEntry>(),
  'pronouncers.delete': channel(z.strictObject({ term: z.string().min(1).max(120) })).returns<{
    term: string;
  }>(),
  'settings.get': channel(z.strictObject({})).returns<Settings>(),
  /** Replaces the settings whole: send every field (missing ones fall back to their defaults). */
  'settings.save': channel(SettingsSchema).returns<Settings>(),
  'archive.backup': channel(z.strictObject({})).returns<{ path: string; bytes: number }>(),
  'archive.backups': channel(z.strictObject({})).returns<
    { path: string; at: string; bytes: number }[]
  >(),
  'archive.restore': channel(z.strictObject({ path: z.string().min(1).max(4096) })).returns<{
    safetyCopy: string;
  }>(),
  /** The archive's state: open, or not opened and why, with the ways forward. */
  'archive.status': channel(z.strictObject({})).returns<ArchiveStatus>(),
  /** An archive refused for writing (a read-only folder or drive): open it to read only. */
  'archive.openReadOnly': channel(z.strictObject({})).returns<ArchiveStatus>(),
  /**
   * A damaged archive: put one of its own backups in its place (the damaged file is kept beside
   * it under another name) and open that.
   */
  'archive.openBackup': channel(
    z.strictObject({ path: z.string().min(1).max(4096) }),
  ).returns<ArchiveStatus>(),
  /** The renderer's errors, for the desktop app's log file or browser mode's stderr. */
  'log.rendererError': channel(RendererErrorSchema).returns<{ logged: boolean }>(),
  'export.stories': channel(
    z.strictObject({
      selection: ExportSelectionSchema,
      format: z.enum(EXPORT_FORMATS),
      options: ExportOptionsSchema.default(ExportOptionsSchema.parse({})),
    }),
  ).returns<ExportResult>(),
  ...rundownChannels,
  ...newsroomChannels,
  ...mosChannels,
  ...prompterChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

/** What a caller sends (defaults may be left out). */
export type Input<K extends Channel> = z.input<Contract[K]['input']>;
/** What a handler receives: validated, defaults filled in. */
export type ParsedInput<K extends Channel> = z.output<Contract[K]['input']>;
export type Output<K extends Channel> = Contract[K]['output'];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export type ServiceHandlers = {
  [K in Channel]: (input: ParsedInput<K>) => Output<K> | Promise<Output<K>>;
};

export type { StorySummary, StoryStatus };
