import { z } from 'zod';

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
  cues: z.enum(CUE_STYLES).default('bracketed'),
  /** Presenter instructions: reverse video (white on black) or red, as prompters show them. */
  instructions: z.enum(['reverse', 'red']).default('reverse'),
  /** Force upper case, the radio habit some presenters want. Never the stored form. */
  allCaps: z.boolean().default(false),
  /** Put a package's track text in the file (marked as not read) under its cue. */
  includePackageCopy: z.boolean().default(false),
  /** Type size for formats that carry one (RTF, DOCX, HTML). */
  fontSizePt: z.int().min(10).max(144).default(36),
  /** Between stories: a separator line, or a new page (RTF, DOCX, HTML print, PDF). */
  storyBreak: z.enum(['separator', 'page']).default('separator'),
  /**
   * MOS: production cues as `storyItem`s (what MOS-aware prompters and graphics systems list
   * beside the text) or as `pi` presenter instructions inside the text (for prompters that
   * ignore storyItems).
   */
  mosCues: z.enum(['storyItem', 'pi']).default('storyItem'),
  /** MOS file encoding: UTF-8 text, or the protocol's wire bytes (UTF-16 big-endian). */
  mosEncoding: z.enum(['utf-8', 'utf-16be']).default('utf-8'),
  /** PDF paper. */
  paper: z.enum(['A4', 'LETTER']).default('A4'),
  /** Captions: the longest caption line, in characters (two lines at most per caption). */
  captionLineChars: z.int().min(20).max(60).default(37),
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
