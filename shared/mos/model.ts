import { z } from 'zod';
import { LineTextSchema } from '../story/model';

/** The MOS ports a device listens on, as the protocol numbers them. */
export const MOS_DEFAULT_PORTS = { lower: 10540, upper: 10541, query: 10542 } as const;
/** Copydesk's name on a MOS link unless the station sets another. */
export const DEFAULT_NCS_ID = 'copydesk.ncs';

const port = z
  .int('a port is a whole number')
  .min(1, 'a port is 1 to 65535')
  .max(65535, 'a port is 1 to 65535');

/** A MOS id (mosID, ncsID): the protocol's 128 characters, letters, digits and `. _ -`. */
export const MosIdSchema = z
  .string()
  .trim()
  .min(1, 'a MOS ID must not be empty')
  .max(128, 'a MOS ID is 128 characters at most')
  .regex(/^[A-Za-z0-9._-]+$/, 'a MOS ID is letters, digits, dots, dashes and underscores');

/** A host name or an IP address (v4 or v6), nothing else. */
export const HostSchema = z
  .string()
  .trim()
  .min(1, 'give the device’s host name or IP address')
  .max(253, 'a host name is 253 characters at most')
  .regex(/^[A-Za-z0-9.:-]+$/, 'a host is a name like prompter.local or an address like 10.0.0.5');

export const MosPortsSchema = z
  .strictObject({ lower: port, upper: port, query: port })
  .refine((p) => new Set([p.lower, p.upper, p.query]).size === 3, 'the three ports must differ');
export type MosPorts = z.infer<typeof MosPortsSchema>;

export const DeviceNameSchema = LineTextSchema.transform((s) => s.trim()).pipe(
  z.string().min(1, 'give the device a name').max(60, 'a device name is 60 characters at most'),
);

/** A MOS device Copydesk sends running orders to: a prompter, a character generator, a playout server. */
export const MosDeviceSchema = z.strictObject({
  id: z.uuid(),
  /** What people call it: PROMPTER 1, CG. */
  name: DeviceNameSchema,
  /** The device's own mosID, as its MOS configuration says. */
  mosId: MosIdSchema,
  host: HostSchema,
  ports: MosPortsSchema,
  /**
   * Production cues as `storyItem`s (what MOS-aware prompters and graphics systems list beside
   * the text) or as bracketed `pi` text for prompters that ignore storyItems.
   */
  cues: z.enum(['storyItem', 'pi']),
});
export type MosDevice = z.infer<typeof MosDeviceSchema>;

/**
 * Copydesk's side of every link: its ncsID, and whether (and where) it listens for the messages a
 * device starts — roElementStat/roItemStat status, roReq — on the NCS ports.
 */
export const MosSettingsSchema = z.strictObject({
  ncsId: MosIdSchema.default(DEFAULT_NCS_ID),
  listen: z.boolean().default(true),
  ports: MosPortsSchema.default({ ...MOS_DEFAULT_PORTS }),
});
export type MosSettings = z.output<typeof MosSettingsSchema>;
export const DEFAULT_MOS_SETTINGS: MosSettings = MosSettingsSchema.parse({});

/** How a device's link is: what the app shows beside its name. */
export const LINK_STATES = ['connecting', 'connected', 'disconnected', 'stopped'] as const;
export type LinkState = (typeof LINK_STATES)[number];

/** What a device said about one story (roElementStat STORY) or one of its items (roItemStat). */
export type RowDeviceStatus = {
  deviceId: string;
  deviceName: string;
  /** READY, PLAY, STOP, CUED, NOT READY, … as the device said it. */
  status: string;
  /** The item the status is about (a cue's storyItem), when it was about an item. */
  itemId: string | null;
  at: string;
};

/** A refusal or a failure, said for the producer. */
export type LinkProblem = { at: string; message: string };

/** One rundown on one device. */
export type SentRundown = {
  rundownId: string;
  title: string;
  /** Sent, and every change after it acknowledged: the device has the show as it is. */
  inStep: boolean;
  /** Messages waiting for the device (it is away, or they are on their way). */
  queued: number;
  ready: boolean;
  /** The device's own status of the running order (roElementStat RO), if it sent one. */
  deviceStatus: string | null;
  lastProblem: LinkProblem | null;
};

export type DeviceLinkStatus = {
  device: MosDevice;
  state: LinkState;
  /** The connector's words for the connection (which port has no heartbeats). */
  detail: string;
  lastHeartbeatAt: string | null;
  /** While it is away: how long Copydesk waits between attempts to reach it, ms. */
  retryEveryMs: number | null;
  /** What the device says it is (listMachInfo), once it answered. */
  machine: { manufacturer: string; model: string; softwareRevision: string } | null;
  lastError: LinkProblem | null;
  rundowns: SentRundown[];
};

export type MosStatus = {
  ncsId: string;
  /** Where Copydesk listens for device status, or why it cannot. */
  listening: {
    ports: MosPorts | null;
    problem: string | null;
    /** The last connection refused because it came from no configured device's host. */
    refused: { at: string; from: string } | null;
  };
  devices: DeviceLinkStatus[];
};

/** A rundown's rows as devices see them: the statuses per row id. */
export type RundownDeviceStatus = {
  devices: { id: string; name: string; state: LinkState; sent: SentRundown | null }[];
  rows: Record<string, RowDeviceStatus[]>;
};
