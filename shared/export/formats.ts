import type { ExportOptionName } from './options';

/**
 * Who a file is for: the export dialog groups the formats under these headings, in this order.
 */
export const EXPORT_FORMAT_GROUP_LABELS = [
  'Teleprompter',
  'Newsroom systems',
  'Print',
  'Captions for web clips',
  'Another Copydesk archive',
  'The rundown itself',
] as const;
export type ExportFormatGroup = (typeof EXPORT_FORMAT_GROUP_LABELS)[number];

/** Everything Copydesk says about one export format, except how its file is written (main). */
export type ExportFormatSpec = {
  /** What the dialog and the CLI's help call it. */
  label: string;
  group: ExportFormatGroup;
  /** Without the dot; may have two parts (`mos.xml`). */
  extension: string;
  mimeType: string;
  /**
   * `selection`: one file holds every chosen story (a show). `story`: one file per story (an
   * iNEWS story file, a caption track), so a show is several files. `rundown`: one file of a
   * rundown's running order itself (its rows and clocks, not its scripts); only a rundown can be
   * exported to it.
   */
  fileHolds: 'selection' | 'story' | 'rundown';
  /** The export options this format reads; the dialog shows only these, the CLI lists them. */
  options: readonly ExportOptionName[];
  /** For a format that reads no option: why there is nothing to choose (shown in the dialog). */
  noOptionsNote?: string;
};

const PROMPTER_STYLED: readonly ExportOptionName[] = [
  'cues',
  'instructions',
  'allCaps',
  'includePackageCopy',
  'fontSizePt',
  'storyBreak',
];
const PROMPTER_PLAIN: readonly ExportOptionName[] = ['cues', 'allCaps', 'includePackageCopy'];

/**
 * The export formats, one record each, in the order the dialog and the CLI list them. Adding a
 * format is one entry here, its writer in main/export/writers.ts, and its test.
 */
export const EXPORT_FORMAT_SPECS = {
  'prompter-txt': {
    label: 'Teleprompter text (.txt)',
    group: 'Teleprompter',
    extension: 'txt',
    mimeType: 'text/plain; charset=utf-8',
    fileHolds: 'selection',
    options: PROMPTER_PLAIN,
  },
  'prompter-rtf': {
    label: 'Teleprompter RTF (.rtf)',
    group: 'Teleprompter',
    extension: 'rtf',
    mimeType: 'application/rtf',
    fileHolds: 'selection',
    options: PROMPTER_STYLED,
  },
  docx: {
    label: 'Word document (.docx)',
    group: 'Teleprompter',
    extension: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    fileHolds: 'selection',
    options: PROMPTER_STYLED,
  },
  html: {
    label: 'Web page for web prompters (.html)',
    group: 'Teleprompter',
    extension: 'html',
    mimeType: 'text/html; charset=utf-8',
    fileHolds: 'selection',
    options: PROMPTER_STYLED,
  },
  md: {
    label: 'Markdown (.md)',
    group: 'Teleprompter',
    extension: 'md',
    mimeType: 'text/markdown; charset=utf-8',
    fileHolds: 'selection',
    options: PROMPTER_PLAIN,
  },
  mos: {
    label: 'MOS running order (.mos.xml)',
    group: 'Newsroom systems',
    extension: 'mos.xml',
    mimeType: 'application/xml',
    fileHolds: 'selection',
    options: ['mosCues', 'mosEncoding'],
  },
  nsml: {
    label: 'iNEWS story (.nsml)',
    group: 'Newsroom systems',
    extension: 'nsml',
    mimeType: 'application/xml',
    fileHolds: 'story',
    options: [],
    noOptionsNote:
      'An iNEWS story keeps every cue, instruction and time; there is nothing to choose.',
  },
  pdf: {
    label: 'Two-column print script (.pdf)',
    group: 'Print',
    extension: 'pdf',
    mimeType: 'application/pdf',
    fileHolds: 'selection',
    options: ['paper', 'printStoryBreak', 'showName'],
  },
  srt: {
    label: 'Captions, SubRip (.srt)',
    group: 'Captions for web clips',
    extension: 'srt',
    mimeType: 'application/x-subrip',
    fileHolds: 'story',
    options: ['captionLineChars', 'captionLineWideChars', 'captionMaxCps'],
  },
  vtt: {
    label: 'Captions, WebVTT (.vtt)',
    group: 'Captions for web clips',
    extension: 'vtt',
    mimeType: 'text/vtt; charset=utf-8',
    fileHolds: 'story',
    options: ['captionLineChars', 'captionLineWideChars', 'captionMaxCps'],
  },
  json: {
    label: 'Copydesk stories, lossless (.json)',
    group: 'Another Copydesk archive',
    extension: 'json',
    mimeType: 'application/json',
    fileHolds: 'selection',
    options: [],
    noOptionsNote: 'The story file is lossless: every block, tag and time travels as it is.',
  },
  'rundown-pdf': {
    label: 'Rundown for the floor, printed (.pdf)',
    group: 'The rundown itself',
    extension: 'pdf',
    mimeType: 'application/pdf',
    fileHolds: 'rundown',
    options: ['paper'],
  },
  'rundown-csv': {
    label: 'Rundown for spreadsheets (.csv)',
    group: 'The rundown itself',
    extension: 'csv',
    mimeType: 'text/csv; charset=utf-8',
    fileHolds: 'rundown',
    options: [],
    noOptionsNote: 'Every row with its page, times and clocks, as the rundown screen shows them.',
  },
} as const satisfies Record<string, ExportFormatSpec>;

export type ExportFormat = keyof typeof EXPORT_FORMAT_SPECS;

/** The format names, for the contract's enum and the CLI's `--format`. */
export const EXPORT_FORMATS = Object.keys(EXPORT_FORMAT_SPECS) as [ExportFormat, ...ExportFormat[]];

/** The record of a format, typed as the general shape (the constant above keeps the literals). */
export function exportFormatSpec(format: ExportFormat): ExportFormatSpec {
  return EXPORT_FORMAT_SPECS[format];
}

export function isExportFormat(name: unknown): name is ExportFormat {
  return typeof name === 'string' && Object.hasOwn(EXPORT_FORMAT_SPECS, name);
}

/** The formats of each group, in the record's order, for the dialog. */
export const EXPORT_FORMAT_GROUPS: readonly {
  label: ExportFormatGroup;
  formats: ExportFormat[];
}[] = EXPORT_FORMAT_GROUP_LABELS.map((label) => ({
  label,
  formats: EXPORT_FORMATS.filter((f) => EXPORT_FORMAT_SPECS[f].group === label),
}));

/** Each format's label; the end-to-end tests find the dialog's radio buttons by it. */
export const EXPORT_FORMAT_LABELS = Object.fromEntries(
  EXPORT_FORMATS.map((f) => [f, EXPORT_FORMAT_SPECS[f].label]),
) as Record<ExportFormat, string>;
