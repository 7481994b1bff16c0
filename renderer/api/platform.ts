// File I/O by platform: the renderer calls one function, which picks the transport. On the
// desktop the shell does the work in main (native dialogs, files read and written there); in
// browser mode the page can only download and read what the user hands it, so files cross the
// contract as base64.
import type { PickedFile, SavedFiles } from '../../shared/ipc/api';
import type { Input } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import type { ExportFile, ImportOutcome } from '../../shared/ipc/types';
import { call } from './calls';
import { bridge } from './client';

/** Browser mode: each file downloads under its own name. */
function download(files: readonly ExportFile[]): SavedFiles {
  for (const file of files) {
    const bytes =
      file.encoding === 'base64'
        ? Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0))
        : new TextEncoder().encode(file.data);
    const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return { saved: true, paths: files.map((f) => f.fileName), folder: null };
}

/**
 * Exports: on the desktop main renders the files and writes them where the user chooses (a save
 * dialog for one file, a folder once for several); in browser mode they download.
 */
export async function exportStories(input: Input<'export.stories'>): Promise<Result<SavedFiles>> {
  if (bridge) return bridge.shell.exportTo(input);
  const result = await call('export.stories', input, { showsFailure: true });
  return result.ok ? { ok: true, value: download(result.value.files) } : result;
}

/** A story's hand-off package, saved where the user chooses (downloaded in browser mode). */
export async function saveHandoff(input: Input<'stories.handoff'>): Promise<Result<SavedFiles>> {
  if (bridge) return bridge.shell.handoffTo(input);
  const result = await call('stories.handoff', input, { showsFailure: true });
  return result.ok ? { ok: true, value: download([result.value]) } : result;
}

/** What a finished export says: where the files went, as far as this platform knows. */
export function savedMessage(saved: Extract<SavedFiles, { saved: true }>): string {
  const [first] = saved.paths;
  if (saved.paths.length === 1) return bridge ? `Exported to ${first}.` : `Exported ${first}.`;
  return `Exported ${saved.paths.length} files (one per story)${saved.folder ? ` to ${saved.folder}` : ''}.`;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Browser mode: the files the user picked in the page's file input, for `import.files`. */
export async function readPickedFiles(files: FileList | readonly File[]): Promise<PickedFile[]> {
  return Promise.all(
    [...files].map(async (file) => ({
      name: file.name,
      dataBase64: toBase64(new Uint8Array(await file.arrayBuffer())),
    })),
  );
}

/**
 * Importing picked files: on the desktop a native dialog, and main reads and imports what was
 * picked (null when cancelled); in browser mode this opens the page's file input, whose change
 * handler imports, and returns null at once.
 */
export function importPicked(
  input: HTMLInputElement | null,
): Promise<Result<ImportOutcome | null>> | null {
  if (bridge) return bridge.shell.importPicked();
  input?.click();
  return null;
}

/** A .copydesk hand-off the OS opened with the desktop app: main reads and imports it. */
export function importOpened(requestId: string): Promise<Result<ImportOutcome>> {
  if (!bridge) throw new Error('only the desktop app is handed files by the OS');
  return bridge.shell.importOpened({ requestId });
}
