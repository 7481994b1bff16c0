import { z } from 'zod';
import { CONTROL_CHAR } from '../story/controlChars';

/** A whole number within limits, with messages in the words the dialog and the CLI use. */
function wholeNumber(what: string, min: number, max: number, unit: string) {
  return z
    .int({ error: `${what} is a whole number of ${unit}` })
    .min(min, { error: `${what} is at least ${min} ${unit}` })
    .max(max, { error: `${what} is at most ${max} ${unit}` });
}

export const CUE_STYLES = ['bracketed', 'reverse', 'red', 'hidden'] as const;
export type CueStyle = (typeof CUE_STYLES)[number];

/**
 * Every export option in one schema; each format reads the fields its record lists
 * (shared/export/formats.ts) and ignores the rest, so one remembered set serves every format.
 * The stored story never changes with any of them.
 */
export const ExportOptionsSchema = z.strictObject({
  /**
   * Production cues (and SOT/PKG blocks): always written `[IN BRACKETS]`; `bracketed` shows them
   * in grey, `reverse` white on black, `red` in red, `hidden` leaves them out. Plain text and
   * Markdown cannot colour, so they show every visible style as brackets.
   */
  cues: z
    .enum(CUE_STYLES, { error: 'production cues are shown bracketed, reverse, red or hidden' })
    .default('bracketed'),
  /** Presenter instructions: reverse video (white on black) or red, as prompters show them. */
  instructions: z
    .enum(['reverse', 'red'], { error: 'presenter instructions are shown reverse or red' })
    .default('reverse'),
  /** Force upper case, the radio habit some presenters want. Never the stored form. */
  allCaps: z.boolean().default(false),
  /** Put a package's track text in the file (marked as not read) under its cue. */
  includePackageCopy: z.boolean().default(false),
  /** Type size for formats that carry one (RTF, DOCX, HTML). */
  fontSizePt: wholeNumber('the type size', 10, 144, 'pt').default(36),
  /** Between stories: a separator line, or a new page (RTF, DOCX, HTML print, PDF). */
  storyBreak: z
    .enum(['separator', 'page'], { error: 'between stories goes a separator or a page break' })
    .default('separator'),
  /**
   * MOS: production cues as `storyItem`s (what MOS-aware prompters and graphics systems list
   * beside the text) or as `pi` presenter instructions inside the text (for prompters that
   * ignore storyItems).
   */
  mosCues: z
    .enum(['storyItem', 'pi'], { error: 'MOS cues go out as storyItem or pi' })
    .default('storyItem'),
  /** MOS file encoding: UTF-8 text, or the protocol's wire bytes (UTF-16 big-endian). */
  mosEncoding: z
    .enum(['utf-8', 'utf-16be'], { error: 'a MOS file is utf-8 or utf-16be' })
    .default('utf-8'),
  /** Print: each story of a show on its own page (the default), or running on with a rule. */
  printStoryBreak: z
    .enum(['page', 'separator'], { error: 'between printed stories goes a page break or a rule' })
    .default('page'),
  /** Print: the show's name in every page's header (with the date and the story's page). */
  showName: z
    .string({ error: 'the show name is text' })
    .max(80, { error: 'the show name is at most 80 characters' })
    .refine((s) => !CONTROL_CHAR.test(s), {
      error: 'the show name is one line of text',
    })
    .default(''),
  /** PDF paper. */
  paper: z.enum(['A4', 'LETTER'], { error: 'the paper is A4 or LETTER' }).default('A4'),
  /**
   * Captions: the longest line of Latin-script (and other narrow) text, in characters (two lines
   * at most per caption).
   */
  captionLineChars: wholeNumber('a caption line', 20, 60, 'characters').default(37),
  /**
   * Captions: the longest line of Korean, Chinese or Japanese text, in wide characters (a Hangul
   * syllable, a Chinese character); each takes the width of two Latin ones.
   */
  captionLineWideChars: wholeNumber(
    'a Korean, Chinese or Japanese caption line',
    8,
    30,
    'characters',
  ).default(20),
  /** Captions: the most characters a viewer is asked to read in a second. */
  captionMaxCps: wholeNumber('the reading speed', 8, 40, 'characters a second').default(20),
});
export type ExportOptions = z.output<typeof ExportOptionsSchema>;
export const DEFAULT_EXPORT_OPTIONS: ExportOptions = ExportOptionsSchema.parse({});

export type ExportOptionName = keyof ExportOptions;

/** The prompter conventions were the first options; the name stays for the prompter writers. */
export const PrompterOptionsSchema = ExportOptionsSchema;
export type PrompterOptions = ExportOptions;
export const DEFAULT_PROMPTER_OPTIONS: PrompterOptions = DEFAULT_EXPORT_OPTIONS;

/** Older imports of the labels (the end-to-end tests) still find them here. */
export { EXPORT_FORMAT_LABELS } from './formats';
