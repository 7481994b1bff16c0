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

function showGrid(selectedRowId: string | null, show: Rundown = SHOW, compact = false) {
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
      compact={compact}
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
    const page = openField(host, 'Page of HARBOR BRIDGE');
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

/** The text button showing a cell's value (by its label), or null when the cell is a field. */
function cellText(host: HTMLElement, label: string): HTMLElement | null {
  const named = [...host.querySelectorAll<HTMLElement>('[role=button][aria-label]')].filter((b) => {
    const name = b.getAttribute('aria-label')!;
    // Its name is the label and, when it has one, the value.
    return name === label || name === `${label}: ${b.textContent}`;
  });
  return named[0] ?? null;
}

/** Opens a cell as a person does, by focusing it (a click or Tab), and returns its field. */
function openField(host: HTMLElement, label: string): HTMLInputElement {
  act(() => cellText(host, label)!.focus());
  const input = host.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`)!;
  expect(input).not.toBeNull();
  return input;
}

function key(target: Element, key: string): void {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
}

describe('the running order beside a script', () => {
  it('keeps the Actual column: a length entered after air is the one the clocks run on', () => {
    const aired = makeRundown(
      SHOW.rows.map((r) => (r.id === 'headlines' ? { ...r, estSec: 9, actualSec: 12 } : r)),
    );
    const { host } = showGrid(null, aired, true);
    const heads = [...host.querySelectorAll('[role=columnheader]')].map((h) => h.textContent);
    expect(heads).toEqual(['Page', 'Slug', 'Format', 'Est', 'Actual', 'Front', 'Back']);
    expect(cellText(host, 'Actual length of HEADLINES')!.textContent).toBe('0:12');
    // The next row starts after the 12 seconds that aired, not the 9 estimated.
    const fronts = [...host.querySelectorAll('[role=row][data-row-id]')].map(
      (r) => r.querySelectorAll('.cd-rd-clock')[0]!.textContent,
    );
    expect(fronts.slice(0, 2)).toEqual(['18:00:00', '18:00:12']);
  });

  it('gives the keyboard to the grid when a slug opens its script, so Alt+Up moves that row', () => {
    const { host, grid, calls } = showGrid('bridge', SHOW, true);
    const slug = host.querySelector<HTMLButtonElement>('.cd-rd-slug-button')!;
    act(() => {
      slug.focus();
      slug.click();
    });
    expect(calls.open).toHaveBeenCalledWith(STORY.id);
    expect(document.activeElement).toBe(grid);
  });

  it('shows each story’s status, Draft too, so a producer sees what is not approved yet', () => {
    const { host } = showGrid(null);
    const row = host.querySelector('[role=row][data-row-id="bridge"]')!;
    expect(row.querySelector('.cd-status-badge')?.textContent).toBe('Draft');
  });
});

describe('a cell', () => {
  it('shows its value as text, and no row holds a text field until one is opened', () => {
    const withHit = makeRundown(
      SHOW.rows.map((r) => (r.id === 'weather' ? { ...r, hitSec: 18 * 3600 + 600 } : r)),
    );
    const { host } = showGrid(null, withHit);
    expect(host.querySelectorAll('input')).toHaveLength(0);
    expect(cellText(host, 'Hard hit for WEATHER')!.textContent).toBe('18:10:00');
    // A story's estimate comes from its script until one is typed.
    expect(cellText(host, 'Estimated length of HARBOR BRIDGE')!.textContent).toBe('0:40');
    expect(cellText(host, 'Page of HARBOR BRIDGE')!.textContent).toBe('A2');
  });

  it('takes a typed length on Enter, gives the keyboard back to the grid and shows the text again', () => {
    const { host, grid, calls } = showGrid('bridge');
    const est = openField(host, 'Estimated length of HARBOR BRIDGE');
    expect(document.activeElement).toBe(est);
    typeInto(est, '1:15');
    key(est, 'Enter');
    expect(calls.set.mock.calls).toEqual([['bridge', { estSec: 75 }]]);
    expect(document.activeElement).toBe(grid);
    expect(host.querySelector('input')).toBeNull();
  });

  it('keeps text that is not a time in the field, red, and takes nothing until it is mended', () => {
    const { host, calls } = showGrid('bridge');
    const hit = openField(host, 'Hard hit for HARBOR BRIDGE');
    typeInto(hit, '18:1x');
    key(hit, 'Enter');
    act(() => hit.blur());
    expect(calls.set).not.toHaveBeenCalled();
    expect(hit.isConnected).toBe(true);
    expect(hit.getAttribute('aria-invalid')).toBe('true');
    // Back in the field, mended, and left.
    act(() => hit.focus());
    typeInto(hit, '18:12');
    act(() => hit.blur());
    expect(calls.set.mock.calls).toEqual([['bridge', { hitSec: 18 * 3600 + 12 * 60 }]]);
    expect(host.querySelector('input')).toBeNull();
  });

  it('refuses a length longer than a row can hold (six hours), red, instead of sending it', () => {
    const { host, calls } = showGrid('bridge');
    const actual = openField(host, 'Actual length of HARBOR BRIDGE');
    typeInto(actual, '12:34:56');
    key(actual, 'Enter');
    expect(calls.set).not.toHaveBeenCalled();
    expect(actual.getAttribute('aria-invalid')).toBe('true');
    expect(actual.title).toMatch(/up to 6:00:00/);
    typeInto(actual, '6:00:00');
    key(actual, 'Enter');
    expect(calls.set.mock.calls).toEqual([['bridge', { actualSec: 6 * 3600 }]]);
  });

  it('takes nothing on Escape, nor on leaving a field that was not changed', () => {
    const { host, calls } = showGrid('bridge');
    const page = openField(host, 'Page of HARBOR BRIDGE');
    typeInto(page, 'X9');
    key(page, 'Escape');
    expect(host.querySelector('input')).toBeNull();
    const actual = openField(host, 'Actual length of HARBOR BRIDGE');
    act(() => actual.blur());
    expect(calls.set).not.toHaveBeenCalled();
    expect(cellText(host, 'Page of HARBOR BRIDGE')!.textContent).toBe('A2');
  });

  it('drops what was typed when rows move under it: it never lands on the row that took its place', () => {
    const withHit = makeRundown(
      SHOW.rows.map((r) => (r.id === 'weather' ? { ...r, hitSec: 18 * 3600 + 600 } : r)),
    );
    const { host, redraw, calls } = showGrid('headlines', withHit);
    // Half-typed in the HEADLINES row (first place): a time that is not one yet.
    const hit = openField(host, 'Hard hit for HEADLINES');
    typeInto(hit, '18:1');
    expect(hit.value).toBe('18:1');
    // Another desk moves WEATHER to the top: the first place now shows WEATHER's own values.
    const [headlines, bridge, weather, goodnight] = withHit.rows;
    redraw({ ...withHit, rows: [weather!, headlines!, bridge!, goodnight!] });
    const rows = host.querySelectorAll<HTMLElement>('[role=row][data-row-id]');
    expect(rows[0]!.querySelector('input')).toBeNull();
    expect(cellText(rows[0]!, 'Hard hit for WEATHER')!.textContent).toBe('18:10:00');
    // HEADLINES, one place down, shows its stored hit (none): the half-typed text was dropped,
    // not moved onto another row, and nothing was stored.
    expect(cellText(rows[1]!, 'Hard hit for HEADLINES')!.textContent).toBe('');
    expect(calls.set).not.toHaveBeenCalled();
  });

  it('selects its row when tabbed to, so Enter gives the keyboard back on that row', () => {
    const { host, calls } = showGrid('headlines');
    openField(host, 'Estimated length of WEATHER');
    expect(calls.select).toHaveBeenCalled();
    expect(calls.select.mock.calls.every(([rowId]) => rowId === 'weather')).toBe(true);
  });

  it('stores nothing when passed through, even where its value is unset', () => {
    const unset = makeRundown([makeRow('wall', { estSec: null }), ...SHOW.rows.slice(1)]);
    const { host, calls } = showGrid(null, unset);
    const est = openField(host, 'Estimated length of WALL');
    expect(est.value).toBe('0:00');
    act(() => est.blur());
    key(openField(host, 'Page of WALL'), 'Enter');
    expect(calls.set).not.toHaveBeenCalled();
  });

  it('hands the keyboard to the grid when its row moves away while it has it, and does not come back with the row', () => {
    const { host, grid, redraw, calls } = showGrid('headlines');
    const hit = openField(host, 'Hard hit for HEADLINES');
    typeInto(hit, '18:1x');
    expect(document.activeElement).toBe(hit);
    const [headlines, bridge, weather, goodnight] = SHOW.rows;
    redraw({ ...SHOW, rows: [bridge!, headlines!, weather!, goodnight!] });
    expect(document.activeElement).toBe(grid);
    expect(host.querySelector('input')).toBeNull();
    // Moved back to its place: the row shows its value, not the field it left.
    redraw(SHOW);
    expect(host.querySelector('input')).toBeNull();
    expect(document.activeElement).toBe(grid);
    expect(calls.set).not.toHaveBeenCalled();
  });
});

describe('the pointer on a running order another desk is changing', () => {
  it('selects and opens the row pressed, when another desk’s move redraws its place before the release', async () => {
    const { host, calls, redraw } = showGrid(null);
    const place = (i: number) => host.querySelectorAll<HTMLElement>('[role=row][data-row-id]')[i]!;
    const reordered = { ...SHOW, rows: [SHOW.rows[1]!, SHOW.rows[0]!, ...SHOW.rows.slice(2)] };
    const fire = (target: EventTarget, event: Event) => act(() => void target.dispatchEvent(event));

    // Pressed on HEADLINES (the first place); BRIDGE arrives there before the release.
    fire(place(0), new PointerEvent('pointerdown', { bubbles: true }));
    redraw(reordered);
    expect(place(0).dataset.rowId).toBe('bridge');
    fire(place(0), new MouseEvent('click', { bubbles: true }));
    expect(calls.select).toHaveBeenLastCalledWith('headlines');

    // Released, it is forgotten: the next click acts on what is shown.
    fire(window, new PointerEvent('pointerup', { bubbles: true }));
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    fire(place(0), new MouseEvent('click', { bubbles: true }));
    expect(calls.select).toHaveBeenLastCalledWith('bridge');

    // A press that ends in a drag (the browser cancels the pointer, no release) is forgotten too:
    // the keyboard's next row is the one it reaches.
    fire(place(1), new PointerEvent('pointerdown', { bubbles: true }));
    fire(window, new PointerEvent('pointercancel', { bubbles: true }));
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    fire(place(2), new FocusEvent('focusin', { bubbles: true }));
    expect(calls.select).toHaveBeenLastCalledWith('weather');

    // A double click on BRIDGE's place that HEADLINES takes before the release opens BRIDGE.
    fire(place(0), new PointerEvent('pointerdown', { bubbles: true }));
    redraw(SHOW);
    fire(place(0), new MouseEvent('dblclick', { bubbles: true }));
    expect(calls.open).toHaveBeenCalledExactlyOnceWith(STORY.id);
  });
});
