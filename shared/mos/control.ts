import type { MosStatus, RundownDeviceStatus } from './model';

/**
 * The MOS links of a process, as the services drive them. main/mos implements it; the
 * transports that host links (the desktop app, browser mode, `copydesk mos send`) hand one to
 * the services. The services record what is sent in the archive first, then tell the links.
 */
export type MosControl = {
  /** Sends the rundown to the device (the whole running order, then every story) and follows it. */
  send: (deviceId: string, rundownId: string) => void;
  /** Takes the rundown off the device (roDelete) and stops following it there. */
  withdraw: (deviceId: string, rundownId: string) => void;
  /** Tells every device the rundown is on that it is ready to air, or no longer is. */
  ready: (rundownId: string, ready: boolean) => void;
  status: () => MosStatus;
  rundownStatus: (rundownId: string) => RundownDeviceStatus;
};
