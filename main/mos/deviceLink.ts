import type { Database } from 'better-sqlite3';
import type {
  IMOSConnectionStatus,
  MosConnection,
  MosDevice as ConnectorDevice,
} from '@mos-connection/connector';
import {
  diffRunningOrders,
  fullRunningOrder,
  type MosRunningOrder,
  type RoMessage,
} from '../../shared/mos/runningOrder';
import type {
  DeviceLinkStatus,
  LinkProblem,
  LinkState,
  MosDevice,
  RowDeviceStatus,
  SentRundown,
} from '../../shared/mos/model';
import { buildRunningOrder, type TextCache } from './runningOrder';
import {
  connectorRunningOrder,
  copydeskMachineInfo,
  mosText,
  roAckOk as ack,
  sendMessage,
  setReconnectDelay,
  type Reply,
} from './wire';
import { describeProblem, messageLabel } from './words';

/** How patient a link is. Tests make it quick; the defaults suit a studio network. */
export type LinkTiming = {
  /** How long a message waits for its answer (the connector tries it twice), ms. */
  commandTimeoutMs: number;
  /** Heartbeats on the lower and upper ports, ms (never less often than the command timeout). */
  heartbeatMs: number;
  /** A device away longer than this gets each running order whole again when it comes back. */
  staleAfterMs: number;
  /** More messages than this waiting for one running order: it is sent whole instead. */
  staleQueue: number;
  /**
   * The first and the longest wait before trying again after a failed send, and between
   * attempts to reach a device that dropped (doubling while it stays away), ms.
   */
  retryMinMs: number;
  retryMaxMs: number;
};

export const DEFAULT_LINK_TIMING: LinkTiming = {
  commandTimeoutMs: 5000,
  heartbeatMs: 10_000,
  staleAfterMs: 2 * 60_000,
  staleQueue: 40,
  retryMinMs: 500,
  retryMaxMs: 30_000,
};

export type LinkHost = {
  db: Database;
  connection: MosConnection;
  ncsId: string;
  version: string;
  now: () => Date;
  /** Something the app shows changed: state, a queue, a status, a problem. */
  onUpdate: () => void;
};

type Follow = {
  rundownId: string;
  roId: string;
  title: string;
  /** What the device holds once the queue is through; null when nobody knows (a refused resync). */
  target: MosRunningOrder | null;
  ready: boolean;
  withdrawn: boolean;
  problem: LinkProblem | null;
  deviceStatus: string | null;
  rows: Map<string, RowDeviceStatus[]>;
};

type Entry = {
  rundownId: string;
  message: RoMessage;
  /** A whole running order refused as roCreate is tried as roReplace, and the other way. */
  triedOtherVerb?: boolean;
};

const isWhole = (m: RoMessage): m is Extract<RoMessage, { type: 'roCreate' | 'roReplace' }> =>
  m.type === 'roCreate' || m.type === 'roReplace';

/**
 * One MOS device: its connection (through the connector's MosDevice), the rundowns it follows,
 * and the queue of messages on their way to it, sent one at a time, in order, each waiting for
 * its acknowledgement.
 */
