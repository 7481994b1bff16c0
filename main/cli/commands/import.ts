import { basename } from 'node:path';
import { CLI_IMPORT_BATCH, planBatches } from '../../../shared/import/batches';
import type { ImportOutcome } from '../../../shared/ipc/types';
import type { ErrorCode } from '../../../shared/ipc/result';
import { readImportBytes, sizeOnDisk } from '../../common/readImportBytes';
import type { Command, CommandContext } from '../command';
import { CliFailure, EXIT, UsageError } from '../exitCodes';
import { print, summaryLine } from '../output';
import { progressOnStderr } from '../progress';

/** Failures that belong to one file; any other (the archive busy, the disk full) stops the run. */
const FILE_FAULTS: ReadonlySet<ErrorCode> = new Set([
  'BAD_FILE',
  'TOO_LARGE',
  'INVALID_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
]);

/** Above this many stories the summary counts them instead of listing each. */
const LIST_AT_MOST = 50;

type Refusal = { code: ErrorCode; message: string };
type Payload = { name: string; dataBase64: string };

async function read(file: string): Promise<Payload> {
  return { name: basename(file), dataBase64: (await readImportBytes(file)).toString('base64') };
}

function refusalOf(error: unknown): Refusal | null {
  const code = (error as { code?: ErrorCode }).code;
  return code !== undefined && FILE_FAULTS.has(code)
    ? { code, message: (error as Error).message }
    : null;
}

/** Every file of a batch checked as the import would; what is wrong with each that fails. */
async function checkBatch(ctx: CommandContext, batch: readonly string[]): Promise<Refusal[]> {
  const refusals: Refusal[] = [];
  const readable: Payload[] = [];
  for (const file of batch) {
    try {
      readable.push(await read(file));
    } catch (error) {
      refusals.push(refusalOf(error) ?? { code: 'BAD_FILE', message: (error as Error).message });
    }
  }
  if (readable.length === 0) return refusals;
  try {
    await ctx.call('import.files', { files: readable, dryRun: true });
  } catch (error) {
    if (!refusalOf(error)) throw error;
    // The batch stops at its first bad file: check them one by one to name every one.
    for (const file of readable) {
      try {
        await ctx.call('import.files', { files: [file], dryRun: true });
      } catch (single) {
        const refusal = refusalOf(single);
        if (!refusal) throw single;
        refusals.push(refusal);
      }
    }
  }
  return refusals;
}

function refuseAll(refusals: readonly Refusal[], total: number): CliFailure {
  const lines = refusals
    .slice(0, 20)
    .map((r) => `  ${r.message.replace(/\s*Nothing was imported\.$/, '')}`)
    .join('\n');
  const more = refusals.length > 20 ? `\n  …and ${refusals.length - 20} more` : '';
  return new CliFailure(
    refusals[0]!.code,
    `${refusals.length} of ${total.toLocaleString('en')} files cannot be imported, so nothing was imported:\n${lines}${more}\nFix or leave out these files and import again.`,
  );
}

/**
 * Any number of files: in batches the contract takes, every file checked before the first is
 * imported (one bad file, nothing imported, and every bad one named), with progress on stderr
 * and a summary at the end.
 */
export const importCommand: Command = {
  name: 'import',
  synopsis: 'FILE...',
  flags: [],
  async run(ctx) {
    const files = ctx.args;
    if (files.length === 0) throw new UsageError('import needs at least one FILE');
    const batches = planBatches(files, sizeOnDisk, CLI_IMPORT_BATCH);
    const many = batches.length > 1;
    const progress = progressOnStderr(files.length, 'files', ctx.io);

    // One batch is one call, all or nothing already; several are all checked first.
    if (many) {
      const refusals: Refusal[] = [];
      let checked = 0;
      for (const batch of batches) {
        refusals.push(...(await checkBatch(ctx, batch)));
        progress.update('Checked', (checked += batch.length));
      }
      progress.finish();
      if (refusals.length === 1) throw new CliFailure(refusals[0]!.code, refusals[0]!.message);
      if (refusals.length > 1) throw refuseAll(refusals, files.length);
    }

    const outcome: ImportOutcome = { stories: [], merged: [], dropped: [] };
    let done = 0;
    for (const batch of batches) {
      let result: ImportOutcome;
      try {
        const payload = [];
        for (const file of batch) payload.push(await read(file));
        result = await ctx.call('import.files', { files: payload });
      } catch (error) {
        progress.finish();
        if (done === 0) throw error;
        const { code, message } = error as CliFailure;
        throw new CliFailure(
          code,
          `${message}\nThe first ${done.toLocaleString('en')} of ${files.length.toLocaleString('en')} files were imported (${outcome.stories.length.toLocaleString('en')} stories); import the rest again, starting with ${batch[0]}.`,
        );
      }
      outcome.stories.push(...result.stories);
      outcome.merged.push(...result.merged);
      outcome.dropped.push(...result.dropped);
      if (many) progress.update('Imported', (done += batch.length));
    }
    progress.finish();

    if (ctx.json) return print(ctx, outcome, () => '');
    const { stdout } = ctx.io;
    const count = outcome.stories.length;
    stdout(
      `Imported ${count.toLocaleString('en')} ${count === 1 ? 'story' : 'stories'}${many ? ` from ${files.length.toLocaleString('en')} files` : ''}:\n`,
    );
    if (count <= LIST_AT_MOST)
      stdout(outcome.stories.map((s) => `  ${summaryLine(s)}`).join('\n') + '\n');
    else stdout('  (too many to list here: `copydesk list` shows them, newest first)\n');
    for (const m of outcome.merged) stdout(`  merged ${m.slug || 'UNTITLED'}: ${m.result}\n`);
    for (const d of outcome.dropped)
      stdout(`  left out of ${d.file}: ${d.lines.map((l) => `“${l}”`).join(', ')}\n`);
    return EXIT.ok;
  },
};
