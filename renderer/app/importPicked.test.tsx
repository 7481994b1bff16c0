import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { ok, type Result } from '../../shared/ipc/result';
import type { ImportOutcome } from '../../shared/ipc/types';
import { fakeArchive } from '../testing/fakeApi';
import { render, settle, unmountAll } from '../testing/dom';
import { App } from './App';

vi.mock('../api/client', async () => (await import('../testing/fakeApi')).fakeClient);

afterEach(() => {
  unmountAll();
  fakeArchive.reset();
});

/** A picked file whose bytes can be read, or (`gone`) one removed from the disk since. */
function pickedFile(name: string, gone = false): File {
  return {
    name,
    arrayBuffer: () =>
      gone
        ? Promise.reject(new DOMException('A requested file could not be found.', 'NotFoundError'))
        : Promise.resolve(new TextEncoder().encode('Bridge closes at noon.').buffer),
  } as unknown as File;
}

function pick(page: HTMLElement, files: File[]) {
  const input = page.querySelector<HTMLInputElement>('[data-testid="import-input"]')!;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const notices = () => [...document.querySelectorAll('.cd-notice > span')].map((n) => n.textContent);

describe('importing picked files in the browser', () => {
  it('says a file that cannot be read any more, and imports nothing', async () => {
    const page = render(<App />);
    await settle();
    pick(page, [pickedFile('rundown notes.txt', true)]);
    await settle();
    expect(notices()).toContain(
      'Could not read “rundown notes.txt”: it may have been moved or deleted since it was picked. Nothing was imported.',
    );
    expect(fakeArchive.callsTo('import.files')).toHaveLength(0);
  });

  it('runs one import at a time, and says so when files are picked during one', async () => {
    let answer: () => void = () => {};
    fakeArchive.answer({
      'import.files': () =>
        new Promise<Result<ImportOutcome>>((resolve) => {
          answer = () => resolve(ok({ stories: [], dropped: [], merged: [] }));
        }),
    });
    const page = render(<App />);
    await settle();
    pick(page, [pickedFile('a.txt'), pickedFile('b.txt')]);
    await settle();
    expect(notices()).toContain('Importing 2 files…');
    pick(page, [pickedFile('a.txt'), pickedFile('b.txt')]);
    await settle();
    expect(fakeArchive.callsTo('import.files')).toHaveLength(1);
    expect(notices()).toContain(
      'An import is still running: pick these files again once it is done.',
    );
    await act(async () => answer());
    await settle();
    pick(page, [pickedFile('c.txt')]);
    await settle();
    expect(fakeArchive.callsTo('import.files')).toHaveLength(2);
  });
});
