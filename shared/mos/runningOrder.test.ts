import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  diffRunningOrders,
  fullRunningOrder,
  MAX_INCREMENTAL_MESSAGES,
  type MosRunningOrder,
  type MosStoryRef,
} from './runningOrder';
import { applyRoMessage, deviceRunningOrder, emptyDevice } from './testing/deviceModel';

const ids = Array.from({ length: 24 }, (_, i) => `row-${i}`);

const story = (id: string, version: number): MosStoryRef => ({
  id,
  storyId: `story-${id}`,
  slug: `SLUG ${id} ${version % 3}`,
  num: `A${version % 4}`,
  text: `<p>${id} v${version % 5}</p>`,
});

/** A running order: some of the ids, in some order, each with a slug, number and text. */
const runningOrderArb = fc
  .tuple(
    fc.shuffledSubarray(ids),
    fc.array(fc.nat(60), { minLength: ids.length, maxLength: ids.length }),
    fc.constantFrom('6 PM NEWS', 'LATE NEWS'),
  )
  .map(([order, versions, slug]): MosRunningOrder => ({
    id: 'copydesk-ro-1',
    slug,
    stories: order.map((id) => story(id, versions[ids.indexOf(id)]!)),
  }));

function sent(ro: MosRunningOrder) {
  const device = emptyDevice();
  for (const m of fullRunningOrder(ro, 'roCreate')) applyRoMessage(device, m);
  return device;
}

describe('diffRunningOrders', () => {
  it('takes a device that has one running order to the next, whatever changed', () => {
    fc.assert(
      fc.property(runningOrderArb, runningOrderArb, (prev, next) => {
        const device = sent(prev);
        for (const m of diffRunningOrders(prev, next)) applyRoMessage(device, m);
        expect(deviceRunningOrder(device, next.id)).toEqual(next);
      }),
      { numRuns: 400 },
    );
  });

  it('sends nothing when nothing changed, and never more than the limit before a replace', () => {
    fc.assert(
      fc.property(runningOrderArb, runningOrderArb, (prev, next) => {
        expect(diffRunningOrders(prev, prev)).toEqual([]);
        const messages = diffRunningOrders(prev, next);
        const reorders = messages.filter(
          (m) => m.type !== 'roStorySend' && m.type !== 'roStoryReplace',
        );
        if (reorders[0]?.type === 'roReplace') expect(reorders).toHaveLength(1);
        else expect(reorders.length).toBeLessThanOrEqual(MAX_INCREMENTAL_MESSAGES);
      }),
    );
  });

  it('moves one row with one roStoryMove and resends no text', () => {
    const prev: MosRunningOrder = {
      id: 'ro',
      slug: 'SHOW',
      stories: ['a', 'b', 'c', 'd'].map((id) => story(id, 0)),
    };
    const [a, b, c, d] = prev.stories;
    expect(diffRunningOrders(prev, { ...prev, stories: [a!, c!, d!, b!] })).toEqual([
      { type: 'roStoryMove', roId: 'ro', before: null, storyIds: ['b'] },
    ]);
    expect(diffRunningOrders(prev, { ...prev, stories: [d!, a!, b!, c!] })).toEqual([
      { type: 'roStoryMove', roId: 'ro', before: 'a', storyIds: ['d'] },
    ]);
  });

  it('inserts a run of new stories with one message, then sends their text', () => {
    const prev: MosRunningOrder = { id: 'ro', slug: 'SHOW', stories: [story('a', 0)] };
    const x = story('x', 0);
    const y = story('y', 0);
    expect(diffRunningOrders(prev, { ...prev, stories: [x, y, prev.stories[0]!] })).toEqual([
      { type: 'roStoryInsert', roId: 'ro', before: 'a', stories: [x, y] },
      { type: 'roStorySend', roId: 'ro', story: x },
      { type: 'roStorySend', roId: 'ro', story: y },
    ]);
  });

  it('a new page number is a roStoryReplace, a new text a roStorySend', () => {
    const a = story('a', 0);
    const prev: MosRunningOrder = { id: 'ro', slug: 'SHOW', stories: [a] };
    expect(diffRunningOrders(prev, { ...prev, stories: [{ ...a, num: 'B1' }] })).toEqual([
      { type: 'roStoryReplace', roId: 'ro', story: { ...a, num: 'B1' } },
    ]);
    expect(diffRunningOrders(prev, { ...prev, stories: [{ ...a, text: '<p>new</p>' }] })).toEqual([
      { type: 'roStorySend', roId: 'ro', story: { ...a, text: '<p>new</p>' } },
    ]);
  });

  it('many rows renumbered are a roStoryReplace each, with no text sent again', () => {
    const prev: MosRunningOrder = {
      id: 'ro',
      slug: 'SHOW',
      stories: ids.map((id) => story(id, 0)),
    };
    const next = { ...prev, stories: prev.stories.map((s) => ({ ...s, num: `${s.num}X` })) };
    const messages = diffRunningOrders(prev, next);
    expect(messages).toHaveLength(ids.length);
    expect(messages.every((m) => m.type === 'roStoryReplace')).toBe(true);
  });

  it('many separate insertions become one roReplace with every text', () => {
    const old = ids.slice(0, 12).map((id) => story(id, 0));
    const prev: MosRunningOrder = { id: 'ro', slug: 'SHOW', stories: old };
    const next = {
      ...prev,
      stories: old.flatMap((s, i) => [story(`new-${i}`, 0), s]),
    };
    const messages = diffRunningOrders(prev, next);
    expect(messages[0]).toEqual({ type: 'roReplace', ro: next });
    expect(messages.slice(1).every((m) => m.type === 'roStorySend')).toBe(true);
    expect(messages).toHaveLength(1 + next.stories.length);
  });
});
