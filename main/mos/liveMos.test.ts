import { afterEach, describe, expect, it } from 'vitest';
import { createChangeFeed } from '../common/changes';
import { closeArchives, serviceCaller } from '../services/testing/rundownShow';
import type { RundownDetail } from '../../shared/rundown/channels';
import { blocksOf, pagesOf } from '../../shared/rundown/blocks';
import { createMosHub, type MosHub } from './mosHub';
import {
  bodyText,
  deviceMemory,
  freePorts,
  IMOSObjectStatus,
  startTestDevice,
  type DeviceMemory,
  type TestDevice,
} from './testing/testDevice';

/** Quick enough that a device stopped mid-show is noticed within a couple of seconds. */
const QUICK = {
  commandTimeoutMs: 600,
  heartbeatMs: 600,
  staleAfterMs: 60_000,
  staleQueue: 40,
  retryMinMs: 100,
  retryMaxMs: 1000,
};
const NCS_ID = 'copydesk.test.ncs';
const DEVICE_MOS_ID = 'prompter.test.mos';

const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function newsroom(refuse?: (type: string, storyId: string | null) => string | null) {
  let hub!: MosHub;
  const { call } = serviceCaller((archive) => {
    const changes = createChangeFeed();
    hub = createMosHub({ archive, changes, version: 'test', timing: QUICK, watchMs: 0 });
    return { changes, mos: hub };
  });
  cleanup.push(closeArchives);
  cleanup.push(() => hub.close());
  const ncsPorts = await freePorts();
  const devicePorts = await freePorts();
  await call('mos.settings.save', { ncsId: NCS_ID, listen: true, ports: ncsPorts });
  const prompter = await call('mos.devices.save', {
    name: 'PROMPTER 1',
    mosId: DEVICE_MOS_ID,
    host: '127.0.0.1',
    ports: devicePorts,
  });
  const startDevice = async (memory?: DeviceMemory) => {
    const device = await startTestDevice({
      mosId: DEVICE_MOS_ID,
      ports: devicePorts,
      ncs: { id: NCS_ID, ports: ncsPorts },
      memory,
      refuse,
    });
    cleanup.push(() => device.stop());
    return device;
  };

  // Tonight's show: HEADLINES, three stories, a break, two more stories.
  const { rundown } = await call('rundowns.create', {
    title: '6 PM NEWS',
    airDate: '2026-11-30',
    onAirSec: 18 * 3600,
    lengthSec: 1800,
  });
  const id = rundown.id;
  const storyIds: string[] = [];
  await call('rundowns.addRow', { id, row: { kind: 'item', label: 'HEADLINES' } });
  for (const slug of ['HARBOR FIRE', 'CITY BUDGET', 'LOST DOG', 'BREAK', 'WEATHER', 'SPORTS']) {
    if (slug === 'BREAK') {
      await call('rundowns.addRow', { id, row: { kind: 'break', label: 'BREAK 1' } });
      continue;
    }
    const story = await call('stories.create', { slug });
    const saved = await call('stories.save', {
      story: {
        ...story,
        presenter: 'Dana Reyes',
        body: [
          { type: 'paragraph', runs: [{ text: `${slug} tonight.` }] },
          { type: 'instruction', text: 'TURN TO CAM 2' },
        ],
      },
      baseUpdatedAt: story.updatedAt,
    });
    storyIds.push(saved.id);
    await call('rundowns.addRow', { id, row: { kind: 'story', storyId: saved.id } });
  }
  const rows = () => call('rundowns.get', { id });
  /** Sends the show to the device and resolves once the device has all of it. */
  const send = async (device: TestDevice) => {
    await call('mos.send', { rundownId: id, deviceId: prompter.id });
    const detail = await rows();
    await inStep(device, detail);
    return detail;
  };
  return { call, hub, prompter, startDevice, id, storyIds, rows, send };
}

