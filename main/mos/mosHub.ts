import { ConnectionConfig, MosConnection } from '@mos-connection/connector';
import type { Archive } from '../archive/open';
import { getRundown } from '../archive/rundowns';
import { getMosSettings, listMosDevices, listMosSends, type MosSend } from '../archive/mosDevices';
import type { ChangeFeed } from '../common/changes';
import type { MosControl } from '../../shared/mos/control';
import type {
  MosSettings,
  MosStatus,
  RowDeviceStatus,
  RundownDeviceStatus,
  SentRundown,
} from '../../shared/mos/model';
import {
  createDeviceLink,
  DEFAULT_LINK_TIMING,
  type DeviceLink,
  type LinkTiming,
} from './deviceLink';
import { watchOtherWriters } from './otherWriters';
import { acceptOnlyFrom } from './incomingGuard';

export type MosHubOptions = {
  archive: Archive;
  changes: ChangeFeed;
  version: string;
  timing?: Partial<LinkTiming>;
  now?: () => Date;
  /** How often to look for changes other processes wrote to the archive, ms (0: never). */
  watchMs?: number;
};

export type MosHub = MosControl & {
  /**
   * Follows again every rundown the archive says is on a device (the app starting), and from
   * then on every rundown another process sends.
   */
  resume: () => void;
  /** Hears changes other processes write to the archive (the rundowns this hub follows). */
  watch: () => void;
  /** Resolves when the rundown is on the device and every change acknowledged, or refused. */
  settled: (deviceId: string, rundownId: string) => Promise<SentRundown | null>;
  /** Hears every update of a link (state, queue, status); returns a function that stops. */
  onUpdate: (listener: () => void) => () => void;
  close: () => Promise<void>;
};

/**
 * The MOS side of a process: one connector (Copydesk's ncsID, listening on the NCS ports for
 * what devices start), one link per device that has a rundown, and the change feed that tells
 * the links what to send. Nothing opens a socket until a rundown is sent or resumed.
 */
