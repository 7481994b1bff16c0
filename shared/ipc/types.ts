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

/** A page of search results, best match first. */
export type SearchPage = StoryPage<SearchHit> & {
  /**
   * True when `total` is an estimate: a filtered search over very many matches is not counted
   * one by one (the count would cost more than the search).
   */
  totalEstimated: boolean;
  /**
   * When more stories match than can be ranked while the reporter types, the ranking covers only
   * this many of the most recently added matches (the rest are still counted); null when every
   * match was ranked.
   */
  rankedNewest: number | null;
  /**
   * The words of the query that are in most stories (as typed, a phrase as its words): they say
   * nothing about which match is best, so the ranking leaves them out, and a query made only of
   * them lists its matches newest first.
   */
  commonTerms: string[];
  /** True when the matches come newest first because every word of the query is in most stories. */
  newestFirst: boolean;
};

export type TagCount = { name: string; count: number };

export type ImportOutcome = {
  stories: StorySummary[];
  /** Stories from `.copydesk` packages, and what merging each did. */
  merged: {
    id: string;
    slug: string;
    result: 'added' | 'updated' | 'unchanged' | 'kept-local' | 'conflict';
  }[];
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

export type AppInfo = {
  version: string;
  archivePath: string;
  schemaVersion: number;
  /**
   * Who is working. On a desk of its own the name comes from Settings (empty until given); where
   * a newsroom server signs people in, it is the signed-in name and Settings cannot change it.
   */
  user: { name: string; signedIn: boolean };
};

export type RevisionKind =
  'create' | 'save' | 'autosave' | 'restore' | 'status' | 'import' | 'merge';

/** A version of a story as the history lists it. */
export type RevisionSummary = {
  id: string;
  /** 1 for the first version, counting up. */
  number: number;
  at: string;
  author: string;
  kind: RevisionKind;
  note: string;
  status: StoryStatus;
  slug: string;
  parentId: string | null;
};

export type Comment = {
  id: string;
  storyId: string;
  /** The thread, and the anchor id marking the commented text in the story body. */
  threadId: string;
  author: string;
  at: string;
  body: string;
  /** The text the thread was opened on, as it read then. */
  quote: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
};

/** Why an archive could not be opened; each has its own next step in the app. */
export type ArchiveProblemCode =
  | 'ARCHIVE_TOO_NEW'
  | 'NOT_AN_ARCHIVE'
  | 'ARCHIVE_CORRUPT'
  | 'ARCHIVE_UNAVAILABLE'
  | 'ARCHIVE_BUSY'
  | 'ARCHIVE_READ_ONLY'
  | 'ARCHIVE_MISSING';

export type BackupInfo = { path: string; at: string; bytes: number };

/**
 * The archive the app works in: open (perhaps read-only), or not opened, with why and what can
 * be done from here — open it read-only, or put one of its backups in its place.
 */
export type ArchiveStatus =
  | {
      state: 'open';
      path: string;
      readOnly: boolean;
      /** What the last recovery did (the damaged file kept beside it), to tell the user once. */
      notice: string | null;
    }
  | {
      state: 'problem';
      path: string;
      code: ArchiveProblemCode;
      message: string;
      /** The file is sound but cannot be written here: it can be opened for reading. */
      readOnlyPossible: boolean;
      /** Backups that can take a damaged archive's place, newest first. */
      backups: BackupInfo[];
    };