/** What a device should hold of the rundown: story rows not floated, in order, with pages. */
function expected(detail: RundownDetail) {
  const { rows } = detail.rundown;
  const pages = pagesOf(rows, blocksOf(rows));
  const slugs = new Map(detail.stories.map((s) => [s.id, s.slug]));
  return rows.flatMap((row, i) =>
    row.kind === 'story' && !row.floated
      ? [{ id: row.id, slug: slugs.get(row.storyId!)!, num: pages[i]! }]
      : [],
  );
}

const roOf = (id: string) => `copydesk-ro-${id}`;

function inStep(device: TestDevice, detail: RundownDetail) {
  const want = expected(detail);
  return device.until((m) => {
    const ro = m.ros.get(roOf(detail.rundown.id));
    return (
      !!ro &&
      JSON.stringify(ro.stories) === JSON.stringify(want) &&
      want.every((s) => m.bodies.has(s.id))
    );
  });
}

function hubSays(hub: MosHub, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const test = () => {
      if (!check()) return;
      stop();
      resolve();
    };
    const stop = hub.onUpdate(test);
    test();
  });
}

describe('live MOS: Copydesk as the NCS, a device built from the same connector', () => {
  it('sends the running order with roCreate: story rows in order, pages as storyNum, every story’s text', async () => {
    const show = await newsroom();
    const device = await show.startDevice();
    const detail = await show.send(device);
    expect(device.memory.log.slice(0, 1)).toEqual(['roCreate']);
    expect(device.memory.ros.get(roOf(show.id))!.slug).toBe('6 PM NEWS 2026-11-30');
    const nums = expected(detail).map((s) => s.num);
    expect(nums).toEqual(['A2', 'A3', 'A4', 'B1', 'B2']);
    // The text as the MOS files write it: the presenter instruction is a `pi`, not escaped text.
    const first = device.memory.bodies.get(expected(detail)[0]!.id)!;
    expect(bodyText(first)).toContain('HARBOR FIRE tonight.');
    expect(JSON.stringify(first.Body)).toContain('"pi"');
    expect(bodyText(first)).not.toContain('&lt;');
    await hubSays(show.hub, () => !!show.hub.rundownStatus(show.id).devices[0]?.sent?.inStep);
  });

  it('follows moves, floats, deletes and additions made through the services, one message each', async () => {
    const show = await newsroom();
    const device = await show.startDevice();
    let detail = await show.send(device);
    const created = device.memory.log.length;
    const storyRows = detail.rundown.rows.filter((r) => r.kind === 'story');

    // SPORTS to the top of the show, WEATHER floated, CITY BUDGET taken out, a new story in.
    await show.call('rundowns.moveRow', { id: show.id, rowId: storyRows[4]!.id, to: 0 });
    await show.call('rundowns.setRow', { id: show.id, rowId: storyRows[3]!.id, floated: true });
    await show.call('rundowns.removeRow', { id: show.id, rowId: storyRows[1]!.id });
    const late = await show.call('stories.create', { slug: 'LATE NEWS' });
    await show.call('rundowns.addRow', {
      id: show.id,
      at: 2,
      row: { kind: 'story', storyId: late.id },
    });
    detail = await show.rows();
    await inStep(device, detail);
    const after = device.memory.log.slice(created);
    expect(after).toContain('roStoryMove');
    expect(after).toContain('roStoryDelete');
    expect(after).toContain('roStoryInsert');
    expect(after).not.toContain('roReplace');
    expect(device.order(roOf(show.id))).toEqual(expected(detail).map((s) => s.id));

    // Unfloating brings it back where it sits in the rundown.
    await show.call('rundowns.setRow', { id: show.id, rowId: storyRows[3]!.id, floated: false });
    detail = await show.rows();
    await inStep(device, detail);
  });

  it('re-sends a story’s text when it is edited, and only that story', async () => {
    const show = await newsroom();
    const device = await show.startDevice();
    const detail = await show.send(device);
    const sends = device.memory.log.filter((t) => t === 'roStorySend').length;
    const story = await show.call('stories.get', { id: show.storyIds[2]! });
    await show.call('stories.save', {
      story: {
        ...story,
        body: [{ type: 'paragraph', runs: [{ text: 'The dog was found safe.', bold: true }] }],
      },
      baseUpdatedAt: story.updatedAt,
    });
    const rowId = detail.rundown.rows.find((r) => r.storyId === show.storyIds[2])!.id;
    await device.until((m) => bodyText(m.bodies.get(rowId)).includes('The dog was found safe.'));
    expect(device.memory.log.filter((t) => t === 'roStorySend').length).toBe(sends + 1);
  });

  it('keeps changes made while the device is away and ends in step when it returns', async () => {
    const show = await newsroom();
    const memory = deviceMemory();
    let device = await show.startDevice(memory);
    let detail = await show.send(device);
    // Its last acknowledgement has reached Copydesk: nothing is in flight when it stops.
    await hubSays(show.hub, () => !!show.hub.rundownStatus(show.id).devices[0]?.sent?.inStep);

    await device.stop();
    await hubSays(show.hub, () => show.hub.status().devices[0]!.state === 'disconnected');
    const storyRows = detail.rundown.rows.filter((r) => r.kind === 'story');
    await show.call('rundowns.moveRow', { id: show.id, rowId: storyRows[0]!.id, to: 7 });
    await show.call('rundowns.removeRow', { id: show.id, rowId: storyRows[2]!.id });
    const story = await show.call('stories.get', { id: show.storyIds[1]! });
    await show.call('stories.save', {
      story: { ...story, body: [{ type: 'paragraph', runs: [{ text: 'Budget passes.' }] }] },
      baseUpdatedAt: story.updatedAt,
    });
    expect(show.hub.rundownStatus(show.id).devices[0]!.sent!.queued).toBeGreaterThan(0);
    const whileAway = memory.log.length;

    device = await show.startDevice(memory);
    detail = await show.rows();
    await inStep(device, detail);
    const budgetRow = detail.rundown.rows.find((r) => r.storyId === show.storyIds[1])!.id;
    await device.until((m) => bodyText(m.bodies.get(budgetRow)).includes('Budget passes.'));
    // The queued messages went in order, not a whole new running order.
    expect(memory.log.slice(whileAway)).not.toContain('roReplace');
    expect(device.order(roOf(show.id))).toEqual(expected(detail).map((s) => s.id));
  }, 30_000);

  it('shows a device’s NACK to the producer, then sends the running order whole', async () => {
    let refusing = true;
    const show = await newsroom((type) =>
      refusing && type === 'roStoryInsert' ? 'Story insert not allowed while on air' : null,
    );
    const device = await show.startDevice();
    await show.send(device);
    const late = await show.call('stories.create', { slug: 'LATE NEWS' });
    await show.call('rundowns.addRow', {
      id: show.id,
      at: 1,
      row: { kind: 'story', storyId: late.id },
    });
    const detail = await show.rows();
    await inStep(device, detail);
    refusing = false;
    const status = await show.call('mos.rundownStatus', { rundownId: show.id });
    const problem = status.devices[0]!.sent!.lastProblem!;
    expect(problem.message).toContain('PROMPTER 1 refused roStoryInsert (“LATE NEWS”)');
    expect(problem.message).toContain('Story insert not allowed while on air');
    expect(device.memory.log).toContain('roReplace');
    expect((await show.call('mos.status', {})).devices[0]!.lastError!.message).toContain('refused');
  });

  it('shows what the device says of a story on its row, and sends roReadyToAir', async () => {
    const show = await newsroom();
    const device = await show.startDevice();
    const detail = await show.send(device);
    const rowId = expected(detail)[1]!.id;
    await device.storyStatus(roOf(show.id), rowId, IMOSObjectStatus.READY);
    const rows = (await show.call('mos.rundownStatus', { rundownId: show.id })).rows;
    expect(rows[rowId]).toEqual([
      expect.objectContaining({ deviceName: 'PROMPTER 1', status: 'READY', itemId: null }),
    ]);

    await show.call('mos.ready', { rundownId: show.id, ready: true });
    await device.until((m) => m.ready.get(roOf(show.id)) === 'READY');
    await show.call('mos.withdraw', { rundownId: show.id, deviceId: show.prompter.id });
    await device.until((m) => !m.ros.has(roOf(show.id)));
  });
});
