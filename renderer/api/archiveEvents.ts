/**
 * What changed in the archive, told to every window of the app (the prompter's output window, a
 * second browser tab on the same server): BroadcastChannel reaches the others, and listeners in
 * this window hear it directly.
 */
export type ArchiveEvent =
  | { type: 'story'; id: string; updatedAt: string }
  | { type: 'rundown'; id: string; version: number }
  /** A MOS device was added, changed or removed in Settings. */
  | { type: 'mos-devices' };

const CHANNEL_NAME = 'copydesk-archive';
const local = new Set<(event: ArchiveEvent) => void>();
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME);

channel?.addEventListener('message', (e: MessageEvent<ArchiveEvent>) => {
  for (const listener of local) listener(e.data);
});

export function publishArchiveEvent(event: ArchiveEvent): void {
  for (const listener of local) listener(event);
  channel?.postMessage(event);
}

export function onArchiveEvent(listener: (event: ArchiveEvent) => void): () => void {
  local.add(listener);
  return () => local.delete(listener);
}
