import type { MosRunningOrder, MosStoryRef, RoMessage } from '../runningOrder';

/** What a device holds after the messages: its running orders and the text it got per story. */
export type DeviceModel = {
  ros: Map<string, { slug: string; stories: Omit<MosStoryRef, 'text'>[] }>;
  texts: Map<string, string>;
  ready: Map<string, boolean>;
};

export function emptyDevice(): DeviceModel {
  return { ros: new Map(), texts: new Map(), ready: new Map() };
}

const bare = ({ id, storyId, slug, num }: MosStoryRef) => ({ id, storyId, slug, num });

/**
 * Applies a message as the MOS specification says a device does, and throws (the device's NACK)
 * where a device would refuse it: an unknown running order or story, a story added twice.
 */
export function applyRoMessage(device: DeviceModel, message: RoMessage): void {
  const ro = (id: string) => {
    const found = device.ros.get(id);
    if (!found) throw new Error(`unknown running order ${id}`);
    return found;
  };
  const indexOf = (stories: { id: string }[], id: string) => {
    const i = stories.findIndex((s) => s.id === id);
    if (i < 0) throw new Error(`unknown story ${id}`);
    return i;
  };
  const place = (stories: { id: string }[], before: string | null) =>
    before === null ? stories.length : indexOf(stories, before);
  switch (message.type) {
    case 'roCreate':
      if (device.ros.has(message.ro.id)) throw new Error('running order exists');
      device.ros.set(message.ro.id, {
        slug: message.ro.slug,
        stories: message.ro.stories.map(bare),
      });
      return;
    case 'roReplace':
      device.ros.set(message.ro.id, {
        slug: message.ro.slug,
        stories: message.ro.stories.map(bare),
      });
      return;
    case 'roMetadataReplace':
      ro(message.roId).slug = message.slug;
      return;
    case 'roDelete':
      ro(message.roId);
      device.ros.delete(message.roId);
      return;
    case 'roStoryInsert': {
      const { stories } = ro(message.roId);
      for (const s of message.stories)
        if (stories.some((t) => t.id === s.id)) throw new Error(`story ${s.id} exists`);
      stories.splice(place(stories, message.before), 0, ...message.stories.map(bare));
      return;
    }
    case 'roStoryMove': {
      const { stories } = ro(message.roId);
      const moving = message.storyIds.map((id) => stories[indexOf(stories, id)]!);
      for (const s of moving) stories.splice(stories.indexOf(s), 1);
      stories.splice(place(stories, message.before), 0, ...moving);
      return;
    }
    case 'roStoryDelete': {
      const { stories } = ro(message.roId);
      for (const id of message.storyIds) stories.splice(indexOf(stories, id), 1);
      return;
    }
    case 'roStoryReplace': {
      const { stories } = ro(message.roId);
      stories[indexOf(stories, message.story.id)] = bare(message.story);
      return;
    }
    case 'roStorySend':
      indexOf(ro(message.roId).stories, message.story.id);
      device.texts.set(message.story.id, message.story.text);
      return;
    case 'roReadyToAir':
      ro(message.roId);
      device.ready.set(message.roId, message.ready);
      return;
  }
}

/** The running order as the device has it, with each story's text, to compare with the one sent. */
export function deviceRunningOrder(device: DeviceModel, roId: string): MosRunningOrder | null {
  const ro = device.ros.get(roId);
  if (!ro) return null;
  return {
    id: roId,
    slug: ro.slug,
    stories: ro.stories.map((s) => ({ ...s, text: device.texts.get(s.id) ?? '' })),
  };
}
