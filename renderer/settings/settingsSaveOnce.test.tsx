import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { ok, type Result } from '../../shared/ipc/result';
import { fakeArchive, NO_MOS_DEVICES } from '../testing/fakeApi';
import { render, settle, unmountAll } from '../testing/dom';
import { SettingsDialog } from './SettingsDialog';

vi.mock('../api/client', async () => (await import('../testing/fakeApi')).fakeClient);

afterEach(() => {
  unmountAll();
  fakeArchive.reset();
});

describe('Save settings', () => {
  it('saves once for a second Enter while the first save is on its way', async () => {
    // Each save times every story in the archive again at the new rates.
    let answer: () => void = () => {};
    fakeArchive.answer({
      'settings.save': (input) =>
        new Promise<Result<Settings>>((resolve) => {
          answer = () => resolve(ok(input as Settings));
        }),
      ...NO_MOS_DEVICES,
    });
    const onSaved = vi.fn();
    const onClose = vi.fn();
    const host = render(
      <SettingsDialog
        settings={{ ...DEFAULT_SETTINGS, displayName: 'Robin Desk' }}
        onLoaded={() => {}}
        onSaved={onSaved}
        onClose={onClose}
        onArchiveRestored={() => {}}
        signedInAs={null}
      />,
    );
    await settle();
    const form = host.ownerDocument.querySelector<HTMLFormElement>(
      '[data-testid="settings-dialog"] form',
    )!;
    act(() => form.requestSubmit());
    await settle();
    act(() => form.requestSubmit());
    await settle();
    expect(fakeArchive.callsTo('settings.save')).toHaveLength(1);
    await act(async () => answer());
    await settle();
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
