import type { ServiceHandlers } from '../../shared/ipc/contract';
import type { MosControl } from '../../shared/mos/control';
import { MosDeviceSchema, type MosDevice } from '../../shared/mos/model';
import {
  deleteMosDevice,
  deleteMosSend,
  getMosDevice,
  getMosSettings,
  listMosDevices,
  listMosSends,
  putMosDevice,
  putMosSend,
  saveMosSettings,
  setMosReady,
} from '../archive/mosDevices';
import { getRundown } from '../archive/rundowns';
import { ServiceError } from '../common/errors';
import type { ServiceKit } from './serviceKit';
import { sameFolded } from '../../shared/text/foldCase';

type MosChannels = Extract<keyof ServiceHandlers, `mos.${string}`>;

/** Live MOS: the devices in the archive, and the links of this process that send to them. */
export function mosServices({
  ctx,
  db,
  stamp,
  newId,
  notify,
  write,
}: ServiceKit): Pick<ServiceHandlers, MosChannels> {
  function links(): MosControl {
    if (!ctx.mos)
      throw new ServiceError(
        'FORBIDDEN',
        'MOS devices are sent to from the app, browser mode or `copydesk mos send`, not from here.',
      );
    return ctx.mos;
  }

  function requireDevice(id: string): MosDevice {
    const device = getMosDevice(db, id);
    if (!device)
      throw new ServiceError(
        'NOT_FOUND',
        'That MOS device is not in the list (it may have been removed).',
      );
    return device;
  }

  function requireRundown(id: string): void {
    if (!getRundown(db, id))
      throw new ServiceError(
        'NOT_FOUND',
        'That rundown is not in the archive (it may have been deleted).',
      );
  }

  return {
    'mos.devices.list': () => listMosDevices(db),

    'mos.devices.save': (input) => {
      const device = MosDeviceSchema.parse({ ...input, id: input.id ?? newId() });
      if (input.id !== undefined) requireDevice(input.id);
      const others = listMosDevices(db).filter((d) => d.id !== device.id);
      const sameName = others.find((d) => sameFolded(d.name, device.name));
      if (sameName)
        throw new ServiceError('CONFLICT', `There is already a device named “${sameName.name}”.`);
      const sameId = others.find((d) => d.mosId === device.mosId);
      if (sameId)
        throw new ServiceError(
          'CONFLICT',
          `“${sameId.name}” already has the mosID ${device.mosId}: each device has its own.`,
        );
      write(() => putMosDevice(db, device, stamp()));
      notify({ kind: 'mosDevice', id: device.id, action: 'saved' });
      return device;
    },

    'mos.devices.remove': ({ id }) => {
      const device = requireDevice(id);
      write(() => deleteMosDevice(db, device.id));
      notify({ kind: 'mosDevice', id, action: 'deleted' });
      return { id };
    },

    'mos.settings.get': () => getMosSettings(db),

    'mos.settings.save': (settings) => {
      write(() => saveMosSettings(db, settings));
      notify({ kind: 'settings', id: 'mos', action: 'saved' });
      return settings;
    },

    'mos.send': ({ rundownId, deviceId }) => {
      const control = links();
      requireDevice(deviceId);
      requireRundown(rundownId);
      write(() => putMosSend(db, deviceId, rundownId, stamp()));
      control.send(deviceId, rundownId);
      return control.rundownStatus(rundownId).devices.find((d) => d.id === deviceId)?.sent ?? null;
    },

    'mos.withdraw': ({ rundownId, deviceId }) => {
      const control = links();
      if (!listMosSends(db).some((s) => s.deviceId === deviceId && s.rundownId === rundownId))
        throw new ServiceError('NOT_FOUND', 'That rundown is not on that device.');
      write(() => deleteMosSend(db, deviceId, rundownId));
      control.withdraw(deviceId, rundownId);
      return { rundownId, deviceId };
    },

    'mos.ready': ({ rundownId, ready }) => {
      const control = links();
      requireRundown(rundownId);
      const devices = write(() => setMosReady(db, rundownId, ready));
      if (devices === 0)
        throw new ServiceError(
          'NOT_FOUND',
          'Send the rundown to a device before marking it ready.',
        );
      control.ready(rundownId, ready);
      return { devices };
    },

    'mos.status': () => links().status(),

    'mos.rundownStatus': ({ rundownId }) => {
      requireRundown(rundownId);
      return links().rundownStatus(rundownId);
    },
  };
}
