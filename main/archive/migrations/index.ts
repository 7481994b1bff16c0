import init from './0001-init.sql?raw';
import editor from './0002-editor.sql?raw';
import review from './0003-review.sql?raw';
import filterIndex from './0004-filter-index.sql?raw';
import rundowns from './0005-rundowns.sql?raw';
import foldKeys from './0006-fold-keys.sql?raw';

export type Migration = { version: number; name: string; sql: string };

/** Every schema change, in order. A migration's version is its position: never reorder or edit one that shipped. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001-init', sql: init },
  { version: 2, name: '0002-editor', sql: editor },
  { version: 3, name: '0003-review', sql: review },
  { version: 4, name: '0004-filter-index', sql: filterIndex },
  { version: 5, name: '0005-rundowns', sql: rundowns },
  { version: 6, name: '0006-fold-keys', sql: foldKeys },
];
