import { z } from 'zod';
import { channel } from '../ipc/channel';
import {
  DeviceNameSchema,
  HostSchema,
  MosIdSchema,
  MosPortsSchema,
  MosSettingsSchema,
  MOS_DEFAULT_PORTS,
  type MosDevice,
  type MosSettings,
  type MosStatus,
  type RundownDeviceStatus,
  type SentRundown,
} from './model';

const DeviceIdSchema = z.uuid();
const RundownIdSchema = z.uuid();

/** A device as it is added (no id) or changed (its id); ports default to the protocol's. */
export const DeviceInputSchema = z.strictObject({
  id: DeviceIdSchema.optional(),
  name: DeviceNameSchema,
  mosId: MosIdSchema,
  host: HostSchema,
  ports: MosPortsSchema.default({ ...MOS_DEFAULT_PORTS }),
  cues: z.enum(['storyItem', 'pi']).default('storyItem'),
});

/** Live MOS: devices, Copydesk's NCS settings, and rundowns sent to devices. */
export const mosChannels = {
  'mos.devices.list': channel(z.strictObject({})).returns<MosDevice[]>(),
  'mos.devices.save': channel(DeviceInputSchema).returns<MosDevice>(),
  /** Removes the device; what was sent to it is forgotten (the device keeps what it has). */
  'mos.devices.remove': channel(z.strictObject({ id: DeviceIdSchema })).returns<{ id: string }>(),
  'mos.settings.get': channel(z.strictObject({})).returns<MosSettings>(),
  'mos.settings.save': channel(MosSettingsSchema).returns<MosSettings>(),
  /**
   * Sends the rundown to the device (roCreate and every story's roStorySend) and keeps it in step
   * with every change after; answers at once, the status says how it goes.
   */
  'mos.send': channel(
    z.strictObject({ rundownId: RundownIdSchema, deviceId: DeviceIdSchema }),
  ).returns<SentRundown | null>(),
  /** Takes the rundown off the device (roDelete). */
  'mos.withdraw': channel(
    z.strictObject({ rundownId: RundownIdSchema, deviceId: DeviceIdSchema }),
  ).returns<{ rundownId: string; deviceId: string }>(),
  /** Marks the show ready to air (roReadyToAir READY) on every device it is on, or not ready. */
  'mos.ready': channel(z.strictObject({ rundownId: RundownIdSchema, ready: z.boolean() })).returns<{
    devices: number;
  }>(),
  'mos.status': channel(z.strictObject({})).returns<MosStatus>(),
  /** The devices a rundown is on, and what each said of its rows (roElementStat, roItemStat). */
  'mos.rundownStatus': channel(
    z.strictObject({ rundownId: RundownIdSchema }),
  ).returns<RundownDeviceStatus>(),
} as const;
