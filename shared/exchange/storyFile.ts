import { z } from 'zod';
import { claimsFormat, parseEnvelope, type EnvelopeParse } from './envelope';
import { StorySchema, type Story } from '../story/model';

/**
 * The Copydesk story file (`.json`, the `json` export format): stories from one archive for
 * another, lossless. Stories travel exactly as the archive stores them (the validated model, ids
 * and timestamps included), wrapped in a small versioned envelope. A reader refuses a newer
 * formatVersion instead of guessing. (Not the `.copydesk` hand-off, which carries one story with
 * its versions and comments: see handoff.ts.)
 *
 * The format name written in the file is still `copydesk-story-package`, as files written before
 * the rename say: the name in the code changed, not the files.
 */
export const STORY_FILE_FORMAT = 'copydesk-story-package';
export const STORY_FILE_VERSION = 1;

export const StoryFileSchema = z.strictObject({
  format: z.literal(STORY_FILE_FORMAT),
  formatVersion: z.literal(STORY_FILE_VERSION),
  /** The application that wrote it, e.g. `Copydesk 0.1.0`. */
  generator: z.string().max(200),
  exportedAt: z.iso.datetime({ offset: true }),
  stories: z.array(StorySchema).min(1).max(5000),
});
export type StoryFile = z.infer<typeof StoryFileSchema>;

export function makeStoryFile(
  stories: readonly Story[],
  generator: string,
  exportedAt: Date,
): StoryFile {
  return {
    format: STORY_FILE_FORMAT,
    formatVersion: STORY_FILE_VERSION,
    generator,
    exportedAt: exportedAt.toISOString(),
    stories: [...stories],
  };
}

/** Two-space JSON with a final newline: readable in a diff, stable for the same stories. */
export function serializeStoryFile(pkg: StoryFile): string {
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** Cheap sniff: does this text claim to be a story file? (Then it must parse as one.) */
export function looksLikeStoryFile(text: string): boolean {
  return claimsFormat(text, STORY_FILE_FORMAT);
}

export type StoryFileParse = EnvelopeParse<StoryFile>;

export function parseStoryFile(text: string): StoryFileParse {
  return parseEnvelope(text, StoryFileSchema, {
    version: STORY_FILE_VERSION,
    what: 'Copydesk story file',
  });
}
