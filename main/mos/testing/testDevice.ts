import { createServer, type AddressInfo } from 'node:net';
import {
  ConnectionConfig,
  getMosTypes,
  IMOSAckStatus,
  IMOSObjectStatus,
  MosConnection,
  type IMOSROAck,
  type IMOSROFullStory,
  type IMOSROStory,
  type IMOSRunningOrder,
  type IMOSString128,
  type MosDevice as ConnectorDevice,
} from '@mos-connection/connector';
import type { MosPorts } from '../../../shared/mos/model';

/** Free TCP ports on 127.0.0.1, three at a time (lower, upper, query). */
export async function freePorts(): Promise<MosPorts> {
  const ports: number[] = [];
  const servers = await Promise.all(
    [0, 1, 2].map(
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve) => {
          const server = createServer();
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  for (const server of servers) ports.push((server.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return { lower: ports[0]!, upper: ports[1]!, query: ports[2]! };
}

const types = getMosTypes(true);
const text = (v: IMOSString128 | undefined) =>
  v === undefined ? '' : String(types.mosString128.stringify(v));

type Story = { id: string; slug: string; num: string };

/** What the device holds: it survives the device being stopped and started again. */
export type DeviceMemory = {
  ros: Map<string, { slug: string; stories: Story[] }>;
  /** The last roStorySend per storyID, as the connector parsed it. */
  bodies: Map<string, IMOSROFullStory>;
  ready: Map<string, string>;
  /** Every message, by its MOS name, in the order it arrived. */
  log: string[];
};

export function deviceMemory(): DeviceMemory {
  return { ros: new Map(), bodies: new Map(), ready: new Map(), log: [] };
}

/** The words of a story body as the device got it: every text node, in order. */
export function bodyText(story: IMOSROFullStory | undefined): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') out.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object')
      for (const [key, value] of Object.entries(node)) if (key !== '$name') walk(value);
  };
  for (const item of story?.Body ?? []) walk(item.Content);
  return out.join(' ');
}

export type TestDevice = Awaited<ReturnType<typeof startTestDevice>>;

/**
 * A MOS device built from NRK's connector, the same library Copydesk uses, on the device side:
 * it listens on its ports, applies every profile 2 and 4 message to its memory as a prompter
 * would (refusing what the protocol says it must refuse), and connects back to Copydesk's NCS
 * ports to send status. Tests wait on what it received, never on a clock.
 */
export async function startTestDevice(options: {
  mosId: string;
  ports: MosPorts;
  ncs: { id: string; ports: MosPorts };
  memory?: DeviceMemory;
  /** A reason to refuse a message of this type (and its story), or null to take it. */
  refuse?: (type: string, storyId: string | null) => string | null;
}) {
  const memory = options.memory ?? deviceMemory();
  const waiters = new Set<() => void>();
  const changed = () => waiters.forEach((w) => w());
  const mos = new MosConnection(
    new ConnectionConfig({
      mosID: options.mosId,
      acceptsConnections: true,
      profiles: { '0': true, '1': true, '2': true, '4': true },
      ports: options.ports,
      strict: true,
    }),
  );
  mos.on('error', () => undefined);
  mos.on('warning', () => undefined);
  await mos.init();
  const device: ConnectorDevice = await mos.connect({
    primary: {
      id: options.ncs.id,
      host: '127.0.0.1',
      ports: options.ncs.ports,
      timeout: 1000,
      heartbeatInterval: 1000,
    },
  });

  const reply = (roId: IMOSString128, status = 'OK'): IMOSROAck => ({
    ID: roId,
    Status: types.mosString128.create(status),
    Stories: [],
  });
  /** Runs a message against the memory; a thrown error is the device's refusal. */
  const handle = async (
    type: string,
    roId: IMOSString128,
    storyId: string | null,
    apply: () => void,
  ): Promise<IMOSROAck> => {
    memory.log.push(type);
    try {
      const refusal = options.refuse?.(type, storyId) ?? null;
      if (refusal) throw new Error(refusal);
      apply();
      return reply(roId);
    } catch (error) {
      return reply(roId, (error as Error).message);
    } finally {
      changed();
    }
  };
  const ro = (id: IMOSString128) => {
    const found = memory.ros.get(text(id));
    if (!found) throw new Error(`No running order ${text(id)}`);
    return found;
  };
  const at = (stories: Story[], id: string) => {
    const i = stories.findIndex((s) => s.id === id);
    if (i < 0) throw new Error(`No story ${id}`);
    return i;
  };
  const where = (stories: Story[], before: IMOSString128) =>
    text(before) === '' ? stories.length : at(stories, text(before));
  const story = (s: IMOSROStory): Story => ({
    id: text(s.ID),
    slug: text(s.Slug),
    num: text(s.Number),
  });
  const whole = (r: IMOSRunningOrder) => ({ slug: text(r.Slug), stories: r.Stories.map(story) });

  device.onRequestMachineInfo(async () => ({
    manufacturer: types.mosString128.create('Test'),
    model: types.mosString128.create('Test prompter'),
    hwRev: types.mosString128.create('1'),
    swRev: types.mosString128.create('1.0'),
    DOM: types.mosString128.create(''),
    SN: types.mosString128.create('1'),
    ID: types.mosString128.create(options.mosId),
    time: types.mosTime.create(Date.now()),
    mosRev: types.mosString128.create('2.8.5'),
    supportedProfiles: { deviceType: 'MOS', profile0: true, profile2: true, profile4: true },
  }));
  device.onCreateRunningOrder((r) =>
    handle('roCreate', r.ID, null, () => {
      if (memory.ros.has(text(r.ID))) throw new Error('Running order exists');
      memory.ros.set(text(r.ID), whole(r));
    }),
  );
  device.onReplaceRunningOrder((r) =>
    handle('roReplace', r.ID, null, () => {
      ro(r.ID);
      memory.ros.set(text(r.ID), whole(r));
    }),
  );
  device.onDeleteRunningOrder((id) =>
    handle('roDelete', id, null, () => {
      ro(id);
      memory.ros.delete(text(id));
    }),
  );
  device.onMetadataReplace((meta) =>
    handle('roMetadataReplace', meta.ID, null, () => {
      ro(meta.ID).slug = text(meta.Slug);
    }),
  );
  device.onROInsertStories((action, stories) =>
    handle('roStoryInsert', action.RunningOrderID, text(stories[0]?.ID), () => {
      const list = ro(action.RunningOrderID).stories;
      for (const s of stories)
        if (list.some((t) => t.id === text(s.ID))) throw new Error(`Story ${text(s.ID)} exists`);
      list.splice(where(list, action.StoryID), 0, ...stories.map(story));
    }),
  );
  device.onROMoveStories((action, ids) =>
    handle('roStoryMove', action.RunningOrderID, text(ids[0]), () => {
      const list = ro(action.RunningOrderID).stories;
      const moving = ids.map((id) => list[at(list, text(id))]!);
      for (const s of moving) list.splice(list.indexOf(s), 1);
      list.splice(where(list, action.StoryID), 0, ...moving);
    }),
  );
  device.onRODeleteStories((action, ids) =>
    handle('roStoryDelete', action.RunningOrderID, text(ids[0]), () => {
      const list = ro(action.RunningOrderID).stories;
      for (const id of ids) list.splice(at(list, text(id)), 1);
    }),
  );
  device.onROReplaceStories((action, stories) =>
    handle('roStoryReplace', action.RunningOrderID, text(action.StoryID), () => {
      const list = ro(action.RunningOrderID).stories;
      list.splice(at(list, text(action.StoryID)), 1, ...stories.map(story));
    }),
  );
  device.onRunningOrderStory((s) =>
    handle('roStorySend', s.RunningOrderId, text(s.ID), () => {
      at(ro(s.RunningOrderId).stories, text(s.ID));
      memory.bodies.set(text(s.ID), s);
    }),
  );
  device.onReadyToAir((a) =>
    handle('roReadyToAir', a.ID, null, () => {
      ro(a.ID);
      memory.ready.set(text(a.ID), String(a.Status));
    }),
  );
  const refuseItems = async (action: { RunningOrderID: IMOSString128 }) =>
    reply(action.RunningOrderID, 'Items are not taken here');
  device.onROInsertItems(refuseItems);
  device.onROReplaceItems(refuseItems);
  device.onROMoveItems(refuseItems);
  device.onRODeleteItems(refuseItems);
  device.onROSwapItems(refuseItems);
  device.onROSwapStories(refuseItems);
  device.onRequestMOSObject(async () => null);
  device.onRequestAllMOSObjects(async () => []);
  device.onMOSObjects(async () => ({
    ID: types.mosString128.create(''),
    Revision: 0,
    Description: types.mosString128.create(''),
    Status: IMOSAckStatus.ACK,
  }));
  device.onRequestRunningOrder(async () => null);
  device.onRequestAllRunningOrders(async () => []);
  device.onRunningOrderStatus(async (s) => reply(s.ID));
  device.onStoryStatus(async (s) => reply(s.RunningOrderId));
  device.onItemStatus(async (s) => reply(s.RunningOrderId));

  let ncsUp = false;
  device.onConnectionChange((status) => {
    ncsUp = status.PrimaryConnected;
    changed();
  });

  /** Resolves once Copydesk's NCS ports answer this device. */
  const ncsAnswers = () =>
    new Promise<void>((resolve) => {
      const test = () => {
        if (!ncsUp) return;
        waiters.delete(test);
        resolve();
      };
      waiters.add(test);
      test();
    });

  return {
    memory,
    /** Resolves when the memory passes the check (checked now and after every message). */
    until(check: (memory: DeviceMemory) => boolean): Promise<void> {
      return new Promise((resolve) => {
        const test = () => {
          if (!check(memory)) return;
          waiters.delete(test);
          resolve();
        };
        waiters.add(test);
        test();
      });
    },
    /** The running order's story ids, in order, as the device has them. */
    order: (roId: string) => memory.ros.get(roId)?.stories.map((s) => s.id) ?? null,
    /** Says a story's status (roElementStat STORY) to Copydesk, once its NCS port answers. */
    async storyStatus(roId: string, storyId: string, status: IMOSObjectStatus) {
      await ncsAnswers();
      return device.sendStoryStatus({
        RunningOrderId: types.mosString128.create(roId),
        ID: types.mosString128.create(storyId),
        Status: status,
        Time: types.mosTime.create(Date.now()),
      });
    },
    /** Says an item's status (roItemStat): a graphic of a story PLAYs. */
    async itemStatus(roId: string, storyId: string, itemId: string, status: IMOSObjectStatus) {
      await ncsAnswers();
      return device.sendItemStatus({
        RunningOrderId: types.mosString128.create(roId),
        StoryId: types.mosString128.create(storyId),
        ID: types.mosString128.create(itemId),
        Status: status,
        Time: types.mosTime.create(Date.now()),
      });
    },
    /** Says the running order's status (roElementStat RO). */
    async runningOrderStatus(roId: string, status: IMOSObjectStatus) {
      await ncsAnswers();
      return device.sendRunningOrderStatus({
        ID: types.mosString128.create(roId),
        Status: status,
        Time: types.mosTime.create(Date.now()),
      });
    },
    /** Asks Copydesk what it is (reqMachInfo). */
    async machineInfo() {
      await ncsAnswers();
      return device.requestMachineInfo();
    },
    stop: () => mos.dispose(),
  };
}

export { IMOSObjectStatus };
