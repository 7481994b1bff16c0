import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../shared/ipc/result';
import { fakeArchive } from '../testing/fakeApi';
import { call, showFailuresWith } from './calls';
import { failureText } from './callFailures';

vi.mock('./client', async () => (await import('../testing/fakeApi')).fakeClient);

const stops: (() => void)[] = [];
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  fakeArchive.reset();
  vi.restoreAllMocks();
});

function collectNotices(): string[] {
  const shown: string[] = [];
  stops.push(showFailuresWith((text) => shown.push(text)));
  return shown;
}

describe('a call to main', () => {
  it('hands back what main answered, ok or not', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    collectNotices();
    expect(await call('tags.list', {})).toEqual(ok([]));
    fakeArchive.answer({ 'tags.list': () => fail('ARCHIVE_CORRUPT', 'The archive is damaged.') });
    expect(await call('tags.list', {})).toEqual(fail('ARCHIVE_CORRUPT', 'The archive is damaged.'));
  });

  it('shows a failure in words and logs it with its channel and code', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const shown = collectNotices();
    fakeArchive.answer({
      'archive.backups': () => fail('ARCHIVE_UNAVAILABLE', 'The archive cannot be read.'),
      'log.rendererError': () => ok({ logged: true }),
    });
    await call('archive.backups', {});
    expect(shown).toEqual(['Could not list the backups. The archive cannot be read.']);
    expect(fakeArchive.callsTo('log.rendererError')).toEqual([
      {
        source: 'call',
        name: 'archive.backups',
        message: 'ARCHIVE_UNAVAILABLE: The archive cannot be read.',
      },
    ]);
  });

  it('leaves the notice to a caller that shows the failure itself, and still logs it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const shown = collectNotices();
    fakeArchive.answer({ 'settings.save': () => fail('LOCKED', 'Locked.') });
    await call('settings.save', {}, { showsFailure: true });
    expect(shown).toEqual([]);
    expect(fakeArchive.callsTo('log.rendererError')).toHaveLength(1);
  });

  it('keeps failures that come before anyone can show them, and shows them then', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    fakeArchive.answer({ 'pronouncers.list': () => fail('ARCHIVE_UNAVAILABLE', 'Not now.') });
    await call('pronouncers.list', {});
    expect(collectNotices()).toEqual(['Could not read the pronouncer dictionary. Not now.']);
  });

  it('turns a rejected invoke (main went away) into an error value', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const shown = collectNotices();
    fakeArchive.answer({ 'tags.list': () => Promise.reject(new Error('handler gone')) });
    const result = await call('tags.list', {});
    expect(result.ok).toBe(false);
    expect(shown[0]).toMatch(/^Could not read the tags\. Copydesk lost touch with its archive/);
  });
});

describe('a failure in words', () => {
  it('keeps messages written for people after what could not be done', () => {
    expect(
      failureText('stories.get', {
        code: 'NOT_FOUND',
        message: 'That story is not in the archive (it may have been deleted).',
      }),
    ).toBe(
      'Could not open the story. That story is not in the archive (it may have been deleted).',
    );
  });

  it('never shows channel or field names', () => {
    const invalid = failureText('settings.save', {
      code: 'INVALID_INPUT',
      message:
        'Invalid input for settings.save: Too big: expected number to be <=400 (at defaults.wordsPerMinute).',
    });
    expect(invalid).toBe('Could not save the settings. Too big: expected number to be <=400.');
    const internal = failureText('tags.rename', {
      code: 'INTERNAL',
      message: 'Something went wrong in tags.rename; the details are in the log.',
    });
    expect(internal).toBe(
      'Could not rename the tag. Something went wrong inside Copydesk; the details are in the log.',
    );
    for (const text of [invalid, internal])
      expect(text).not.toMatch(/settings\.save|tags\.rename|defaults\./);
  });
});
