import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeChange } from './history';
import {
  clashingValues,
  describeClashes,
  describeReplaced,
  replacedValues,
  replayChanges,
  type RecordedChange,
} from './replay';
import { makeRow, makeRundown } from './testing/makeRundown';

const set = (
  rowId: string,
  action: RecordedChange['action'],
  from: number | string | null,
  to: number | string | null,
  slug = rowId.toUpperCase(),
): RecordedChange => ({ action, rowId, detail: { slug, from, to } });

describe('values set at two desks at once', () => {
  it('names the value another desk changed since this desk’s version', () => {
    // This desk moved FIRE's estimate from 1:00 to 2:00; the newsroom has 1:30 from another desk.
    const onto = makeRundown([makeRow('fire', { estSec: 90 }), makeRow('wx')]);
    expect(clashingValues(onto, [set('fire', 'estimate', 60, 120, 'FIRE')])).toEqual([
      { rowId: 'fire', slug: 'FIRE', action: 'estimate', theirs: 90, mine: 120 },
    ]);
  });

  it('finds no clash where nobody else touched the value, or both set the same', () => {
    const onto = makeRundown([makeRow('fire', { estSec: 60, actualSec: 95 })]);
    expect(
      clashingValues(onto, [set('fire', 'estimate', 60, 120), set('fire', 'actual', null, 95)]),
    ).toEqual([]);
  });

  it('compares the first value this desk started from with the last it set', () => {
    // Typed 1:10, then 1:20, then 2:00 here; the other desk's 1:30 is what the first replaced.
    const changes = [
      set('fire', 'estimate', 60, 70),
      set('fire', 'estimate', 70, 80),
      set('fire', 'estimate', 80, 120),
    ];
    const onto = makeRundown([makeRow('fire', { estSec: 90 })]);
    expect(clashingValues(onto, changes)).toMatchObject([{ theirs: 90, mine: 120 }]);
    // Put back to where it started: still a clash with the other desk's value.
    expect(
      clashingValues(onto, [set('fire', 'estimate', 60, 120), set('fire', 'estimate', 120, 60)]),
    ).toMatchObject([{ theirs: 90, mine: 60 }]);
  });

  it('drops a value on a row the other desk took out, and moves and floats', () => {
    const onto = makeRundown([makeRow('wx', { floated: true })]);
    const changes: RecordedChange[] = [
      set('fire', 'hit', null, 18 * 3600),
      { action: 'moved', rowId: 'wx', detail: { from: 2, to: 1 } },
      { action: 'unfloated', rowId: 'wx', detail: {} },
    ];
    expect(clashingValues(onto, changes)).toEqual([]);
  });

  it('finds no clash where both cleared a break’s estimate (stored as 0:00)', () => {
    const onto = makeRundown([makeRow('brk', { kind: 'break', estSec: 0 })]);
    expect(clashingValues(onto, [set('brk', 'estimate', 120, null)])).toEqual([]);
  });

  it('names the values another desk changed on a row this desk took out and put back', () => {
    // Here: WEATHER taken out, then put back (undo) as it was, 0:30. There: made 1:30 meanwhile.
    const mine = makeRundown([makeRow('wx', { estSec: 30 })]);
    const onto = makeRundown([makeRow('wx', { estSec: 90 })]);
    const changes: RecordedChange[] = [
      { action: 'removed', rowId: 'wx', detail: { slug: 'WX', from: 1 } },
      { action: 'added', rowId: 'wx', detail: { slug: 'WX', to: 1 } },
    ];
    expect(clashingValues(onto, changes, mine)).toEqual([
      { rowId: 'wx', slug: 'WX', action: 'estimate', theirs: 90, mine: 30 },
    ]);
  });

  it('names the show’s own details another desk changed too, and not the ones it did not', () => {
    // Here: on air moved from 18:00 to 18:30, renamed, and A's budget set to 10:00.
    const base = makeRundown([makeRow('fire')]);
    const edited = (field: string, from: string | number, to: string | number): RecordedChange =>
      ({ action: 'edited', rowId: null, detail: { field, from, to } }) as RecordedChange;
    const changes = [
      edited('on-air time', base.onAirSec, 18 * 3600 + 1800),
      edited('title', base.title, 'LATE NEWS'),
      edited('block budgets', '{}', '{"A":600}'),
    ];
    // There: on air at 18:15, budgets B 4:00 then A 8:00 (kept in block order), title untouched.
    const onto = { ...base, onAirSec: 18 * 3600 + 900, blockBudgets: { B: 240, A: 480 } };
    expect(clashingValues(onto, changes)).toEqual([
      {
        rowId: null,
        slug: base.title,
        action: 'edited',
        field: 'on-air time',
        theirs: 18 * 3600 + 900,
        mine: 18 * 3600 + 1800,
      },
      {
        rowId: null,
        slug: base.title,
        action: 'edited',
        field: 'block budgets',
        theirs: '{"A":480,"B":240}',
        mine: '{"A":600}',
      },
    ]);
    // Nobody else changed them: no clash. Entries recorded before they carried values: none.
    expect(clashingValues(base, changes)).toEqual([]);
    const old = { action: 'edited', rowId: null, detail: { from: 'on-air time' } } as const;
    expect(clashingValues(onto, [old])).toEqual([]);
    // Made again on the newer version, this desk's details stand; old entries too.
    const mine = { ...base, title: 'LATE NEWS', onAirSec: 18 * 3600 + 1800 };
    expect(replayChanges(onto, mine, [old]).onAirSec).toBe(18 * 3600 + 1800);
    expect(replayChanges(onto, mine, changes.slice(0, 2))).toMatchObject({
      title: 'LATE NEWS',
      onAirSec: 18 * 3600 + 1800,
      blockBudgets: { B: 240, A: 480 },
    });
  });

  it('words a show detail’s change in the history with its values, and an older entry without', () => {
    const entry = (detail: object) => ({ action: 'edited' as const, detail });
    expect(describeChange(entry({ field: 'on-air time', from: 64_800, to: 66_600 }))).toBe(
      'Changed the show’s on-air time: 18:00:00 → 18:30:00',
    );
    expect(describeChange(entry({ field: 'length', from: 1800, to: 1740 }))).toBe(
      'Changed the show’s length: 30:00 → 29:00',
    );
    expect(
      describeChange(entry({ field: 'block budgets', from: '{}', to: '{"A":600,"B":240}' })),
    ).toBe('Changed the show’s block budgets: none → A 10:00, B 4:00');
    // Budgets too long to record: named without values; an entry from before values: the same.
    expect(describeChange(entry({ field: 'block budgets' }))).toBe(
      'Changed the show’s block budgets',
    );
    expect(describeChange(entry({ from: 'title' }))).toBe('Changed the show’s title');
  });

  it('says which row, which value and whose, in the producer’s units', () => {
    const text = describeClashes([
      { rowId: 'a', slug: 'FIRE', action: 'estimate', theirs: 90, mine: 120, by: 'Anna Lee' },
      { rowId: 'b', slug: 'B1 OPEN', action: 'hit', theirs: 65_100, mine: 65_160 },
      { rowId: 'c', slug: 'WX', action: 'page', theirs: 'C4', mine: null },
      {
        rowId: null,
        slug: '6 PM NEWS',
        action: 'edited',
        field: 'on-air time',
        theirs: 64_800,
        mine: 66_600,
        by: 'Cho Min-ho',
      },
    ]);
    expect(text).toBe(
      'Changed at another desk too, and yours was kept. ' +
        'The show’s on-air time: yours, 18:30:00, replaced Cho Min-ho’s 18:00:00; ' +
        'FIRE’s estimate: yours, 2:00, replaced Anna Lee’s 1:30; ' +
        'B1 OPEN’s hard hit: yours, 18:06:00, replaced another desk’s 18:05:00; ' +
        'WX’s page: yours, auto, replaced another desk’s C4.',
    );
  });

  it('is empty whenever every value on the newer version is one this desk started from', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            row: fc.constantFrom('a', 'b', 'c'),
            action: fc.constantFrom('hit', 'actual', 'estimate' as const),
            to: fc.option(fc.integer({ min: 1, max: 900 })),
          }),
          { maxLength: 20 },
        ),
        (edits) => {
          // The newsroom's version is the one this desk started from: nobody else changed it.
          const base = makeRundown(['a', 'b', 'c'].map((id) => makeRow(id)));
          const have = new Map(base.rows.map((r) => [r.id, { ...r }]));
          const changes = edits.map(({ row, action, to }) => {
            const r = have.get(row)! as Record<string, unknown>;
            const key = action === 'hit' ? 'hitSec' : action === 'actual' ? 'actualSec' : 'estSec';
            const from = r[key] as number | null;
            r[key] = to;
            return set(row, action, from, to);
          });
          expect(clashingValues(base, changes)).toEqual([]);
        },
      ),
    );
  });
});

