import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { ok, type Result } from '../../shared/ipc/result';
import { DEFAULT_MOS_SETTINGS, type MosSettings } from '../../shared/mos/model';
import { fakeArchive, NO_MOS_DEVICES } from '../testing/fakeApi';
import { render, settle, unmountAll } from '../testing/dom';
import { MosDevicesSection } from './MosDevicesSection';

vi.mock('../api/client', async () => (await import('../testing/fakeApi')).fakeClient);

afterEach(() => {
  unmountAll();
  fakeArchive.reset();
});

const pressEnter = (field: Element) =>
  act(() => {
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });

describe('Settings → MOS devices', () => {
  it('saves the MOS settings once for a second Enter while the first is on its way', async () => {
    // Each save stops and starts every link: a second one, a moment after, did it all twice.
    let answer: () => void = () => {};
    fakeArchive.answer({
      ...NO_MOS_DEVICES,
      'mos.settings.save': (input) =>
        new Promise<Result<MosSettings>>((resolve) => {
          answer = () => resolve(ok({ ...DEFAULT_MOS_SETTINGS, ...input }));
        }),
    });
    const host = render(<MosDevicesSection />);
    await settle();
    const ncsId = host.querySelector('details input')!;
    pressEnter(ncsId);
    await settle();
    pressEnter(ncsId);
    await settle();
    expect(fakeArchive.callsTo('mos.settings.save')).toHaveLength(1);
    const save = [...host.querySelectorAll('button')].find(
      (b) => b.textContent === 'Save MOS settings',
    )!;
    expect(save.getAttribute('aria-disabled')).toBe('true');
    await act(async () => answer());
    expect(host.textContent).toContain('MOS settings saved: every link starts again.');
    // Once it is saved, the next Enter saves again.
    pressEnter(ncsId);
    await settle();
    expect(fakeArchive.callsTo('mos.settings.save')).toHaveLength(2);
  });
});
