import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { Rundown } from '../../shared/rundown/model';
import { makeRow, makeRundown } from '../../shared/rundown/testing/makeRundown';
import { viewRundown, type RowStory } from '../../shared/rundown/view';
import { RundownGrid, type RowChange } from './RundownGrid';
import { mount, unmountAll } from '../testing/dom';

afterEach(() => unmountAll());

const STORY: RowStory = {
  id: '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  slug: 'HARBOR BRIDGE',
  format: 'READER',
  presenter: 'Dana Reyes',
  reporter: '',
  status: 'draft',
  trtSec: 40,
  trtEstimated: false,
};

const SHOW: Rundown = makeRundown([
  makeRow('headlines'),
  makeRow('bridge', { kind: 'story', storyId: STORY.id, label: '', estSec: null }),
  makeRow('weather'),
  makeRow('goodnight'),
]);

function showGrid(selectedRowId: string | null, show: Rundown = SHOW) {
  const calls = {
    select: vi.fn<(rowId: string) => void>(),
    move: vi.fn<(rowId: string, to: number) => void>(),
    remove: vi.fn<(rowId: string) => void>(),
    set: vi.fn<(rowId: string, change: RowChange) => void>(),
    open: vi.fn<(storyId: string) => void>(),
  };
  const grid = (rundown: Rundown) => (
    <RundownGrid
      view={viewRundown(rundown, new Map([[STORY.id, STORY]]))}
      selectedRowId={selectedRowId}
      openStoryId={null}
      compact={false}
      onSelect={calls.select}
      onOpenStory={calls.open}
      onMove={calls.move}
      onRemove={calls.remove}
      onSet={calls.set}
    />
  );
  const { host, update } = mount(grid(show));
  const element = host.querySelector<HTMLElement>('[role=grid]')!;
  const press = (key: string, init: KeyboardEventInit = {}, target: Element = element) =>
    act(() => {
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, ...init }));
    });
  return { host, grid: element, calls, press, redraw: (rundown: Rundown) => update(grid(rundown)) };
}

describe('the running order’s keyboard', () => {
  it('is the grid’s: the selected row is its active descendant, and no row takes the focus', () => {
    const { host, grid } = showGrid('bridge');
    const rows = [...host.querySelectorAll<HTMLElement>('[role=row][data-row-id]')];
    expect(grid.tabIndex).toBe(0);
    expect(grid.getAttribute('aria-activedescendant')).toBe(rows[1]!.id);
    expect(rows[1]!.getAttribute('aria-selected')).toBe('true');
    expect(rows.every((r) => !r.hasAttribute('tabindex'))).toBe(true);
  });

  it('moves the selected row with Alt+Up and Alt+Down, and not past either end', () => {
    const { calls, press } = showGrid('bridge');
    press('ArrowDown', { altKey: true });
    press('ArrowUp', { altKey: true });
    expect(calls.move.mock.calls).toEqual([
      ['bridge', 2],
      ['bridge', 0],
    ]);
    const { calls: atTop, press: pressAtTop } = showGrid('headlines');
    pressAtTop('ArrowUp', { altKey: true });
    expect(atTop.move).not.toHaveBeenCalled();
  });

  it('steps through rows, floats with Alt+F, removes with Delete and opens a story with Enter', () => {
    const { calls, press } = showGrid('bridge');
    press('ArrowDown');
    press('f', { altKey: true, code: 'KeyF' });
    press('Enter');
    press('Delete');
    expect(calls.select.mock.calls).toEqual([['weather'], ['weather']]);
    expect(calls.set.mock.calls).toEqual([['bridge', { floated: true }]]);
    expect(calls.open.mock.calls).toEqual([[STORY.id]]);
    expect(calls.remove.mock.calls).toEqual([['bridge']]);
  });

  it('selects the first row on an arrow when none is selected', () => {
    const { calls, press } = showGrid(null);
    press('ArrowDown');
    expect(calls.select.mock.calls).toEqual([['headlines']]);
  });

  it('leaves keys typed in a cell’s field to the field', () => {
    const { host, calls, press } = showGrid('bridge');
    const page = host.querySelector<HTMLInputElement>('input[aria-label^="Page of"]')!;
    press('ArrowDown', { altKey: true }, page);
    press('Delete', {}, page);
    expect(calls.move).not.toHaveBeenCalled();
    expect(calls.remove).not.toHaveBeenCalled();
  });
});

/** Types into a field as React hears it (jsdom has no keyboard). */
function typeInto(input: HTMLInputElement, text: string): void {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('a cell’s typing', () => {
  it('is dropped when rows move under it: it never lands on the row that took its place', () => {
    const hitOf = (host: HTMLElement, i: number) =>
      host.querySelectorAll<HTMLInputElement>(
        '[role=row][data-row-id] input[aria-label^="Hard hit"]',
      )[i]!;
    const estOf = (host: HTMLElement, i: number) =>
      host.querySelectorAll<HTMLInputElement>(
        '[role=row][data-row-id] input[aria-label^="Estimated"]',
      )[i]!;
    const withHit = {
      ...SHOW,
      rows: SHOW.rows.map((r) => (r.id === 'weather' ? { ...r, hitSec: 18 * 3600 + 600 } : r)),
    };
    const { host, redraw } = showGrid('headlines', withHit);
    // Half-typed in the HEADLINES row (first place): a time that is not one yet, and an estimate.
    typeInto(hitOf(host, 0), '18:1');
    typeInto(estOf(host, 0), '0:4');
    expect(hitOf(host, 0).value).toBe('18:1');
    // Another desk moves WEATHER to the top: the first place now shows WEATHER's own values.
    const [headlines, bridge, weather, goodnight] = withHit.rows;
    redraw({ ...withHit, rows: [weather!, headlines!, bridge!, goodnight!] });
    expect(hitOf(host, 0).value).toBe('18:10:00');
    expect(estOf(host, 0).value).toBe('0:30');
    // HEADLINES, one place down, shows its stored hit: the half-typed text was dropped, not moved
    // onto another row.
    expect(hitOf(host, 1).value).toBe('');
  });
});
