import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { showTiming, type TimedRow } from './timing';

const ON_AIR = 18 * 3600;
const OFF_AIR = ON_AIR + 30 * 60;

const row = (durSec: number, extra: Partial<TimedRow> = {}): TimedRow => ({
  durSec,
  floated: false,
  hitSec: null,
  ...extra,
});

/** Random shows: lengths up to five minutes, some rows floated, a few hard hits in order. */
const showArb = fc
  .array(
    fc.record({
      durSec: fc.integer({ min: 0, max: 300 }),
      floated: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
      hitOffset: fc.option(fc.integer({ min: 0, max: 3600 }), { freq: 6 }),
    }),
    { maxLength: 40 },
  )
  .map((rows) =>
    rows.map((r): TimedRow => ({
      durSec: r.durSec,
      floated: r.floated,
      hitSec: r.hitOffset === null ? null : ON_AIR + r.hitOffset,
    })),
  );

describe('showTiming', () => {
  it('runs the fronts on from on-air and back-times to off-air', () => {
    const t = showTiming([row(60), row(90), row(30)], ON_AIR, OFF_AIR);
    expect(t.rows.map((r) => r!.frontSec - ON_AIR)).toEqual([0, 60, 150]);
    expect(t.rows.map((r) => r!.cumeSec)).toEqual([0, 60, 150]);
    expect(t.rows.map((r) => OFF_AIR - r!.backSec)).toEqual([180, 120, 30]);
    expect(t.overUnderSec).toBe(180 - 1800);
    expect(t.totalSec).toBe(180);
  });

  it('starts a hard-hit row at its hit and back-times the rows above to it', () => {
    const hit = ON_AIR + 10 * 60;
    const t = showTiming([row(60), row(90), row(30, { hitSec: hit }), row(45)], ON_AIR, OFF_AIR);
    expect(t.rows[2]!.frontSec).toBe(hit);
    expect(t.rows[3]!.frontSec).toBe(hit + 30);
    expect(t.rows[0]!.backSec).toBe(hit - 150);
    expect(t.rows[1]!.backSec).toBe(hit - 90);
    // The hit row itself and those below it back-time to off-air.
    expect(t.rows[2]!.backSec).toBe(OFF_AIR - 75);
    expect(t.endSec).toBe(hit + 75);
    expect(t.overUnderSec).toBe(hit + 75 - OFF_AIR);
  });

  it('says how heavy or light the rows above run into a hard hit', () => {
    // A block of 6:02 before a hit two minutes in: 4:02 to cut. A hit at 12:00 after 3:00: 9:00 open.
    const heavy = showTiming(
      [row(362), row(30, { hitSec: ON_AIR + 120 }), row(60, { hitSec: ON_AIR + 720 })],
      ON_AIR,
      OFF_AIR,
    );
    expect(heavy.rows.map((r) => r!.intoHitSec)).toEqual([null, 242, 150 - 720]);
    const onTime = showTiming([row(90), row(30, { hitSec: ON_AIR + 90 })], ON_AIR, OFF_AIR);
    expect(onTime.rows[1]!.intoHitSec).toBe(0);
  });

  it('measures every hit from where the rows above would have it start', () => {
    fc.assert(
      fc.property(showArb, (rows) => {
        const t = showTiming(rows, ON_AIR, OFF_AIR);
        let natural = ON_AIR;
        rows.forEach((r, i) => {
          if (r.floated) return;
          const clock = t.rows[i]!;
          if (r.hitSec === null) expect(clock.intoHitSec).toBeNull();
          else expect(clock.intoHitSec).toBe(natural - r.hitSec);
          natural = clock.frontSec + r.durSec;
        });
      }),
    );
  });

  it('leaves a floated row out: no clocks, no time, its hit ignored', () => {
    const t = showTiming(
      [row(60), row(500, { floated: true, hitSec: ON_AIR + 5 }), row(30)],
      ON_AIR,
      OFF_AIR,
    );
    expect(t.rows[1]).toBeNull();
    expect(t.rows[2]!.frontSec).toBe(ON_AIR + 60);
    expect(t.totalSec).toBe(90);
  });

  it('calls a show heavy when it runs past off-air', () => {
    expect(showTiming([row(1830)], ON_AIR, OFF_AIR).overUnderSec).toBe(30);
  });

  it('gives an empty show no rows and all of its length light', () => {
    expect(showTiming([], ON_AIR, OFF_AIR)).toMatchObject({ rows: [], overUnderSec: -1800 });
  });
});

