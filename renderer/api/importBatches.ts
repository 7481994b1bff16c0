import { HTTP_IMPORT_BATCH, importBatches, planBatches } from '../../shared/import/batches';
import type { PickedFile } from '../../shared/ipc/api';
import type { Result } from '../../shared/ipc/result';
import type { ImportOutcome } from '../../shared/ipc/types';
import { call } from './calls';

export type ImportProgress = (step: 'checking' | 'importing', done: number, total: number) => void;

/**
 * Sends an import in batches the contract and browser mode's server take (at most 100 files and
 * 12 MB of base64 a request), instead of one request the server refuses as too large; with more
 * than one batch every batch is checked first.
 */
export function importInBatches(
  files: readonly PickedFile[],
  onProgress?: ImportProgress,
): Promise<Result<ImportOutcome>> {
  const batches = planBatches(files, (f) => f.dataBase64.length + f.name.length, HTTP_IMPORT_BATCH);
  // The caller shows the failure, with what was imported before it.
  const send = (batch: readonly PickedFile[], dryRun: boolean) =>
    call('import.files', { files: [...batch], dryRun }, { showsFailure: true });
  return importBatches(batches, send, (f) => f.name, onProgress);
}
