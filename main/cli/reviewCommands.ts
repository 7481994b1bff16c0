import { createInterface } from 'node:readline/promises';
import { resolve } from 'node:path';
import type { Archive } from '../archive/open';
import { backupArchive, restoreArchive, verifyArchiveFile } from '../archive/backup';
import { quickCheck } from '../archive/open';
import { STORY_STATUSES, type StoryStatus } from '../../shared/story/model';
import { STATUS_LABELS } from '../../shared/story/workflow';
import type { Channel, Input, Output } from '../../shared/ipc/contract';

type Call = <K extends Channel>(channel: K, input: Input<K>) => Promise<Output<K>>;
type Io = {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  confirm: (question: string) => Promise<boolean>;
};

export class CliUsageError extends Error {}

export async function historyCommand(
  args: readonly string[],
  json: boolean,
  call: Call,
  io: Io,
): Promise<number> {
  const [id, ...rest] = args;
  if (!id || rest.length) throw new CliUsageError('history needs one story ID');
  const history = await call('stories.history', { id });
  if (json) {
    io.stdout(`${JSON.stringify(history, null, 2)}\n`);
    return 0;
  }
  for (const r of history.revisions) {
    const marker = r.id === history.head ? '*' : ' ';
    const what = r.kind === 'status' ? `status → ${STATUS_LABELS[r.status]}` : r.kind;
    io.stdout(
      `${marker} ${String(r.number).padStart(3)}  ${r.at.slice(0, 19).replace('T', ' ')}  ${(r.author || '?').padEnd(18)} ${what}${r.note ? `  “${r.note}”` : ''}\n`,
    );
  }
  if (history.conflict)
    io.stdout(`A diverging version from a package is waiting: ${history.conflict}\n`);
  return 0;
}

export async function statusCommand(
  args: readonly string[],
  note: string | undefined,
  json: boolean,
  call: Call,
  io: Io,
): Promise<number> {
  const [id, status, ...rest] = args;
  if (!id || !status || rest.length)
    throw new CliUsageError('status needs a story ID and a STATUS');
  if (!(STORY_STATUSES as readonly string[]).includes(status)) {
    throw new CliUsageError(`STATUS is one of ${STORY_STATUSES.join(', ')}`);
  }
  const story = await call('stories.setStatus', {
    id,
    status: status as StoryStatus,
    note: note ?? '',
  });
  io.stdout(
    json
      ? `${JSON.stringify({ id: story.id, slug: story.slug, status: story.status }, null, 2)}\n`
      : `${story.slug || story.id}: ${STATUS_LABELS[story.status]}\n`,
  );
  return 0;
}

export async function backupCommand(
  args: readonly string[],
  json: boolean,
  archive: Archive,
  io: Io,
): Promise<number> {
  const [path, ...rest] = args;
  if (!path || rest.length) throw new CliUsageError('backup needs a PATH to write');
  const made = await backupArchive(archive.db, resolve(path));
  io.stdout(
    json
      ? `${JSON.stringify(made, null, 2)}\n`
      : `Backed up ${archive.path} to ${made.path} (${made.bytes.toLocaleString('en')} bytes, checked).\n`,
  );
  return 0;
}

export async function restoreCommand(
  args: readonly string[],
  yes: boolean,
  json: boolean,
  archive: Archive,
  io: Io,
): Promise<number> {
  const [path, ...rest] = args;
  if (!path || rest.length) throw new CliUsageError('restore needs the PATH of a backup');
  const source = resolve(path);
  verifyArchiveFile(source);
  if (!yes) {
    if (!io.isTTY)
      throw new CliUsageError('restore replaces the whole archive: confirm with --yes');
    if (
      !(await io.confirm(
        `Replace everything in ${archive.path} with ${source}? A copy of the current archive is kept. [y/N] `,
      ))
    ) {
      io.stderr('Nothing was restored.\n');
      return 1;
    }
  }
  const { safetyCopy } = await restoreArchive(archive.db, archive.path, source);
  io.stdout(
    json
      ? `${JSON.stringify({ restored: source, safetyCopy }, null, 2)}\n`
      : `Restored ${archive.path} from ${source}. The archive as it was is kept at ${safetyCopy}.\n`,
  );
  return 0;
}

export function checkCommand(json: boolean, archive: Archive, io: Io): number {
  quickCheck(archive.db, archive.path);
  io.stdout(json ? '{ "ok": true }\n' : `${archive.path}: no problems found.\n`);
  return 0;
}

export async function askOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}
