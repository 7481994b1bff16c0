import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export const STATE_FILE_NAME = 'desktop-state.json';
export const MAX_RECENT_ARCHIVES = 10;
const MAX_PATH = 4096;

const PathSchema = z.string().min(1).max(MAX_PATH);
const Coordinate = z.int().min(-100_000).max(100_000);
const Length = z.int().min(100).max(100_000);

export const WindowStateSchema = z.object({
  x: Coordinate,
  y: Coordinate,
  width: Length,
  height: Length,
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const DIALOG_KINDS = ['import', 'export', 'archive'] as const;
export type DialogKind = (typeof DIALOG_KINDS)[number];

/**
 * What the desktop app remembers between runs. Every field falls back on its own: a damaged or
 * hand-edited file costs at most the fields that are wrong, and never stops the app.
 */
export const DesktopStateSchema = z.object({
  window: WindowStateSchema.optional().catch(undefined),
  recentArchives: z.array(PathSchema).max(MAX_RECENT_ARCHIVES).catch([]),
  lastFolders: z
    .object({
      import: PathSchema.optional().catch(undefined),
      export: PathSchema.optional().catch(undefined),
      archive: PathSchema.optional().catch(undefined),
    })
    .catch({}),
  /** Spell-check languages (BCP 47 codes); empty means spell-checking is off. */
  spellcheckLanguages: z
    .array(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/))
    .max(4)
    .optional()
    .catch(undefined),
});
export type DesktopState = z.infer<typeof DesktopStateSchema>;

export const EMPTY_STATE: DesktopState = DesktopStateSchema.parse({});

/** Reads the state file; a missing, unreadable or garbage file gives the empty state. */
export function readDesktopState(file: string): DesktopState {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return EMPTY_STATE;
  }
  const parsed = DesktopStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : EMPTY_STATE;
}

/** Writes the whole state through a temporary file and a rename, so a crash never leaves half. */
export function writeDesktopState(file: string, state: DesktopState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(DesktopStateSchema.parse(state), null, 2)}\n`);
  renameSync(temporary, file);
}

export type DesktopStateStore = {
  get(): DesktopState;
  update(change: (state: DesktopState) => DesktopState): DesktopState;
};

/** The state, read once and written on every change. Write failures are reported, not thrown. */
export function createDesktopStateStore(
  file: string,
  onWriteError: (error: unknown) => void = () => {},
): DesktopStateStore {
  let state = readDesktopState(file);
  return {
    get: () => state,
    update(change) {
      state = DesktopStateSchema.parse(change(state));
      try {
        writeDesktopState(file, state);
      } catch (error) {
        onWriteError(error);
      }
      return state;
    },
  };
}
