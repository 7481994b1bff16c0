import { z } from 'zod';
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
  return /^\s*\{/.test(text) && text.slice(0, 200).includes(`"${STORY_PACKAGE_FORMAT}"`);
}

export type PackageParse = { ok: true; value: StoryPackage } | { ok: false; message: string };

export function parseStoryPackage(text: string): PackageParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, message: `it is not valid JSON (${(error as Error).message})` };
  }
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > STORY_PACKAGE_VERSION) {
    return {
      ok: false,
      message: `it was written by a newer Copydesk (package version ${version}); update Copydesk to read it`,
    };
  }
  const parsed = StoryPackageSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, message: `it is not a valid story package (${issue?.message}${where})` };
  }
  return { ok: true, value: parsed.data };
}
