import { z } from 'zod';

export const EXPORT_FORMATS = ['prompter-txt', 'prompter-rtf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  'prompter-txt': 'Teleprompter text (.txt)',
  'prompter-rtf': 'Teleprompter RTF (.rtf)',
};

/** The prompter conventions a station chooses. The stored story never changes with them. */
export const PrompterOptionsSchema = z.strictObject({
  /** Production cues (and SOT/PKG blocks) in [brackets], or left out entirely. */
  cues: z.enum(['bracketed', 'hidden']).default('bracketed'),
  /** Force upper case, the radio habit some presenters want. Never the stored form. */
  allCaps: z.boolean().default(false),
  /** Put a package's track text in the file (marked as not read) under its cue. */
  includePackageCopy: z.boolean().default(false),
  /** Type size for formats that carry one. */
  fontSizePt: z.int().min(10).max(144).default(36),
});
export type PrompterOptions = z.output<typeof PrompterOptionsSchema>;
export const DEFAULT_PROMPTER_OPTIONS: PrompterOptions = PrompterOptionsSchema.parse({});
