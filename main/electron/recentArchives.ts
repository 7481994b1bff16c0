import { resolve } from 'node:path';
import { MAX_RECENT_ARCHIVES } from './desktopState';

/** The archive just opened goes first; it appears once; the oldest fall off the end. */
export function addRecentArchive(list: readonly string[], path: string): string[] {
  const absolute = resolve(path);
  return [absolute, ...list.filter((p) => p !== absolute)].slice(0, MAX_RECENT_ARCHIVES);
}

export function removeRecentArchive(list: readonly string[], path: string): string[] {
  return list.filter((p) => p !== path);
}
