import type { PickedFile } from '../../shared/ipc/api';
import type { Result } from '../../shared/ipc/result';
import type { ExportFile } from '../../shared/ipc/types';
import { bridge } from './client';

/** Saving a file: a native save dialog on the desktop, a download in browser mode. */
export async function saveFile(
  file: ExportFile,
): Promise<Result<{ saved: boolean; path?: string }>> {
  if (bridge) return bridge.shell.saveFile(file);
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
  return { ok: true, value: { saved: true } };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function readPickedFiles(files: FileList | readonly File[]): Promise<PickedFile[]> {
  return Promise.all(
    [...files].map(async (file) => ({
      name: file.name,
      dataBase64: toBase64(new Uint8Array(await file.arrayBuffer())),
    })),
  );
}

/** Picking files to import: a native dialog on the desktop, a file input in browser mode. */
export function pickImportFiles(
  input: HTMLInputElement | null,
): Promise<Result<PickedFile[]>> | null {
  if (bridge) return bridge.shell.pickImportFiles();
  input?.click();
  return null;
}