describe('showTiming, for any show', () => {
  const d = (r: TimedRow) => (r.floated ? 0 : r.durSec);

  it('makes each cume the sum of the counted lengths above it', () => {
    fc.assert(
      fc.property(showArb, (rows) => {
        const t = showTiming(rows, ON_AIR, OFF_AIR);
        let sum = 0;
        rows.forEach((r, i) => {
          if (!r.floated) expect(t.rows[i]!.cumeSec).toBe(sum);
          sum += d(r);
        });
        expect(t.totalSec).toBe(sum);
      }),
    );
  });

  it('runs each front on from the one above, except at a hard hit', () => {
    fc.assert(
      fc.property(showArb, (rows) => {
        const t = showTiming(rows, ON_AIR, OFF_AIR);
        let expected = ON_AIR;
        rows.forEach((r, i) => {
          if (r.floated) return expect(t.rows[i]).toBeNull();
          if (r.hitSec !== null) expected = r.hitSec;
          expect(t.rows[i]!.frontSec).toBe(expected);
          expected += r.durSec;
        });
        expect(t.endSec).toBe(expected);
        expect(t.overUnderSec).toBe(expected - OFF_AIR);
      }),
    );
  });

  it('keeps B_i + d_i = B_next for a row with no hard hit below it, and ends on off-air', () => {
    fc.assert(
      fc.property(showArb, (rows) => {
        const t = showTiming(rows, ON_AIR, OFF_AIR);
        const counted = rows.flatMap((r, i) => (r.floated ? [] : [i]));
        const lastHit = counted.findLast((i) => rows[i]!.hitSec !== null) ?? -1;
        for (let k = 0; k < counted.length; k++) {
          const i = counted[k]!;
          if (i < lastHit) continue;
          const next = counted[k + 1];
          const b = t.rows[i]!.backSec + rows[i]!.durSec;
          expect(b).toBe(next === undefined ? OFF_AIR : t.rows[next]!.backSec);
        }
      }),
    );
  });

  it('back-times the row just above a hard hit so it ends on the hit', () => {
    fc.assert(
      fc.property(showArb, (rows) => {
        const t = showTiming(rows, ON_AIR, OFF_AIR);
        const counted = rows.flatMap((r, i) => (r.floated ? [] : [i]));
        for (let k = 1; k < counted.length; k++) {
          const [above, i] = [counted[k - 1]!, counted[k]!];
          if (rows[i]!.hitSec === null) continue;
          expect(t.rows[above]!.backSec + rows[above]!.durSec).toBe(rows[i]!.hitSec);
        }
      }),
    );
  });

  it('changes no time when a floated row is moved', () => {
    fc.assert(
      fc.property(showArb, fc.nat(), fc.nat(), (rows, from, to) => {
        const floated = rows.flatMap((r, i) => (r.floated ? [i] : []));
        if (floated.length === 0) return;
        const at = floated[from % floated.length]!;
        const moved = [...rows];
        const [r] = moved.splice(at, 1);
        moved.splice(to % (moved.length + 1), 0, r!);
        const clocks = (xs: TimedRow[]) => {
          const t = showTiming(xs, ON_AIR, OFF_AIR);
          return { rows: t.rows.filter((c) => c !== null), end: t.endSec };
        };
        expect(clocks(moved)).toEqual(clocks(rows));
      }),
    );
  });
});
