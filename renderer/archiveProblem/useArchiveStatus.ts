import { useCallback, useEffect, useState } from 'react';
import type { ArchiveStatus } from '../../shared/ipc/types';
import type { Result } from '../../shared/ipc/result';
import { call } from '../api/calls';
import { bridge } from '../api/client';

export type ArchiveStatusState = {
  /** Null until the first answer. */
  status: ArchiveStatus | null;
  /** What the last attempt to get past the problem said, if it failed. */
  error: string | null;
  busy: boolean;
  /** Bumped when another archive (or a backup, or read-only access) took the place of the last. */
  generation: number;
  openReadOnly(): Promise<void>;
  openBackup(path: string): Promise<void>;
  /** The desktop app only: a native dialog to pick another archive file. */
  chooseAnother: (() => Promise<void>) | null;
};

/**
 * The archive's state, asked once when the page loads, and the ways past a problem. A way that
 * worked hands back the new state; the app is then mounted afresh on it.
 */
export function useArchiveStatus(): ArchiveStatusState {
  const [status, setStatus] = useState<ArchiveStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    void call('archive.status', {}).then((result) => {
      if (result.ok) setStatus(result.value);
      // A server that does not answer at all: the app starts, and the failure is shown there.
      else setStatus({ state: 'open', path: '', readOnly: false, notice: null });
    });
  }, []);

  const run = useCallback(async (attempt: () => Promise<Result<ArchiveStatus>>) => {
    setBusy(true);
    setError(null);
    const result = await attempt();
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setStatus(result.value);
    setGeneration((g) => g + 1);
  }, []);

  // The screen shows a failure itself, beside the button that caused it.
  const openReadOnly = useCallback(
    () => run(() => call('archive.openReadOnly', {}, { showsFailure: true })),
    [run],
  );
  const openBackup = useCallback(
    (path: string) => run(() => call('archive.openBackup', { path }, { showsFailure: true })),
    [run],
  );
  const chooseAnother = useCallback(async () => {
    if (!bridge) return;
    setError(null);
    const result = await bridge.shell.openArchive({});
    if (!result.ok) return setError(result.error.message);
    // A fresh page for the other archive, as File → Open Archive gives.
    if (result.value.opened) location.reload();
  }, []);

  return {
    status,
    error,
    busy,
    generation,
    openReadOnly,
    openBackup,
    chooseAnother: bridge ? chooseAnother : null,
  };
}
