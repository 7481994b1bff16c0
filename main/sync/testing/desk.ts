import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive, type Archive } from '../../archive/open';
import { createServices, invokeService } from '../../services/serviceTable';
import type { Channel, Input, Output } from '../../../shared/ipc/contract';
import type { ServiceErrorValue } from '../../../shared/ipc/result';
import { deskSync, type DeskSync } from '../deskSync';

/** A desk for tests: its own archive in a temporary folder, its services and its newsroom sync. */
export type TestDesk = {
  label: string;
  archive: Archive;
  sync: DeskSync;
  /** A service call that returns its value or throws the error value. */
  call<K extends Channel>(channel: K, input: Input<K>): Promise<Output<K>>;
  /** A service call that must fail; resolves to its error. */
  refused<K extends Channel>(channel: K, input: Input<K>): Promise<ServiceErrorValue>;
  close(): Promise<void>;
};

export function openDesk(label: string, options: { heartbeatMs?: number } = {}): TestDesk {
  const dir = mkdtempSync(join(tmpdir(), `copydesk-desk-${label}-`));
  const archive = openArchive(join(dir, 'archive.sqlite'));
  const sync = deskSync({ archive, deskLabel: label, heartbeatMs: options.heartbeatMs ?? 200 });
  const services = createServices({
    archive,
    version: 'test',
    newsroom: sync,
    onChange: (change) => sync.onChange(change),
  });
  const invoke = async (channel: Channel, input: unknown) =>
    invokeService(services, channel, input);
  return {
    label,
    archive,
    sync,
    async call(channel, input) {
      const result = await invoke(channel, input);
      if (!result.ok)
        throw new Error(`${channel} refused: ${result.error.code}: ${result.error.message}`);
      return result.value as never;
    },
    async refused(channel, input) {
      const result = await invoke(channel, input);
      if (result.ok) throw new Error(`${channel} was expected to be refused`);
      return result.error;
    },
    async close() {
      await sync.stop();
      archive.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
