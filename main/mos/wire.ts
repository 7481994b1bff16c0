import {
  getMosTypes,
  MosModel,
  type IMOSListMachInfo,
  type IMOSROAck,
  type IMOSString128,
  type IMOSROStory,
  type IMOSRunningOrder,
  type MosDevice as ConnectorDevice,
} from '@mos-connection/connector';
import { mosEnvelope, roStorySendXml } from '../export/mos/mosXml';
import type { MosRunningOrder, MosStoryRef, RoMessage } from '../../shared/mos/runningOrder';

/**
 * The one place where Copydesk's running orders and messages become the connector's objects and
 * messages. Everything the connector's object model can carry goes through it; a story's text
 * does not (its serializer writes a `p` as plain text, so `pi`, `pkg`, `b`, `i` inside it would
 * arrive escaped), so `roStorySend` carries the text exactly as the MOS files write it.
 */

/** Lenient reading of what devices send back; what we send is valid by construction. */
const STRICT = false;
const types = getMosTypes(STRICT);
const s128 = (text: string) => types.mosString128.create([...text].slice(0, 128).join(''));

function roStory(story: MosStoryRef): IMOSROStory {
  return { ID: s128(story.id), Slug: s128(story.slug), Number: s128(story.num), Items: [] };
}

function runningOrder(ro: MosRunningOrder): IMOSRunningOrder {
  return { ID: s128(ro.id), Slug: s128(ro.slug), Stories: ro.stories.map(roStory) };
}

/** A message whose body we write ourselves (the story text), in the standard envelope. */
class WrittenMessage extends MosModel.MosMessage {
  constructor(private readonly body: string) {
    super('upper', STRICT);
  }
  override toString(): string {
    return mosEnvelope(this.messageID, this.body, { mosId: this.mosID!, ncsId: this.ncsID! });
  }
  protected get messageXMLBlocks(): never {
    throw new Error('a written message is its own text');
  }
}

/**
 * Any message, sent as the NCS. The connector fills `mosID` with its own side's id and `ncsID`
 * with the peer's, which is right for the MOS device it was first written to be; Copydesk is the
 * newsroom system, so on the wire the device is the mosID and Copydesk the ncsID.
 */
class AsNcs extends MosModel.MosMessage {
  constructor(private readonly inner: MosModel.MosMessage) {
    super(inner.port, STRICT);
  }
  override toString(): string {
    this.inner.mosID = this.ncsID;
    this.inner.ncsID = this.mosID;
    this.inner.prepare(this.messageID);
    return this.inner.toString();
  }
  protected get messageXMLBlocks(): never {
    throw new Error('the wrapped message writes itself');
  }
}

/**
 * A message as it goes on the wire from Copydesk to a device (what the connector writes, after
 * it fills in the ids and the messageID the way it does for every message it sends).
 */
export function wireText(
  message: RoMessage,
  ids: { ncsId: string; mosId: string },
  id = 1,
): string {
  const sent = new AsNcs(connectorMessage(message));
  sent.mosID = ids.ncsId;
  sent.ncsID = ids.mosId;
  sent.prepare(id);
  return sent.toString();
}

/** The connector's message for one of ours. */
export function connectorMessage(message: RoMessage): MosModel.MosMessage {
  const roId = 'roId' in message ? s128(message.roId) : s128(message.ro.id);
  switch (message.type) {
    case 'roCreate':
      return new MosModel.ROCreate(runningOrder(message.ro), STRICT);
    case 'roReplace':
      return new MosModel.ROReplace(runningOrder(message.ro), STRICT);
    case 'roMetadataReplace':
      return new MosModel.ROMetadataReplace({ ID: roId, Slug: s128(message.slug) }, STRICT);
    case 'roDelete':
      return new MosModel.RODelete(roId, STRICT);
    case 'roStoryInsert':
      return new MosModel.ROInsertStories(
        { RunningOrderID: roId, StoryID: s128(message.before ?? '') },
        message.stories.map(roStory),
        STRICT,
      );
    case 'roStoryMove':
      return new MosModel.ROMoveStories(
        { RunningOrderID: roId, StoryID: s128(message.before ?? '') },
        message.storyIds.map(s128),
        STRICT,
      );
    case 'roStoryDelete':
      return new MosModel.RODeleteStories(
        { RunningOrderID: roId },
        message.storyIds.map(s128),
        STRICT,
      );
    case 'roStoryReplace':
      return new MosModel.ROReplaceStories(
        { RunningOrderID: roId, StoryID: s128(message.story.id) },
        [roStory(message.story)],
        STRICT,
      );
    case 'roStorySend':
      return new WrittenMessage(
        roStorySendXml(
          {
            roId: message.roId,
            storyId: message.story.id,
            slug: message.story.slug,
            num: message.story.num,
          },
          message.story.text,
        ),
      );
    case 'roReadyToAir':
      return new MosModel.ROReadyToAir(
        { roId, roAir: message.ready ? 'READY' : 'NOT READY' },
        STRICT,
      );
  }
}

