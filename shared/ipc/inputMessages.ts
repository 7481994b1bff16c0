import type { z } from 'zod';

/**
 * Turns schema failures into sentences a reporter can act on: "Characters per caption line must
 * be at least 20", not "Too small: expected number to be >=20 (at options.captionLineChars)".
 * Messages a schema writes itself are kept; zod's own wording is replaced, and no internal
 * field name or path reaches the message.
 */

// What the per-parse error map leaves behind instead of zod's wording, so describeIssue knows the
// message is not one a schema wrote. A second marker says the value was missing altogether.
const ZOD_WORDING = '\u0001zod';
const MISSING = '\u0001missing';

type Issue = z.core.$ZodIssue;

// zod's own wording, for a parse made without HUMAN_PARSE ("Too small: expected …", "Invalid UUID").
const ZOD_DEFAULT = /^(Invalid\b|Too (small|big):|Unrecognized keys?:|Expected\b)/;

/** Pass to `safeParse(input, HUMAN_PARSE)` so describeInvalidInput can word every issue. */
export const HUMAN_PARSE = {
  error: (issue: { code?: string; input?: unknown }) =>
    issue.code === 'invalid_type' && issue.input === undefined ? MISSING : ZOD_WORDING,
};

/** Field names as people say them; `parent.key` first, then `key`. */
const LABELS: Record<string, string> = {
  slug: 'the slug',
  presenter: 'the presenter',
  reporter: 'the reporter',
  tags: 'the tags',
  tag: 'the tag',
  page: 'the page number',
  targetSec: 'the target length',
  format: 'the format',
  status: 'the status',
  body: 'the script',
  'runs.text': 'the script text',
  runs: 'the script text',
  text: 'the text',
  pronouncer: 'the pronouncer',
  comments: 'the comment marks',
  speaker: 'the speaker',
  title: 'the speaker’s title',
  inCue: 'the IN cue',
  outCue: 'the OUT cue',
  durationSec: 'the duration',
  transcript: 'the transcript',
  kind: 'the kind of block',
  name: 'the name',
  story: 'the story',
  stories: 'the stories',
  id: 'the story',
  storyId: 'the story',
  'selection.ids': 'one of the stories chosen',
  selection: 'the stories to export',
  revisionId: 'the version',
  threadId: 'the comment thread',
  baseUpdatedAt: 'the version the save started from',
  mode: 'the kind of save',
  createdAt: 'the creation time',
  updatedAt: 'the time of the last change',
  schemaVersion: 'the story format version',
  options: 'the export options',
  cues: 'how cues are shown',
  instructions: 'how presenter instructions are shown',
  allCaps: 'all caps',
  includePackageCopy: 'package copy',
  fontSizePt: 'the font size',
  storyBreak: 'the break between stories',
  mosCues: 'how MOS cues are written',
  mosEncoding: 'the MOS encoding',
  paper: 'the paper size',
  captionLineChars: 'characters per caption line',
  files: 'the files',
  'files.name': 'a file’s name',
  'files.dataBase64': 'a file',
  query: 'the search',
  sort: 'the sort order',
  limit: 'the number of results',
  offset: 'the position in the list',
  from: 'the first date',
  to: 'the last date',
  note: 'the note',
  quote: 'the quoted words',
  resolved: 'resolved',
  term: 'the word',
  phonetic: 'the pronunciation',
  displayName: 'your name',
  presenters: 'the presenters',
  'presenters.name': 'a presenter’s name',
  defaults: 'the default read rates',
  rates: 'the read rates',
  wordsPerMinute: 'words per minute',
  hangulSyllablesPerMinute: 'Hangul syllables per minute',
  cjkCharactersPerMinute: 'Chinese and Japanese characters per minute',
  backups: 'the backup settings',
  everyMinutes: 'how often to back up (minutes)',
  'backups.keep': 'how many backups to keep',
  keep: 'which version to keep',
  path: 'the backup',
};

