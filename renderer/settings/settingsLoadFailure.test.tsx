import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../shared/ipc/result';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { fakeArchive } from '../testing/fakeApi';
import { button, click, render, settle, unmountAll } from '../testing/dom';
import { App } from '../app/App';

vi.mock('../api/client', async () => (await import('../testing/fakeApi')).fakeClient);

const STORED: Settings = {
  ...DEFAULT_SETTINGS,
  displayName: 'Kim Min-ji',
  presenters: [
    {
      name: 'Dana Reyes',
      rates: { wordsPerMinute: 165, hangulSyllablesPerMinute: 340, cjkCharactersPerMinute: 300 },
    },
  ],
};

beforeEach(() => {
  // Each failed call is also reported to the console; these failures are the point.
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  fakeArchive.answer({ 'log.rendererError': () => ok({ logged: true }) });
});
afterEach(() => {
  unmountAll();
  fakeArchive.reset();
  vi.restoreAllMocks();
});

function settingsDialog(): HTMLElement {
  const dialog = document.querySelector<HTMLElement>('[data-testid="settings-dialog"]');
  if (!dialog) throw new Error('the Settings dialog is not open');
  return dialog;
}

/** Opens the app's Settings and saves them as the dialog shows them. */
async function saveSettingsAsRead(): Promise<void> {
  const page = render(<App />);
  await settle();
  click(button(page, 'Settings'));
  await settle();
  settingsDialog().querySelector('form')!.requestSubmit();
  await settle();
}

describe('settings that could not be read', () => {
  it('are never saved over the stored ones (the presenters were replaced by defaults)', async () => {
    fakeArchive.answer({
      'settings.get': () => fail('ARCHIVE_UNAVAILABLE', 'The archive cannot be read just now.'),
      'settings.save': (input) => ok(input as Settings),
    });
    const page = render(<App />);
    await settle();
    click(button(page, 'Settings'));
    await settle();
    const form = settingsDialog().querySelector('form')!;
    const save = button(settingsDialog(), 'Save settings');
    click(save);
    form.requestSubmit();
    await settle();
    expect(fakeArchive.callsTo('settings.save')).toEqual([]);
    expect(settingsDialog().textContent).toContain('could not be read');
  });

  it('are read again when the dialog opens, and then saved as edited', async () => {
    let reads = 0;
    fakeArchive.answer({
      'settings.get': () =>
        ++reads === 1
          ? fail('ARCHIVE_UNAVAILABLE', 'The archive cannot be read just now.')
          : ok(STORED),
      'settings.save': (input) => ok(input as Settings),
    });
    await saveSettingsAsRead();
    expect(fakeArchive.callsTo('settings.save')).toEqual([STORED]);
  });
});

describe('settings that are not right', () => {
  it('say what is wrong in the words the archive uses, not in the checker’s', async () => {
    fakeArchive.answer({
      'settings.get': () =>
        ok({ ...STORED, presenters: [{ ...STORED.presenters[0]!, name: ' ' }] }),
      'settings.save': (input) => ok(input as Settings),
    });
    await saveSettingsAsRead();
    expect(fakeArchive.callsTo('settings.save')).toEqual([]);
    expect(settingsDialog().textContent).toContain('A presenter’s name must not be empty.');
  });
});