/** What a device answered. */
export type Reply =
  | { kind: 'ack' }
  | { kind: 'nack'; reason: string }
  /** Not sent: the connection was down when it was its turn. Safe to send again. */
  | { kind: 'unsent'; reason: string }
  /** Sent, but no answer came: the device may or may not have applied it. */
  | { kind: 'lost'; reason: string };

type Executor = { executeCommand(message: MosModel.MosMessage): Promise<ParsedReply> };
type ParsedReply = { mos: { roAck?: unknown; mosAck?: unknown } };

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v)).trim();

/**
 * Sends one message and reads the answer. The connector's public senders build their own
 * messages; ours (the NCS envelope, the written story text) go through the same command queue
 * its senders use.
 */
export async function sendMessage(device: ConnectorDevice, message: RoMessage): Promise<Reply> {
  let reply: ParsedReply;
  try {
    reply = await (device as unknown as Executor).executeCommand(
      new AsNcs(connectorMessage(message)),
    );
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (text.startsWith('Error in response:'))
      return { kind: 'nack', reason: text.slice('Error in response:'.length).trim() };
    // The connector says so when the message timed out before it could be written.
    if (/timed out in queue|no current connection|No clients found/i.test(text))
      return { kind: 'unsent', reason: text };
    return { kind: 'lost', reason: text };
  }
  if (reply.mos.roAck !== undefined) {
    const ack = MosModel.XMLMosROAck.fromXML(reply.mos.roAck as never, STRICT);
    const status = str(types.mosString128.stringify(ack.Status));
    return /^(OK|ACK)$/i.test(status)
      ? { kind: 'ack' }
      : { kind: 'nack', reason: status || 'NACK' };
  }
  return { kind: 'ack' };
}

type SocketInternals = {
  _primaryConnection: { _clients: Record<string, { client: { autoReconnectInterval: number } }> };
};

/**
 * How long the connector's sockets to a device wait between attempts to connect again. Its
 * MosDevice keeps its sockets to itself and tries every 3 s for ever; the link backs off through
 * the sockets' own setter (the connector is pinned; reconnect.test.ts fails if this stops
 * reaching them).
 */
export function setReconnectDelay(device: ConnectorDevice, ms: number): number {
  const clients = Object.values(
    (device as unknown as Partial<SocketInternals>)._primaryConnection?._clients ?? {},
  );
  for (const { client } of clients) client.autoReconnectInterval = ms;
  return clients.length;
}

/** What Copydesk says it is when a device asks (reqMachInfo). */
export function copydeskMachineInfo(ncsId: string, version: string): IMOSListMachInfo {
  const now = Date.now();
  return {
    manufacturer: s128('Copydesk'),
    model: s128('Copydesk newsroom system'),
    hwRev: s128(''),
    swRev: s128(version),
    DOM: s128(''),
    SN: s128(''),
    ID: s128(ncsId),
    time: types.mosTime.create(now),
    mosRev: s128('2.8.5'),
    supportedProfiles: {
      deviceType: 'NCS',
      profile0: true,
      profile1: false,
      profile2: true,
      profile3: false,
      profile4: true,
      profile5: false,
      profile6: false,
      profile7: false,
    },
  };
}

/** What Copydesk answers to a status a device sends: noted. */
export function roAckOk(roId: IMOSString128): IMOSROAck {
  return { ID: roId, Status: s128('OK'), Stories: [] };
}

/** The running order in the connector's form, for a device that asks for it (roReq). */
export { runningOrder as connectorRunningOrder };

export const mosText = (v: Parameters<typeof types.mosString128.stringify>[0] | undefined) =>
  v === undefined ? '' : str(types.mosString128.stringify(v));