export function createMosHub(options: MosHubOptions): MosHub {
  const { archive, changes, version } = options;
  const { db } = archive;
  const timing: LinkTiming = { ...DEFAULT_LINK_TIMING, ...options.timing };
  const now = options.now ?? (() => new Date());
  const links = new Map<string, DeviceLink>();
  const listeners = new Set<() => void>();
  let connection: { mos: MosConnection; settings: MosSettings; problem: string | null } | null =
    null;
  let opening: Promise<void> | null = null;
  let closed = false;
  let stopWatching: (() => void) | null = null;
  let followAll = false;
  let refused: { at: string; from: string } | null = null;

  const update = () => {
    for (const listener of [...listeners]) listener();
  };

  function newConnection(settings: MosSettings, listen: boolean): MosConnection {
    const mos = new MosConnection(
      new ConnectionConfig({
        mosID: settings.ncsId,
        acceptsConnections: listen,
        isNCS: true,
        profiles: { '0': true, '1': true, '2': true, '4': true },
        ports: settings.ports,
        strict: false,
        debug: false,
      }),
    );
    if (listen)
      acceptOnlyFrom(
        mos,
        () => listMosDevices(db).map((d) => d.host),
        (from) => {
          refused = { at: now().toISOString(), from };
          update();
        },
      );
    mos.on('error', (error: unknown) => attribute(String(error)));
    mos.on('warning', () => undefined);
    mos.on('info', () => undefined);
    mos.on('rawMessage', (_source: string, type: string, message: string) => {
      if (type !== 'recieved' || !message.includes('<heartbeat')) return;
      for (const link of links.values())
        if (message.includes(`>${link.device.mosId}<`)) link.heartbeat();
    });
    return mos;
  }

  /** An error the connector reports belongs to the device whose host and port it names. */
  function attribute(text: string): void {
    for (const link of links.values()) {
      const { host, ports } = link.device;
      if ([ports.lower, ports.upper, ports.query].some((p) => text.includes(`${host}:${p}`)))
        return link.noteError(text);
      if (/Heartbeat error/.test(text) && links.size === 1) return link.noteError(text);
    }
  }

  async function open(): Promise<void> {
    const settings = getMosSettings(db);
    let mos = newConnection(settings, settings.listen);
    let problem: string | null = null;
    try {
      await mos.init();
    } catch (error) {
      await mos.dispose().catch(() => undefined);
      const code = (error as { code?: string }).code;
      problem =
        code === 'EADDRINUSE'
          ? `Another program uses port ${settings.ports.lower}, ${settings.ports.upper} or ${settings.ports.query}: devices can still be sent to, but their status (READY, PLAY…) will not show.`
          : `Copydesk cannot listen for device status: ${(error as Error).message}`;
      mos = newConnection(settings, false);
      await mos.init();
    }
    connection = { mos, settings, problem };
  }

  async function ensureConnection(): Promise<MosConnection> {
    if (!connection) {
      opening ??= open();
      await opening;
    }
    return connection!.mos;
  }

  /** The link of a device, started on first use; null when the device is not in the archive. */
  async function linkFor(deviceId: string): Promise<DeviceLink | null> {
    const existing = links.get(deviceId);
    if (existing) return existing;
    const device = listMosDevices(db).find((d) => d.id === deviceId);
    if (!device) return null;
    const mos = await ensureConnection();
    if (closed) return null;
    const again = links.get(deviceId);
    if (again) return again;
    const link = createDeviceLink(
      device,
      { db, connection: mos, ncsId: connection!.settings.ncsId, version, now, onUpdate: update },
      timing,
    );
    links.set(deviceId, link);
    link.start();
    return link;
  }

  function titleOf(rundownId: string): string {
    return getRundown(db, rundownId)?.title ?? '';
  }

  function follow(send: MosSend, fresh: boolean): void {
    void linkFor(send.deviceId).then((link) =>
      link?.follow(send.rundownId, titleOf(send.rundownId), { fresh, ready: send.ready }),
    );
  }

  /** A device's address or cues changed: its link starts again, every rundown sent whole. */
  async function restartDevice(deviceId: string): Promise<void> {
    const link = links.get(deviceId);
    if (!link) return;
    links.delete(deviceId);
    await link.stop();
    if (!closed)
      for (const send of listMosSends(db)) if (send.deviceId === deviceId) follow(send, false);
    update();
  }

  /** The NCS settings changed: every link starts again from what the archive says. */
  async function restart(): Promise<void> {
    const stopping = [...links.values()].map((l) => l.stop());
    links.clear();
    await Promise.all(stopping);
    if (connection) await connection.mos.dispose().catch(() => undefined);
    connection = null;
    opening = null;
    if (!closed) for (const send of listMosSends(db)) follow(send, false);
    update();
  }

  const stopListening = changes.onChange((change) => {
    switch (change.kind) {
      case 'rundown':
        for (const link of links.values())
          if (change.action === 'deleted') link.withdraw(change.id);
          else link.refresh(change.id);
        return;
      case 'story':
        for (const link of links.values()) link.refreshStory(change.id);
        return;
      case 'settings':
        if (change.id === 'mos') void restart();
        else for (const link of links.values()) link.refreshAll();
        return;
      case 'mosDevice':
        void restartDevice(change.id);
        return;
    }
  });

  /** Another process (a CLI, a second window's server) wrote the archive: catch up. */
  function otherWriter(): void {
    const sends = listMosSends(db);
    if (followAll)
      for (const send of sends)
        if (!links.get(send.deviceId)?.following(send.rundownId)) follow(send, false);
    for (const link of links.values()) {
      for (const rundownId of link.followed())
        if (!sends.some((s) => s.deviceId === link.device.id && s.rundownId === rundownId))
          link.withdraw(rundownId);
      link.refreshAll();
    }
  }

  function rundownStatus(rundownId: string): RundownDeviceStatus {
    const rows: Record<string, RowDeviceStatus[]> = {};
    const devices = listMosDevices(db).map((device) => {
      const link = links.get(device.id);
      for (const [rowId, statuses] of link?.rowStatuses(rundownId) ?? [])
        rows[rowId] = [...(rows[rowId] ?? []), ...statuses];
      return {
        id: device.id,
        name: device.name,
        state: link?.status().state ?? ('stopped' as const),
        sent: link?.sent(rundownId) ?? null,
      };
    });
    return { devices, rows };
  }

  return {
    send(deviceId, rundownId) {
      follow({ deviceId, rundownId, ready: false, sentAt: '' }, true);
    },
    withdraw(deviceId, rundownId) {
      links.get(deviceId)?.withdraw(rundownId);
    },
    ready(rundownId, ready) {
      for (const link of links.values()) link.ready(rundownId, ready);
    },
    status(): MosStatus {
      const settings = connection?.settings ?? getMosSettings(db);
      return {
        ncsId: settings.ncsId,
        listening: {
          ports: connection && settings.listen && !connection.problem ? settings.ports : null,
          problem: connection?.problem ?? null,
          refused,
        },
        devices: listMosDevices(db).map(
          (device) =>
            links.get(device.id)?.status() ?? {
              device,
              state: 'stopped',
              detail: 'Nothing sent to it',
              lastHeartbeatAt: null,
              retryEveryMs: null,
              machine: null,
              lastError: null,
              rundowns: [],
            },
        ),
      };
    },
    rundownStatus,
    resume() {
      followAll = true;
      for (const send of listMosSends(db)) follow(send, false);
      this.watch();
    },
    watch() {
      if (options.watchMs !== 0 && !stopWatching)
        stopWatching = watchOtherWriters(db, otherWriter, options.watchMs ?? 500);
    },
    settled(deviceId, rundownId) {
      return new Promise((resolve) => {
        const check = () => {
          const sent = links.get(deviceId)?.sent(rundownId) ?? null;
          if (!sent || !(sent.inStep || (sent.lastProblem && sent.queued === 0))) return;
          listeners.delete(check);
          resolve(sent);
        };
        listeners.add(check);
        check();
      });
    },
    onUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      stopListening();
      stopWatching?.();
      await Promise.all([...links.values()].map((l) => l.stop()));
      links.clear();
      if (opening) await opening.catch(() => undefined);
      if (connection) await connection.mos.dispose().catch(() => undefined);
    },
  };
}
