import { HTTP_IMPORT_BATCH, planBatches } from '../../shared/import/batches';
import type { PickedFile } from '../../shared/ipc/api';
import type { Result } from '../../shared/ipc/result';
import type { ImportOutcome } from '../../shared/ipc/types';
import { call } from './calls';

export type ImportProgress = (step: 'checking' | 'importing', done: number, total: number) => void;

/**
 * Sends an import in batches the contract and browser mode's server take (at most 100 files and
 * 12 MB of base64 a request), instead of one request the server refuses as too large. With more
 * than one batch every batch is checked first, so one bad file still means nothing imported.
 */
export async function importInBatches(
  files: readonly PickedFile[],
  onProgress: ImportProgress = () => {},
): Promise<Result<ImportOutcome>> {
  const batches = planBatches(files, (f) => f.dataBase64.length + f.name.length, HTTP_IMPORT_BATCH);
  // The caller shows the failure, with what was imported before it.
  const quiet = { showsFailure: true };
  if (batches.length === 1) return call('import.files', { files: batches[0]! }, quiet);
  let done = 0;
  for (const batch of batches) {
    const checked = await call('import.files', { files: batch, dryRun: true }, quiet);
    if (!checked.ok) return checked;
    onProgress('checking', (done += batch.length), files.length);
  }
  const outcome: ImportOutcome = { stories: [], merged: [], dropped: [] };
  done = 0;
  for (const batch of batches) {
    const result = await call('import.files', { files: batch }, quiet);
    if (!result.ok) {
      if (done === 0) return result;
      return {
        ok: false,
        error: {
          ...result.error,
          message: `${result.error.message} The first ${done} of ${files.length} files were imported; import the rest again, starting with “${batch[0]!.name}”.`,
        },
      };
    }
    outcome.stories.push(...result.value.stories);
    outcome.merged.push(...result.value.merged);
    outcome.dropped.push(...result.value.dropped);
    onProgress('importing', (done += batch.length), files.length);
  }
  return { ok: true, value: outcome };
}
