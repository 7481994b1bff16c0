// The `stories` table's row types and the one place rows and stories are mapped to each other.
import type { Story } from '../../shared/story/model';
import { StorySchema, STORY_SCHEMA_VERSION } from '../../shared/story/model';
import { storySearchText } from '../../shared/story/text';
import { storyTiming, type TimingSettings } from '../../shared/story/timing';
import type { StorySummary } from '../../shared/ipc/types';
import { ArchiveError } from './errors';

/** One row of `stories` as SQLite returns it. */
export type StoryRow = {
  seq: number;
  id: string;
  model_version: number;
  slug: string;
  format: string;
  presenter: string;
  reporter: string;
  status: string;
  created_at: string;
  updated_at: string;
  body_json: string;
  read_sec: number;
  total_sec: number;
  page: string | null;
  target_sec: number | null;
};

export type SummaryRow = Omit<StoryRow, 'body_json' | 'model_version' | 'page' | 'target_sec'>;

export const SUMMARY_COLUMNS =
  'seq, id, slug, format, presenter, reporter, status, created_at, updated_at, read_sec, total_sec';

export function storyToRow(
  story: Story,
  timingSettings: TimingSettings,
): Omit<StoryRow, 'seq'> & { search_text: string } {
  const timing = storyTiming(story, timingSettings);
  return {
    id: story.id,
    model_version: STORY_SCHEMA_VERSION,
    slug: story.slug,
    format: story.format,
    presenter: story.presenter,
    reporter: story.reporter,
    status: story.status,
    created_at: story.createdAt,
    updated_at: story.updatedAt,
    body_json: JSON.stringify(story.body),
    search_text: storySearchText(story),
    read_sec: timing.readSec,
    total_sec: timing.totalSec,
    page: story.page ?? null,
    target_sec: story.targetSec ?? null,
  };
}

export function rowToStory(row: StoryRow, tags: string[]): Story {
  const candidate = {
    schemaVersion: row.model_version,
    id: row.id,
    slug: row.slug,
    format: row.format,
    presenter: row.presenter,
    reporter: row.reporter,
    tags,
    status: row.status,
    ...(row.page !== null && { page: row.page }),
    ...(row.target_sec !== null && { targetSec: row.target_sec }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    body: JSON.parse(row.body_json) as unknown,
  };
  const parsed = StorySchema.safeParse(candidate);
  if (!parsed.success) {
    throw new ArchiveError(
      'ARCHIVE_CORRUPT',
      `Story ${row.id} in the archive does not match the story model: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}

export function rowToSummary(row: SummaryRow, tags: string[]): StorySummary {
  return {
    id: row.id,
    slug: row.slug,
    format: row.format as StorySummary['format'],
    presenter: row.presenter,
    reporter: row.reporter,
    status: row.status as StorySummary['status'],
    tags,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    readSec: row.read_sec,
    totalSec: row.total_sec,
  };
}

// Bound by position: binding by name costs a lookup per column per row, which a bulk import feels.
export const INSERT_STORY = `INSERT INTO stories (id, model_version, slug, format, presenter, reporter, status,
    created_at, updated_at, body_json, search_text, read_sec, total_sec, page, target_sec,
    head_revision)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export function insertValues(
  row: ReturnType<typeof storyToRow>,
  headRevision: string | null = null,
): (string | number | null)[] {
  return [
    row.id,
    row.model_version,
    row.slug,
    row.format,
    row.presenter,
    row.reporter,
    row.status,
    row.created_at,
    row.updated_at,
    row.body_json,
    row.search_text,
    row.read_sec,
    row.total_sec,
    row.page,
    row.target_sec,
    headRevision,
  ];
}
