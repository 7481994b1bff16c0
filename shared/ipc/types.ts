import type { StoryFormat, StoryStatus } from '../story/model';

/** A story as lists show it: metadata and times, no body. */
export type StorySummary = {
  id: string;
  slug: string;
  format: StoryFormat;
  presenter: string;
  reporter: string;
  status: StoryStatus;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  readSec: number;
  totalSec: number;
};

/**
 * A search result. The snippet marks each hit between SNIPPET_OPEN and SNIPPET_CLOSE: control
 * characters that story text can never contain, so the renderer can highlight without HTML.
 */
export type SearchHit = StorySummary & { snippet: string };
export const SNIPPET_OPEN = '\u0002';
export const SNIPPET_CLOSE = '\u0003';

export type StoryPage<T = StorySummary> = { total: number; items: T[] };

export type TagCount = { name: string; count: number };

export type ImportOutcome = {
  stories: StorySummary[];
  /** Per file, the web-page residue lines the importer left out. */
  dropped: { file: string; lines: string[] }[];
};

export type ExportFile = {
  fileName: string;
  mimeType: string;
  encoding: 'utf8' | 'base64';
  data: string;
};

/** One file for a show where the format holds several stories, else one file per story. */
export type ExportResult = { files: ExportFile[] };

export type AppInfo = { version: string; archivePath: string; schemaVersion: number };