export function createDeviceLink(device: MosDevice, host: LinkHost, timing: LinkTiming) {
  const { db, connection, now } = host;
  const follows = new Map<string, Follow>();
  const queue: Entry[] = [];
  const texts: TextCache = new Map();
  let mos: ConnectorDevice | null = null;
  let state: LinkState = 'connecting';
  let detail = 'Connecting';
  let awaySince: number | null = null;
  let lastHeartbeatAt: string | null = null;
  let machine: DeviceLinkStatus['machine'] = null;
  let lastError: LinkProblem | null = null;
  let pumping = false;
  let stopped = false;
  let retryMs = timing.retryMinMs;
  let retryTimer: NodeJS.Timeout | null = null;
  let reconnectMs = timing.retryMinMs;
  let backOffTimer: NodeJS.Timeout | null = null;
  let firstAnswerTimer: NodeJS.Timeout | null = null;

  const stamp = () => now().toISOString();
  const problem = (message: string): LinkProblem => ({ at: stamp(), message });

  function connect(): void {
    mos = null;
    void connection
      .connect({
        primary: {
          id: device.mosId,
          host: device.host,
          ports: device.ports,
          timeout: timing.commandTimeoutMs,
          heartbeatInterval: timing.heartbeatMs,
        },
      })
      .then((connected) => {
        if (stopped) {
          void connection.disposeMosDevice(connected).catch(() => undefined);
          return;
        }
        mos = connected;
        setReconnectDelay(connected, reconnectMs);
        listen(connected);
        // The connector tells a change of connection only: a device that never answered is
        // never told. By the end of the first heartbeat's two tries, it has answered or not.
        firstAnswerTimer = setTimeout(
          () => {
            if (state === 'connecting' && mos === connected)
              connectionChanged(connected.getConnectionStatus());
          },
          2 * timing.commandTimeoutMs + 100,
        );
        firstAnswerTimer.unref?.();
      })
      .catch((error: unknown) => {
        state = 'disconnected';
        lastError = problem(describeProblem(String(error), device));
        host.onUpdate();
      });
  }

  function listen(connected: ConnectorDevice): void {
    connected.onConnectionChange((status: IMOSConnectionStatus) => connectionChanged(status));
    connected.onRequestMachineInfo(async () => copydeskMachineInfo(host.ncsId, host.version));
    // The messages a device starts: what it says of a running order, a story or an item, and
    // asking for a running order again.
    connected.onRunningOrderStatus(async (status) => {
      const follow = followOf(mosText(status.ID));
      if (follow) follow.deviceStatus = String(status.Status);
      host.onUpdate();
      return ack(status.ID);
    });
    connected.onStoryStatus(async (status) => {
      noteRowStatus(
        mosText(status.RunningOrderId),
        mosText(status.ID),
        null,
        String(status.Status),
      );
      return ack(status.RunningOrderId);
    });
    connected.onItemStatus(async (status) => {
      noteRowStatus(
        mosText(status.RunningOrderId),
        mosText(status.StoryId),
        mosText(status.ID),
        String(status.Status),
      );
      return ack(status.RunningOrderId);
    });
    connected.onRequestRunningOrder(async (roId) => {
      const target = followOf(mosText(roId))?.target;
      return target ? connectorRunningOrder(target) : null;
    });
    connected.onRequestAllRunningOrders(async () =>
      [...follows.values()].flatMap((f) => (f.target ? [connectorRunningOrder(f.target)] : [])),
    );
  }

  function followOf(roId: string): Follow | undefined {
    return [...follows.values()].find((f) => f.roId === roId);
  }

  function noteRowStatus(roId: string, rowId: string, itemId: string | null, status: string) {
    const follow = followOf(roId);
    if (!follow) return;
    const entry: RowDeviceStatus = {
      deviceId: device.id,
      deviceName: device.name,
      status,
      itemId: itemId || null,
      at: stamp(),
    };
    const others = (follow.rows.get(rowId) ?? []).filter((s) => s.itemId !== entry.itemId);
    follow.rows.set(rowId, [...others, entry]);
    host.onUpdate();
  }

  function connectionChanged(status: IMOSConnectionStatus): void {
    detail = status.PrimaryStatus.replace(/^Primary: /, '');
    if (status.PrimaryConnected) {
      const away = awaySince === null ? 0 : now().getTime() - awaySince;
      state = 'connected';
      if (awaySince !== null && away > timing.staleAfterMs)
        for (const follow of follows.values()) if (!follow.withdrawn) resync(follow);
      awaySince = null;
      retryMs = timing.retryMinMs;
      stopBackingOff();
      mos
        ?.requestMachineInfo()
        .then((info) => {
          machine = {
            manufacturer: mosText(info.manufacturer),
            model: mosText(info.model),
            softwareRevision: mosText(info.swRev),
          };
          host.onUpdate();
        })
        .catch(() => undefined);
      void pump();
    } else if (state !== 'stopped') {
      if (state === 'connected') awaySince = now().getTime();
      state = 'disconnected';
      backOff();
    }
    host.onUpdate();
  }

  /**
   * While the device is away, the wait between attempts to reach it doubles, up to the longest:
   * a prompter switched off for the night is not knocked on every few seconds until morning.
   */
  function backOff(): void {
    if (backOffTimer || stopped) return;
    backOffTimer = setTimeout(() => {
      backOffTimer = null;
      if (state !== 'disconnected') return;
      reconnectMs = Math.min(reconnectMs * 2, timing.retryMaxMs);
      if (mos) setReconnectDelay(mos, reconnectMs);
      host.onUpdate();
      backOff();
    }, reconnectMs);
    backOffTimer.unref?.();
  }

  function stopBackingOff(): void {
    if (backOffTimer) clearTimeout(backOffTimer);
    backOffTimer = null;
    reconnectMs = timing.retryMinMs;
    if (mos) setReconnectDelay(mos, reconnectMs);
  }

  /**
   * Running-order messages go before story texts already waiting: a producer's move reaches the
   * prompter without waiting behind forty texts. Among themselves each kind keeps its order. A
   * newer text of a story replaces one still waiting, and a deleted story's waiting text goes.
   */
  function nextEntry(): Entry | undefined {
    return queue.find((e) => e.message.type !== 'roStorySend') ?? queue[0];
  }

  function dropTexts(rundownId: string, storyIds: ReadonlySet<string>): void {
    for (let i = queue.length - 1; i >= 0; i--) {
      const { message } = queue[i]!;
      if (
        queue[i]!.rundownId === rundownId &&
        message.type === 'roStorySend' &&
        storyIds.has(message.story.id)
      )
        queue.splice(i, 1);
    }
  }

  function enqueue(rundownId: string, messages: readonly RoMessage[]): void {
    for (const message of messages) {
      if (message.type === 'roStorySend') dropTexts(rundownId, new Set([message.story.id]));
      if (message.type === 'roStoryDelete') dropTexts(rundownId, new Set(message.storyIds));
      queue.push({ rundownId, message });
    }
    const waiting = queue.filter((e) => e.rundownId === rundownId).length;
    const follow = follows.get(rundownId);
    if (follow && !follow.withdrawn && waiting > timing.staleQueue) resync(follow);
  }

  function dropQueued(rundownId: string): void {
    for (let i = queue.length - 1; i >= 0; i--)
      if (queue[i]!.rundownId === rundownId) queue.splice(i, 1);
  }

  /** The whole running order again, in place of whatever was waiting for it. */
  function resync(follow: Follow, verb: 'roCreate' | 'roReplace' = 'roReplace'): void {
    dropQueued(follow.rundownId);
    const target = buildRunningOrder(db, follow.rundownId, device.cues, texts);
    follow.target = target;
    if (!target) return;
    for (const message of fullRunningOrder(target, verb))
      queue.push({ rundownId: follow.rundownId, message });
    if (follow.ready)
      queue.push({
        rundownId: follow.rundownId,
        message: { type: 'roReadyToAir', roId: target.id, ready: true },
      });
  }

  function scheduleRetry(): void {
    if (retryTimer || stopped) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void pump();
    }, retryMs);
    retryTimer.unref?.();
    retryMs = Math.min(retryMs * 2, timing.retryMaxMs);
  }

  function handle(entry: Entry, reply: Reply): 'next' | 'wait' {
    const follow = follows.get(entry.rundownId);
    const remove = () => {
      const i = queue.indexOf(entry);
      if (i >= 0) queue.splice(i, 1);
    };
    switch (reply.kind) {
      case 'ack':
        remove();
        retryMs = timing.retryMinMs;
        if (entry.message.type === 'roDelete' && follow?.withdrawn) follows.delete(entry.rundownId);
        return 'next';
      case 'nack': {
        const { message } = entry;
        if (isWhole(message) && !entry.triedOtherVerb) {
          // It had the running order already (or had lost it): the other verb says the same,
          // and only its refusal is worth telling.
          entry.message = {
            ...message,
            type: message.type === 'roCreate' ? 'roReplace' : 'roCreate',
          };
          entry.triedOtherVerb = true;
          return 'next';
        }
        const said = problem(
          `${device.name} refused ${messageLabel(message)}: ${reply.reason || 'no reason given'}`,
        );
        lastError = said;
        if (follow) follow.problem = said;
        remove();
        if (message.type === 'roDelete') {
          if (follow?.withdrawn) follows.delete(entry.rundownId);
        } else if (isWhole(message)) {
          // Refused whole both ways: nothing more to send until the rundown changes again.
          dropQueued(entry.rundownId);
          if (follow) follow.target = null;
        } else if (message.type !== 'roStorySend' && message.type !== 'roReadyToAir' && follow) {
          // The device's running order is not what we thought: send it whole.
          resync(follow);
        }
        return 'next';
      }
      case 'unsent':
        return 'wait';
      case 'lost':
        // It may or may not have arrived: only the whole running order is certain.
        lastError = problem(describeProblem(reply.reason, device));
        if (follow && !follow.withdrawn) resync(follow);
        return 'wait';
    }
  }

  async function pump(): Promise<void> {
    if (pumping || stopped) return;
    pumping = true;
    try {
      while (queue.length > 0 && state === 'connected' && mos && !stopped) {
        const entry = nextEntry()!;
        const reply = await sendMessage(mos, entry.message);
        if (stopped) return;
        const next = handle(entry, reply);
        host.onUpdate();
        if (next === 'wait') {
          scheduleRetry();
          break;
        }
      }
    } finally {
      pumping = false;
    }
  }

  /** Rebuilds the rundown as the device should have it and sends what changed. */
  function refresh(rundownId: string): void {
    const follow = follows.get(rundownId);
    if (!follow || follow.withdrawn) return;
    const next = buildRunningOrder(db, rundownId, device.cues, texts);
    if (!next) return;
    if (follow.target === null) resync(follow);
    else {
      enqueue(rundownId, diffRunningOrders(follow.target, next));
      follow.target = next;
    }
    host.onUpdate();
    void pump();
  }

  return {
    device,
    start: connect,

    /** Sends the rundown whole and follows it; sent again, it starts afresh. */
    follow(rundownId: string, title: string, opts: { fresh: boolean; ready: boolean }): void {
      const follow: Follow = {
        rundownId,
        roId: '',
        title,
        target: null,
        ready: opts.ready,
        withdrawn: false,
        problem: null,
        deviceStatus: null,
        rows: new Map(),
      };
      follows.set(rundownId, follow);
      resync(follow, opts.fresh ? 'roCreate' : 'roReplace');
      follow.roId = follow.target?.id ?? '';
      host.onUpdate();
      void pump();
    },

    withdraw(rundownId: string): void {
      const follow = follows.get(rundownId);
      if (!follow) return;
      dropQueued(rundownId);
      follow.withdrawn = true;
      queue.push({ rundownId, message: { type: 'roDelete', roId: follow.roId } });
      host.onUpdate();
      void pump();
    },

    ready(rundownId: string, ready: boolean): void {
      const follow = follows.get(rundownId);
      if (!follow || follow.withdrawn) return;
      follow.ready = ready;
      enqueue(rundownId, [{ type: 'roReadyToAir', roId: follow.roId, ready }]);
      host.onUpdate();
      void pump();
    },

    refresh,

    /** A story changed: every rundown on this device that holds it is brought up to date. */
    refreshStory(storyId: string): void {
      for (const follow of follows.values())
        if (follow.target?.stories.some((s) => s.storyId === storyId) || follow.target === null)
          refresh(follow.rundownId);
    },

    refreshAll(): void {
      for (const rundownId of follows.keys()) refresh(rundownId);
    },

    following: (rundownId: string) => follows.has(rundownId) && !follows.get(rundownId)!.withdrawn,
    followed: () => [...follows.values()].filter((f) => !f.withdrawn).map((f) => f.rundownId),

    heartbeat(): void {
      lastHeartbeatAt = stamp();
    },

    noteError(text: string): void {
      lastError = problem(describeProblem(text, device));
      // A refused connection before the device ever answered: it is not there (yet).
      if (state === 'connecting') {
        state = 'disconnected';
        detail = 'Not answering';
        backOff();
      }
      host.onUpdate();
    },

    sent(rundownId: string): SentRundown | null {
      const follow = follows.get(rundownId);
      if (!follow || follow.withdrawn) return null;
      const queued = queue.filter((e) => e.rundownId === rundownId).length;
      return {
        rundownId,
        title: follow.title,
        inStep: queued === 0 && follow.target !== null,
        queued,
        ready: follow.ready,
        deviceStatus: follow.deviceStatus,
        lastProblem: follow.problem,
      };
    },

    rowStatuses(rundownId: string): Map<string, RowDeviceStatus[]> {
      return follows.get(rundownId)?.rows ?? new Map();
    },

    status(): DeviceLinkStatus {
      return {
        device,
        state,
        detail,
        lastHeartbeatAt,
        retryEveryMs: state === 'disconnected' ? reconnectMs : null,
        machine,
        lastError,
        rundowns: [...follows.keys()].flatMap((id) => {
          const sent = this.sent(id);
          return sent ? [sent] : [];
        }),
      };
    },

    async stop(): Promise<void> {
      stopped = true;
      state = 'stopped';
      if (retryTimer) clearTimeout(retryTimer);
      if (backOffTimer) clearTimeout(backOffTimer);
      if (firstAnswerTimer) clearTimeout(firstAnswerTimer);
      const connected = mos;
      mos = null;
      if (connected) await connection.disposeMosDevice(connected).catch(() => undefined);
    },
  };
}

export type DeviceLink = ReturnType<typeof createDeviceLink>;
