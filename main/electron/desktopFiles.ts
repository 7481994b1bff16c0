import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { PickedFile, SavedFiles } from '../../shared/ipc/api';
import type { Channel, Input, Output, ServiceHandlers } from '../../shared/ipc/contract';
import { CLI_IMPORT_BATCH, importBatches, planBatches } from '../../shared/import/batches';
import type { Result } from '../../shared/ipc/result';
import type { ExportFile, ImportOutcome } from '../../shared/ipc/types';
import { sizeOnDisk } from '../common/readImportBytes';
import { invokeService } from '../services/serviceTable';
import type { NativeDialogs } from './dialogs';
import { ShellError } from './ipc';

/**
 * The desktop app's file I/O, done in main: an export is rendered here and written where the
 * user chose (a save dialog for one file, a folder chosen once for several), and imports are
 * read here by path. The renderer asks for the operation and hears what happened; no file's
 * bytes travel to it and back. Electron's dialogs come in as `NativeDialogs`, so this is tested
 * with fakes and real files.
 */
export type DesktopFiles = {
  exportTo(input: Input<'export.stories'>): Promise<SavedFiles>;
  handoffTo(input: Input<'stories.handoff'>): Promise<SavedFiles>;
  /** Null when the user cancelled the dialog. */
  importPicked(): Promise<ImportOutcome | null>;
  /** The file behind an 'open-handoff' request (a .copydesk hand-off the OS handed the app). */
  importOpened(requestId: string): Promise<ImportOutcome>;
};

export type DesktopFilesDeps = {
  /** The services of the archive open now (File → Open Archive swaps them). */
  services: () => ServiceHandlers;
  dialogs: Pick<
    NativeDialogs,
    'chooseSaveFile' | 'chooseFolder' | 'confirmReplace' | 'pickImportPaths'
  >;
  /** Reads a file to import by path, within the importer's limits. */
  readImportFile: (path: string) => Promise<PickedFile>;
  /** The path behind an 'open-handoff' request id, once (launchFiles.ts keeps them). */
  openedPath: (requestId: string) => string | undefined;
};

function bytesOf(file: ExportFile): Buffer {
  return Buffer.from(file.data, file.encoding === 'base64' ? 'base64' : 'utf8');
}

/** Why a file could not be written, in the user's words. */
function writeFailure(path: string, error: NodeJS.ErrnoException): ShellError {
  const where = `“${basename(path)}” in ${dirname(path)}`;
  const reason =
    error.code === 'EACCES' || error.code === 'EPERM'
      ? 'permission denied'
      : error.code === 'ENOSPC'
        ? 'the disk is full'
        : error.code === 'EROFS'
          ? 'the drive is read-only'
          : error.code === 'ENOENT'
            ? 'the folder is not there'
            : (error.code ?? error.message);
  return new ShellError(
    'BAD_FILE',
    `Copydesk could not write ${where} (${reason}). Nothing was exported.`,
  );
}

/**
 * Writes files all or nothing, as far as a disk allows: each is written beside its target under a
 * temporary name first, and only when every one is complete are they renamed into place, so a
 * full disk or a refused folder never leaves half a file or half an export behind.
 */
async function writeAll(targets: readonly { path: string; bytes: Buffer }[]): Promise<void> {
  const parts: { part: string; path: string }[] = [];
  try {
    for (const { path, bytes } of targets) {
      const part = join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.part`);
      parts.push({ part, path });
      try {
        await writeFile(part, bytes, { flag: 'wx' });
      } catch (error) {
        throw writeFailure(path, error as NodeJS.ErrnoException);
      }
    }
    for (const { part, path } of parts) {
      try {
        await rename(part, path);
      } catch (error) {
        throw writeFailure(path, error as NodeJS.ErrnoException);
      }
    }
  } catch (error) {
    await Promise.all(parts.map(({ part }) => rm(part, { force: true })));
    throw error;
  }
}

export function createDesktopFiles({
  services,
  dialogs,
  readImportFile,
  openedPath,
}: DesktopFilesDeps): DesktopFiles {
  /** A contract call made in main, its error value thrown with its code for the shell channel. */
  async function call<K extends Channel>(channel: K, input: Input<K>): Promise<Output<K>> {
    const result = await invokeService(services(), channel, input);
    if (!result.ok) throw new ShellError(result.error.code, result.error.message);
    return result.value as Output<K>;
  }

  async function save(files: readonly ExportFile[]): Promise<SavedFiles> {
    if (files.length === 1) {
      const path = await dialogs.chooseSaveFile(files[0]!.fileName);
      if (!path) return { saved: false };
      await writeAll([{ path, bytes: bytesOf(files[0]!) }]);
      return { saved: true, paths: [path], folder: null };
    }
    const folder = await dialogs.chooseFolder(files.length);
    if (!folder) return { saved: false };
    const targets = files.map((file) => ({
      path: join(folder, file.fileName),
      bytes: bytesOf(file),
    }));
    const existing = targets.filter((t) => existsSync(t.path)).map((t) => basename(t.path));
    if (existing.length > 0 && !(await dialogs.confirmReplace(folder, existing)))
      return { saved: false };
    await writeAll(targets);
    return { saved: true, paths: targets.map((t) => t.path), folder };
  }

  /**
   * Any number of picked files, read a batch at a time within the contract's limits: every
   * batch is checked before the first is imported, as the CLI and browser mode do.
   */
  async function importPaths(paths: readonly string[]): Promise<ImportOutcome> {
    const send = async (batch: readonly string[], dryRun: boolean) => {
      const files: PickedFile[] = [];
      for (const path of batch) files.push(await readImportFile(path));
      return invokeService(services(), 'import.files', { files, dryRun }) as Promise<
        Result<ImportOutcome>
      >;
    };
    const batches = planBatches(paths, sizeOnDisk, CLI_IMPORT_BATCH);
    const result = await importBatches(batches, send, (path) => basename(path));
    if (!result.ok) throw new ShellError(result.error.code, result.error.message);
    return result.value;
  }

  return {
    // Rendered first, so a selection with nothing in it is said before any dialog opens.
    exportTo: async (input) => save((await call('export.stories', input)).files),
    handoffTo: async (input) => save([await call('stories.handoff', input)]),
    async importPicked() {
      const paths = await dialogs.pickImportPaths();
      if (paths.length === 0) return null;
      return importPaths(paths);
    },
    async importOpened(requestId) {
      const path = openedPath(requestId);
      if (!path)
        throw new ShellError('NOT_FOUND', 'That file was already imported, or never opened.');
      return importPaths([path]);
    },
  };
}