/** Per-channel names where one word means different things (tags.rename's from and to). */
const CHANNEL_LABELS: Record<string, Record<string, string>> = {
  'tags.rename': { from: 'the tag to rename', to: 'the new tag name' },
  'tags.delete': { name: 'the tag' },
  'comments.add': { body: 'the comment' },
  'templates.save': { body: 'the template' },
  'rundowns.create': { title: 'the show’s title' },
  'rundowns.update': { title: 'the show’s title' },
  'rundowns.addRow': { label: 'the row’s name', page: 'the page number' },
  'rundowns.setRow': { label: 'the row’s name', page: 'the page number' },
  'showTemplates.save': { name: 'the template’s name', title: 'the show’s title' },
  'showTemplates.fromRundown': { name: 'the template’s name' },
};

function labelFor(path: readonly PropertyKey[], channel?: string): string {
  const keys = path.filter((p): p is string => typeof p === 'string');
  const key = keys.at(-1);
  if (key === undefined) return 'the request';
  const parent = keys.at(-2);
  return (
    (channel && CHANNEL_LABELS[channel]?.[key]) ??
    (parent !== undefined ? LABELS[`${parent}.${key}`] : undefined) ??
    LABELS[key] ??
    'part of the request'
  );
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a set of fields',
};

function plural(n: number | bigint, one: string, many: string): string {
  return `${Number(n).toLocaleString('en')} ${Number(n) === 1 ? one : many}`;
}

/** What is wrong, as the rest of a sentence that starts with the field's label. */
function problem(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.message === MISSING
        ? 'is missing'
        : `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const n = issue.minimum;
      if (issue.origin === 'string')
        return Number(n) <= 1
          ? 'must not be empty'
          : `must be at least ${plural(n, 'character', 'characters')}`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return Number(n) <= 1 ? 'must have at least one' : `must have at least ${Number(n)}`;
      return issue.inclusive ? `must be at least ${n}` : `must be more than ${n}`;
    }
    case 'too_big': {
      const n = issue.maximum;
      if (issue.origin === 'string')
        return `must be at most ${plural(n, 'character', 'characters')} long`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `can have at most ${Number(n).toLocaleString('en')} at a time`;
      return issue.inclusive ? `must be at most ${n}` : `must be less than ${n}`;
    }
    case 'invalid_format':
      if (issue.format === 'uuid') return 'is not named by a valid id';
      if (issue.format === 'datetime') return 'must be a date and time';
      if (issue.format === 'date') return 'must be a date written YYYY-MM-DD';
      return 'is not written in the expected form';
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_union':
      return 'is not in a form Copydesk understands';
    case 'unrecognized_keys':
      // The caller's own key is not echoed: it may be anything, of any length.
      return 'has a field Copydesk does not know';
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    default:
      return 'is not valid';
  }
}

function sentence(text: string): string {
  const trimmed = text.trim().replace(/\.$/, '');
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}.`;
}

/**
 * One issue in words. A message the schema wrote itself stands on its own, or follows the
 * field's label when it starts with "must" ("must not contain line breaks…").
 */
export function describeIssue(issue: Issue, channel?: string): string {
  const label = labelFor(issue.path, channel);
  const own =
    issue.message !== ZOD_WORDING && issue.message !== MISSING && !ZOD_DEFAULT.test(issue.message);
  if (own)
    return sentence(/^must\b/.test(issue.message) ? `${label} ${issue.message}` : issue.message);
  return sentence(`${label} ${problem(issue)}`);
}

/** A sentence as the middle of another: "“a.txt” cannot be imported: the slug must …". */
export function asClause(sentence: string): string {
  return sentence.replace(/^./, (c) => c.toLowerCase()).replace(/\.$/, '');
}

/** The first issue of a failed parse, in words (the others usually follow from it). */
export function describeInvalidInput(error: z.ZodError, channel?: string): string {
  const issue = error.issues[0];
  return issue ? describeIssue(issue, channel) : 'The request was refused.';
}
