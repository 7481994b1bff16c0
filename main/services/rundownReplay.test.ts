import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { replayChanges } from '../../shared/rundown/replay';
import type { Rundown } from '../../shared/rundown/model';
import { makeRow, makeRundown } from '../../shared/rundown/testing/makeRundown';
import { closeArchives, serviceCaller } from './testing/rundownShow';

afterEach(closeArchives);

const SIX_PM = 18 * 3600;

/** One thing a producer does to a show, on the row at `at` (taken modulo the rows there are). */
const opArb = fc.oneof(
  fc.record({ op: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('float' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('set' as const),
    at: fc.nat(),
    field: fc.constantFrom('hitSec', 'actualSec', 'estSec', 'page', 'label'),
    value: fc.option(fc.integer({ min: 1, max: 600 }), { freq: 4 }),
  }),
  fc.record({ op: fc.constant('add' as const), to: fc.nat() }),
  fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('retitle' as const), title: fc.constantFrom('LATE NEWS', '6 PM') }),
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

const shown = (r: Rundown) => ({ ...r, version: 0, updatedAt: '' });

describe('a desk’s changes made again on the newsroom’s version', () => {
  it('give what the desk has when nobody else changed the show', async () => {
    const { call } = serviceCaller();
    let made = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 14 }), async (ops: Op[]) => {
        let d = await call('rundowns.create', {
          title: `SHOW ${++made}`,
          airDate: '2026-11-30',
          onAirSec: SIX_PM,
          lengthSec: 1800,
        });
        const id = d.rundown.id;
        for (const label of ['HEADLINES', 'WEATHER', 'SPORTS', 'GOODNIGHT'])
          d = await call('rundowns.addRow', { id, row: { kind: 'item', label, estSec: 30 } });
        const base = d.rundown;
        const seen = (await call('rundowns.history', { id })).length;

        for (const op of ops) {
          const rows = d.rundown.rows;
          const row = rows.length > 0 ? rows[('at' in op ? op.at : 0) % rows.length]! : null;
          if (op.op === 'add')
            d = await call('rundowns.addRow', {
              id,
              row: { kind: 'break', label: 'BREAK', estSec: 120 },
              at: op.to % (rows.length + 1),
            });
          else if (op.op === 'retitle') d = await call('rundowns.update', { id, title: op.title });
          else if (!row) continue;
          else if (op.op === 'move')
            d = await call('rundowns.moveRow', { id, rowId: row.id, to: op.to % rows.length });
          else if (op.op === 'float')
            d = await call('rundowns.setRow', { id, rowId: row.id, floated: !row.floated });
          else if (op.op === 'remove') d = await call('rundowns.removeRow', { id, rowId: row.id });
          else {
            const value =
              op.field === 'page'
                ? op.value === null
                  ? null
                  : `P${op.value}`
                : op.field === 'label'
                  ? `ROW ${op.value ?? 0}`
                  : op.field === 'hitSec' && op.value !== null
                    ? SIX_PM + op.value
                    : op.value;
            d = await call('rundowns.setRow', { id, rowId: row.id, [op.field]: value });
          }
        }

        // The history lists the newest first: the desk's own, oldest first.
        const history = (await call('rundowns.history', { id })).slice(0, -seen || undefined);
        const replayed = replayChanges(base, d.rundown, history.reverse());
        expect(shown(replayed)).toEqual(shown(d.rundown));
      }),
      { numRuns: 100 },
    );
  });

  it('keeps both desks’ work: the other desk’s order and float, this desk’s values and break', () => {
    const row = makeRow;
    const base: Rundown = {
      ...makeRundown(['alpha', 'bravo', 'charlie', 'delta', 'echo'].map((id) => row(id))),
      version: 3,
    };
    // The other desk, first to the newsroom: ECHO to the top, BRAVO floated.
    const theirs: Rundown = {
      ...base,
      version: 5,
      rows: [
        row('echo'),
        row('alpha'),
        row('bravo', { floated: true }),
        row('charlie'),
        row('delta'),
      ],
    };
    // This desk: ALPHA's actual, a hit on DELTA, a break after CHARLIE, and the show retitled.
    const mine: Rundown = {
      ...base,
      title: '6 PM NEWS LATE',
      version: 6,
      rows: [
        row('alpha', { actualSec: 95 }),
        row('bravo'),
        row('charlie'),
        row('break', { kind: 'break', label: 'BREAK 1', estSec: 120 }),
        row('delta', { hitSec: SIX_PM + 600 }),
        row('echo'),
      ],
    };
    const merged = replayChanges(theirs, mine, [
      { action: 'actual', rowId: 'alpha', detail: { from: null, to: 95 } },
      { action: 'hit', rowId: 'delta', detail: { from: null, to: SIX_PM + 600 } },
      { action: 'added', rowId: 'break', detail: { to: 4 } },
      { action: 'edited', rowId: null, detail: { from: 'title' } },
      // A change to a row the other desk took out goes with the row.
      { action: 'actual', rowId: 'gone', detail: { to: 60 } },
    ]);
    expect(merged.title).toBe('6 PM NEWS LATE');
    // The break goes after CHARLIE, where this desk put it, in the other desk's order.
    expect(merged.rows.map((r) => r.id)).toEqual([
      'echo',
      'alpha',
      'bravo',
      'charlie',
      'break',
      'delta',
    ]);
    expect(merged.rows.find((r) => r.id === 'alpha')!.actualSec).toBe(95);
    expect(merged.rows.find((r) => r.id === 'bravo')!.floated).toBe(true);
    expect(merged.rows.find((r) => r.id === 'delta')!.hitSec).toBe(SIX_PM + 600);
  });
});