describe('values another desk set over this desk’s', () => {
  const by = (author: string, change: RecordedChange) => ({ ...change, author });
  const setHere = (...keys: string[]) => new Set(keys);

  it('names the values set here that another desk’s kept change replaced without seeing them', () => {
    // Here: FIRE 1:30 and WX 0:30, both set here and sent. Lee, on the version before, made
    // FIRE 2:00 from 1:00; then WX 0:45 from this desk's 0:30, knowing it.
    const here = makeRundown([makeRow('fire', { estSec: 90 }), makeRow('wx', { estSec: 30 })]);
    const now = makeRundown([makeRow('fire', { estSec: 120 }), makeRow('wx', { estSec: 45 })]);
    const replaced = replacedValues(
      here,
      now,
      [
        by('Lee', set('fire', 'estimate', 60, 120, 'FIRE')),
        by('Lee', set('wx', 'estimate', 30, 45, 'WX')),
      ],
      setHere('row fire estimate', 'row wx estimate'),
    );
    expect(replaced).toEqual([
      { rowId: 'fire', slug: 'FIRE', action: 'estimate', theirs: 120, mine: 90, by: 'Lee' },
    ]);
    expect(describeReplaced(replaced)).toBe(
      'Changed at another desk too, and theirs was kept. FIRE’s estimate: Lee’s 2:00 replaced 1:30 here.',
    );
  });

  it('says nothing of a value this desk did not set, one it keeps, or a row gone', () => {
    const here = makeRundown([makeRow('fire', { estSec: 90 }), makeRow('wx', { estSec: 30 })]);
    const now = makeRundown([makeRow('fire', { estSec: 120 })]);
    const changes = [
      by('Lee', set('fire', 'estimate', 60, 120)),
      by('Lee', set('wx', 'estimate', 60, 120)),
    ];
    // FIRE's last change here came from another desk (or it was never changed here).
    expect(replacedValues(here, now, changes, setHere('row wx estimate'))).toEqual([]);
    // The value stored here is still this desk's (its unsent change made again on top).
    expect(replacedValues(here, here, changes, setHere('row fire estimate'))).toEqual([]);
  });

  it('counts a change after one that started from this desk’s value as made knowing it', () => {
    // Here: 18:30 set here. Bo moved it from 18:30 to 18:40 (seeing it), then Cho to 18:15.
    const base = makeRundown([makeRow('brk', { kind: 'break', estSec: 0 })]);
    const here = { ...base, onAirSec: 66_600 };
    const now = { ...base, onAirSec: 65_700 };
    const edited = (from: number, to: number): RecordedChange => ({
      action: 'edited',
      rowId: null,
      detail: { field: 'on-air time', from, to },
    });
    const key = setHere('show on-air time', 'row brk estimate');
    expect(
      replacedValues(
        here,
        now,
        [by('Bo', edited(66_600, 67_200)), by('Cho', edited(67_200, 65_700))],
        key,
      ),
    ).toEqual([]);
    // Without Bo's: Cho's change, made over this desk's, is named.
    expect(replacedValues(here, now, [by('Cho', edited(64_800, 65_700))], key)).toEqual([
      {
        rowId: null,
        slug: base.title,
        action: 'edited',
        field: 'on-air time',
        theirs: 65_700,
        mine: 66_600,
        by: 'Cho',
      },
    ]);
    // A break's estimate cleared at the other desk is stored as 0:00, as here: nothing replaced.
    expect(replacedValues(here, now, [by('Lee', set('brk', 'estimate', 120, null))], key)).toEqual(
      [],
    );
  });
});
