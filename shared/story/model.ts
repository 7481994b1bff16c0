import { z } from 'zod';
import { CONTROL_CHAR, CONTROL_EXCEPT_LF, CONTROL_EXCEPT_TAB } from './controlChars';
import { foldCase } from '../text/foldCase';

/**
 * The stored story: our own versioned document model. The editor's state is a view of it and
 * every exporter reads it; nothing else is the source of truth.
 */
export const STORY_SCHEMA_VERSION = 1;

export const STORY_FORMATS = [
  'READER',
  'VO',
  'SOT',
  'VO/SOT',
  'PKG',
  'LIVE',
  'INTRO',
  'TAG',
] as const;
export type StoryFormat = (typeof STORY_FORMATS)[number];

export const STORY_STATUSES = [
  'draft',
  'ready',
  'approved',
  'returned',
  'aired',
  'killed',
] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

export const MEDIA_KINDS = ['SOT', 'PKG'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** Beyond this a story is not a script any more; an hour-long special is about 60,000. */
export const MAX_STORY_CHARS = 1_000_000;
export const MAX_SLUG_CHARS = 80;
export const MAX_TAG_CHARS = 40;
export const MAX_TAGS = 30;
/** The longest length anything is timed at: a script, a bite or package, a rundown row. */
export const MAX_LENGTH_SEC = 6 * 3600;
/** The most comment threads one stretch of words may carry. */
export const MAX_THREADS_PER_RUN = 20;

// Messages that start with "must" follow the field's name when shown ("The slug must …").
const BROKEN_CHARACTER =
  'must not hold a broken character (half of a two-part character such as an emoji): retype it';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Paragraphs are the unit of a script, so no text holds a line break; control characters are
// folded to spaces by the importer before they reach the model, except a tab that indents read
// text.

/** One line of text as the model stores it: no line breaks or control characters. */
export const LineTextSchema = z
  .string()
  .refine(
    (s) => !CONTROL_CHAR.test(s),
    'must not contain line breaks or control characters (such as NUL)',
  )
  .refine((s) => !LONE_SURROGATE.test(s), BROKEN_CHARACTER);
const text = LineTextSchema;

/** Read text: as `text`, but a tab (a writer's indent, which prompters keep) is allowed. */
const runText = z
  .string()
  .refine(
    (s) => !CONTROL_EXCEPT_TAB.test(s),
    'text must not contain line breaks or control characters other than tabs',
  )
  .refine((s) => !LONE_SURROGATE.test(s), 'text must be well-formed Unicode');

/** Multi-line text (a bite's transcript, a package track): line feeds allowed, nothing else. */
const multilineText = z
  .string()
  .refine((s) => !CONTROL_EXCEPT_LF.test(s), 'must not contain control characters (such as NUL)')
  .refine((s) => !LONE_SURROGATE.test(s), BROKEN_CHARACTER);

export const RunSchema = z.strictObject({
  text: runText.min(1),
  bold: z.literal(true).optional(),
  italic: z.literal(true).optional(),
  underline: z.literal(true).optional(),
  /**
   * A pronouncer: how to say this run's text (`RAH-goo-NAH-tun` for `Raghunathan`). Shown after
   * the word in parentheses, never replacing it (supers are typed from the spelling); not timed.
   */
  pronouncer: text.min(1).max(120).optional(),
  /**
   * The comment threads anchored to this run (an editor's remark on a phrase). The comments
   * themselves live in the archive beside the story; exports never show them.
   */
  comments: z.array(z.uuid()).min(1).max(MAX_THREADS_PER_RUN).optional(),
});
export type Run = z.infer<typeof RunSchema>;

/** Read text: what the presenter says. Timed and prompted. */
export const ParagraphBlockSchema = z.strictObject({
  type: z.literal('paragraph'),
  runs: z.array(RunSchema),
});
/** A production cue: an instruction to the studio. Not read, not timed, usually not prompted. */
export const CueBlockSchema = z.strictObject({ type: z.literal('cue'), text });
/** A presenter instruction: prompted (in reverse video) but not read, not timed. */
export const InstructionBlockSchema = z.strictObject({ type: z.literal('instruction'), text });
/**
 * A presenter cue: from here on another presenter reads (a co-anchor, the sports desk), at their
 * own read rate. Not read, not timed.
 */
export const PresenterBlockSchema = z.strictObject({
  type: z.literal('presenter'),
  // No shorter bound than the story's: a paragraph turned into a presenter line keeps its text,
  // and a bound here refused every save of the story until the line was found and shortened.
  name: text,
});
/**
 * A sound bite (SOT) or a reporter's package (PKG): media the anchor does not read. Its time is
 * media time; the transcript (a bite's words, a package's track) is searchable but not read time.
 */
export const MediaBlockSchema = z.strictObject({
  type: z.literal('media'),
  kind: z.enum(MEDIA_KINDS),
  speaker: text,
  title: text,
  inCue: text,
  outCue: text,
  durationSec: z.int().min(0).max(MAX_LENGTH_SEC).nullable(),
  transcript: multilineText,
});

export const BlockSchema = z.discriminatedUnion('type', [
  ParagraphBlockSchema,
  CueBlockSchema,
  InstructionBlockSchema,
  PresenterBlockSchema,
  MediaBlockSchema,
]);
export type ParagraphBlock = z.infer<typeof ParagraphBlockSchema>;
export type CueBlock = z.infer<typeof CueBlockSchema>;
export type InstructionBlock = z.infer<typeof InstructionBlockSchema>;
export type PresenterBlock = z.infer<typeof PresenterBlockSchema>;
export type MediaBlock = z.infer<typeof MediaBlockSchema>;
export type Block = z.infer<typeof BlockSchema>;

/** A story's short name, as a create or a save takes it. */
export const SlugSchema = text.max(MAX_SLUG_CHARS);

export const TagSchema = text
  .transform((s) => s.trim().replace(/^#+/, ''))
  .pipe(
    z
      .string()
      .min(1, 'a tag must not be empty')
      .max(MAX_TAG_CHARS)
      .refine((s) => !/[,#]/.test(s), 'a tag must not contain commas or #'),
  );

const isoDate = z.iso.datetime({ offset: true });

export const StorySchema = z
  .strictObject({
    schemaVersion: z.literal(STORY_SCHEMA_VERSION),
    id: z.uuid(),
    slug: SlugSchema,
    format: z.enum(STORY_FORMATS),
    presenter: text.max(120),
    reporter: text.max(120),
    tags: z.array(TagSchema).max(MAX_TAGS),
    status: z.enum(STORY_STATUSES),
    /** Rundown page number (`A3`), when the story has a place in a show. */
    page: text.max(12).optional(),
    /** The length the producer wants, for over/under. */
    targetSec: z.int().min(0).max(MAX_LENGTH_SEC).optional(),
    createdAt: isoDate,
    updatedAt: isoDate,
    body: z.array(BlockSchema),
  })
  .superRefine((story, ctx) => {
    const seen = new Set<string>();
    for (const tag of story.tags) {
      const key = foldCase(tag);
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', message: `the tag “${tag}” is there twice` });
      seen.add(key);
    }
    if (storyCharCount(story.body) > MAX_STORY_CHARS) {
      ctx.addIssue({
        code: 'custom',
        message: `the story is longer than ${MAX_STORY_CHARS.toLocaleString('en')} characters (a script is far shorter): split it into several stories`,
      });
    }
  });
export type Story = z.infer<typeof StorySchema>;

function storyCharCount(body: readonly Block[]): number {
  let n = 0;
  for (const block of body) {
    switch (block.type) {
      case 'paragraph':
        for (const run of block.runs) n += run.text.length;
        break;
      case 'cue':
      case 'instruction':
        n += block.text.length;
        break;
      case 'presenter':
        n += block.name.length;
        break;
      case 'media':
        n += block.transcript.length + block.inCue.length + block.outCue.length;
        break;
    }
  }
  return n;
}

/** Adds tags not already present (compared by the one case fold), keeping the first spelling. */
export function mergeTags(existing: readonly string[], added: readonly string[]): string[] {
  const out = [...existing];
  const seen = new Set(existing.map(foldCase));
  for (const tag of added) {
    const key = foldCase(tag);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}
