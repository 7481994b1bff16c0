import { createChangeFeed } from '../../common/changes';
import { closeArchives, serviceCaller } from '../../services/testing/rundownShow';
import type { RundownDetail } from '../../../shared/rundown/channels';
import { blocksOf, pagesOf } from '../../../shared/rundown/blocks';
import { createMosHub, type MosHub } from '../mosHub';
import type { LinkTiming } from '../deviceLink';
import type { MosPorts } from '../../../shared/mos/model';
import { freePorts, startTestDevice, type DeviceMemory, type TestDevice } from './testDevice';

/** Quick enough that a device stopped mid-show is noticed within a couple of seconds. */
export const QUICK = {
  commandTimeoutMs: 600,
  heartbeatMs: 600,
  staleAfterMs: 60_000,
  staleQueue: 40,
  retryMinMs: 100,
  retryMaxMs: 1000,
};
export const NCS_ID = 'copydesk.test.ncs';
export const DEVICE_MOS_ID = 'prompter.test.mos';

/** What a test undoes when it ends, last first. */
export const cleanup: (() => Promise<unknown> | void)[] = [];
/** Runs the cleanup (the test file's afterEach calls it). */
export async function cleanUp(): Promise<void> {
  for (const step of cleanup.splice(0).reverse()) await step();
}

/**
 * Tonight's show in a fresh archive, the services with a MOS hub, Copydesk listening on free
 * ports and one device (PROMPTER 1) configured but not started.
 */
export async function newsroom(
  options: {
    /** The device's refusals (see startTestDevice). */
    refuse?: (type: string, storyId: string | null) => string | null;
    timing?: Partial<LinkTiming>;
  } = {},
) {
  const { refuse } = options;
  let hub!: MosHub;
  const { call, archive } = serviceCaller((archive) => {
    const changes = createChangeFeed();
    const timing = { ...QUICK, ...options.timing };
    hub = createMosHub({ archive, changes, version: 'test', timing, watchMs: 0 });
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
  /** Starts the device (on its configured ports, or `ports` behind something in between). */
  const startDevice = async (memory?: DeviceMemory, ports: MosPorts = devicePorts) => {
    const device = await startTestDevice({
      mosId: DEVICE_MOS_ID,
      ports,
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
  /** Stops the device once it has acknowledged everything, and waits until Copydesk notices. */
  const stopDevice = async (device: TestDevice) => {
    // Its last acknowledgement has reached Copydesk: nothing is in flight when it stops.
    await hubSays(hub, () => !!hub.rundownStatus(id).devices[0]?.sent?.inStep);
    await device.stop();
    await hubSays(hub, () => hub.status().devices[0]!.state === 'disconnected');
  };
  return {
    call,
    archive,
    hub,
    prompter,
    ncsPorts,
    devicePorts,
    startDevice,
    stopDevice,
    id,
    storyIds,
    rows,
    send,
  };
}

/** What a device should hold of the rundown: story rows not floated, in order, with pages. */
export function expected(detail: RundownDetail) {
  const { rows } = detail.rundown;
  const pages = pagesOf(rows, blocksOf(rows));
  const slugs = new Map(detail.stories.map((s) => [s.id, s.slug]));
  return rows.flatMap((row, i) =>
    row.kind === 'story' && !row.floated
      ? [{ id: row.id, slug: slugs.get(row.storyId!)!, num: pages[i]! }]
      : [],
  );
}

export const roOf = (id: string) => `copydesk-ro-${id}`;

export function inStep(device: TestDevice, detail: RundownDetail) {
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

export function hubSays(hub: MosHub, check: () => boolean): Promise<void> {
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
