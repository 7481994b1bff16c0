import type { WordDiff } from '../../shared/diff/wordDiff';

/** What the history panel asks the diff worker, and what it answers. */
export type DiffRequest = { id: number; before: string; after: string };
export type DiffResponse = { id: number; diff: WordDiff };
