import { z } from 'zod';
import { claimsFormat, parseEnvelope, type EnvelopeParse } from './envelope';
import { StorySchema, type Story } from '../story/model';

/**
 * The Copydesk story package: our own lossless hand-off format. Stories travel exactly as the
 * archive stores them (the validated model, ids and timestamps included), wrapped in a small
 * versioned envelope. A reader refuses a newer formatVersion instead of guessing.
 */
export const STORY_PACKAGE_FORMAT = 'copydesk-story-package';
export const STORY_PACKAGE_VERSION = 1;

export const StoryPackageSchema = z.strictObject({
  format: z.literal(STORY_PACKAGE_FORMAT),
  formatVersion: z.literal(STORY_PACKAGE_VERSION),
  /** The application that wrote it, e.g. `Copydesk 0.1.0`. */
  generator: z.string().max(200),
  exportedAt: z.iso.datetime({ offset: true }),
  stories: z.array(StorySchema).min(1).max(5000),
});
export type StoryPackage = z.infer<typeof StoryPackageSchema>;

export function makeStoryPackage(
  stories: readonly Story[],
  generator: string,
  exportedAt: Date,
): StoryPackage {
  return {
    format: STORY_PACKAGE_FORMAT,
    formatVersion: STORY_PACKAGE_VERSION,
    generator,
    exportedAt: exportedAt.toISOString(),
    stories: [...stories],
  };
}

/** Two-space JSON with a final newline: readable in a diff, stable for the same stories. */
export function serializeStoryPackage(pkg: StoryPackage): string {
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** Cheap sniff: does this text claim to be a story package? (Then it must parse as one.) */
export function looksLikeStoryPackage(text: string): boolean {
  return claimsFormat(text, STORY_PACKAGE_FORMAT);
}

export type PackageParse = EnvelopeParse<StoryPackage>;

export function parseStoryPackage(text: string): PackageParse {
  return parseEnvelope(text, StoryPackageSchema, {
    version: STORY_PACKAGE_VERSION,
    what: 'story package',
  });
}
