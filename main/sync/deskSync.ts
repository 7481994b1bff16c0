import { hostname } from 'node:os';
import WebSocket from 'ws';
import type { Archive } from '../archive/open';
import {
  clearNotice,
  conflictedStories,
  evictOldStories,
  listNotices,
  pinStory,
  replicaState,
  setReplicaServer,
} from '../archive/replica';
import { getStory } from '../archive/stories';
import type { LeaseView, NewsroomState, NewsroomStatus } from '../../shared/newsroom/channels';
import {
  DESK_HEADERS,
  PROTOCOL_VERSION,
  type Lease,
  type LiveMessage,
} from '../../shared/newsroom/protocol';
import type { ArchiveChange, NewsroomPort } from '../services/newsroomPort';
import { ServiceError } from '../common/errors';
import { newsroomClient, type NewsroomClient } from './client';
import { eventLog } from './events';
import { emptySummary, exchange } from './exchange';
import { forgetSession, readSession, writeSession, type DeskSession } from './session';

export type DeskSyncOptions = {
  archive: Archive;
  /** What leases and sign-ins call this desk ("Park's laptop"); the host name by default. */
  deskLabel?: string;
  log?: (line: string) => void;
  /** How often a held lease is renewed; the server lets one lapse after 30 s. */
  heartbeatMs?: number;
  /** After a change here, how long to gather more before sending (typing saves in bursts). */
  pushDelayMs?: number;
};

export type DeskSync = NewsroomPort & {
  /** Keeps the desk connected: the live feed in, every change here out at once. */
  startLive(): void;
  stop(): Promise<void>;
  /** For ServiceContext.onChange: a change here to send up. */
  onChange(change: ArchiveChange): void;
};

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 15_000;
const EVICT_EVERY_MS = 60 * 60 * 1000;

/**
 * The desk's side of the newsroom. The archive is the desk's replica: every change is made here
 * first and works offline; this sends what changed here up (pushes), takes in what changed in the
 * newsroom (the live feed, or pages over HTTP), keeps the leases of the stories open here, and
 * tells windows what to redraw. One exchange at a time, so a push and its echo never cross.
 */
export function deskSync(options: DeskSyncOptions): DeskSync {
  const { archive } = options;
  const { db } = archive;
  const log = options.log ?? (() => {});
  const deskLabel = options.deskLabel ?? hostname();
  const heartbeatMs = options.heartbeatMs ?? 10_000;
  const pushDelayMs = options.pushDelayMs ?? 20;
  const events = eventLog();

  let session: DeskSession | null = readSession(archive.path);
  let state: NewsroomState = session ? 'offline' : 'alone';
  let problem: string | null = null;
  let client: NewsroomClient | null = session ? makeClient(session.url) : null;
  const leases = new Map<string, Lease>();
  /** Server time minus ours, so a lease's expiry is read on the server's clock. */
  let skewMs = 0;
  const held = new Set<string>();

  let running = false;
  let socket: WebSocket | null = null;
  let reconnectMs = RECONNECT_MIN_MS;
  let reconnectTimer: NodeJS.Timeout | null = null;
  let pushTimer: NodeJS.Timeout | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let lastEvict = 0;
  let queue: Promise<unknown> = Promise.resolve();

  function makeClient(url: string): NewsroomClient {
    return newsroomClient(url, () => session?.token ?? null);
  }

  /** One exchange at a time: pushes, feed pages and fetches never interleave. */
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => {});
    return run;
  }

  function setState(next: NewsroomState, why: string | null = null): void {
    const changed = next !== state || why !== problem;
    state = next;
    problem = why;
    if (changed) events.emit({ type: 'status' });
  }

  /**
   * The server whose link version was found current. Forgotten when the server goes away: it
   * may come back as another release (put back to an older one), and is asked again.
   */
  let checkedServer: string | null = null;

  /**
   * An older server would refuse, push after push, what this desk sends (and nothing would come
   * in either): it is said in words at connect, and at the first exchange of a session kept from
   * an earlier run, and the work waits on the desk.
   */
  async function requireCurrentServer(c: NewsroomClient): Promise<void> {
    if (checkedServer === c.base) return;
    const { protocol } = await c.health();
    if (typeof protocol !== 'number' || protocol < PROTOCOL_VERSION)
      throw new ServiceError(
        'OFFLINE',
        `The newsroom server at ${c.base} is older than this desk (its link is version ${typeof protocol === 'number' ? protocol : 'unknown'}, this desk's ${PROTOCOL_VERSION}): ask the administrator to update the server. Your work stays on this desk until then.`,
      );
    checkedServer = c.base;
  }

  /** A failure talking to the server: offline, or signed out, said in words. */
  function failed(error: unknown): void {
    if (error instanceof ServiceError && error.code === 'SIGNED_OUT') {
      setState('signedOut', error.message);
      stopSocket();
      return;
    }
    // A server newer than this desk refuses it until Copydesk here is updated: offline, in words.
    if (
      error instanceof ServiceError &&
      (error.code === 'OFFLINE' || error.code === 'DESK_OUTDATED')
    ) {
      checkedServer = null;
      setState('offline', error.message);
      return;
    }
    log(`[sync] ${(error as Error).stack ?? String(error)}`);
    setState(state === 'online' ? 'online' : state, (error as Error).message);
  }

  const ex = exchange(archive, {
    emit: (event) => events.emit(event),
    lease(storyId, lease, serverTime) {
      skewMs = Date.parse(serverTime) - Date.now();
      if (lease) leases.set(storyId, lease);
      else leases.delete(storyId);
      if (lease && lease.desk !== replicaState(db).deskId) held.delete(storyId);
      events.emit({ type: 'lease', storyId, lease: view(storyId) });
    },
  });

  function live(lease: Lease | undefined): lease is Lease {
    return lease !== undefined && Date.parse(lease.expiresAt) > Date.now() + skewMs;
  }

  function view(storyId: string): LeaseView | null {
    const lease = leases.get(storyId);
    if (!live(lease)) return null;
    const deskId = replicaState(db).deskId;
    return {
      storyId,
      holder: lease.holder,
      mine: lease.desk === deskId,
      sameUser: lease.userId === session?.identity.userId && lease.desk !== deskId,
      deskLabel: lease.deskLabel,
      since: lease.since,
      note: lease.note,
    };
  }

  function requireClient(): NewsroomClient {
    if (!session || !client)
      throw new ServiceError(
        'OFFLINE',
        'This desk is not connected to a newsroom server: connect first (copydesk connect URL --user NAME).',
      );
    if (state === 'signedOut')
      throw new ServiceError('SIGNED_OUT', problem ?? 'Sign in to the newsroom again.');
    return client;
  }

  async function pushNow(only?: string[]): Promise<void> {
    if (!session || !client || state === 'signedOut') return;
    const c = client;
    await serial(async () => {
      await requireCurrentServer(c);
      const summary = emptySummary();
      await ex.pushAll(c, summary, only);
      if (summary.sent > 0 || summary.conflicts > 0 || summary.refused > 0)
        events.emit({ type: 'status' });
    }).catch(failed);
  }

  function schedulePush(): void {
    if (!running || state !== 'online' || pushTimer) return;
    pushTimer = setTimeout(() => {
      pushTimer = null;
      void pushNow();
    }, pushDelayMs);
  }

  // --- The live connection ---------------------------------------------------------------------

  function stopSocket(): void {
    if (reconnectTimer) clearTimeout(reconnectTimer);
    reconnectTimer = null;
    const s = socket;
    socket = null;
    s?.removeAllListeners();
    s?.on('error', () => {});
    s?.terminate();
  }

  function reconnectLater(): void {
    if (!running || reconnectTimer || state === 'signedOut') return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      openSocket();
    }, reconnectMs);
    reconnectMs = Math.min(reconnectMs * 2, RECONNECT_MAX_MS);
  }

  function openSocket(): void {
    if (!running || !session || !client || socket) return;
    const c = client;
    const url = `${c.base.replace(/^http/, 'ws')}/v1/live`;
    const s = new WebSocket(url, {
      headers: { ...DESK_HEADERS, authorization: `Bearer ${session.token}` },
    });
    socket = s;
    s.on('open', () => {
      void requireCurrentServer(c).then(
        () => {
          if (socket !== s) return;
          reconnectMs = RECONNECT_MIN_MS;
          const { cursor, keepDays } = replicaState(db);
          s.send(JSON.stringify({ type: 'since', cursor, days: keepDays }));
          setState('online');
          // Whatever was made here while offline goes up now.
          void pushNow();
          void renewLeases();
        },
        (error: unknown) => {
          if (socket !== s) return;
          failed(error);
          stopSocket();
          reconnectLater();
        },
      );
    });
    s.on('message', (data) => {
      let message: LiveMessage;
      try {
        message = JSON.parse(String(data)) as LiveMessage;
      } catch {
        return;
      }
      if (message.type === 'error') {
        if (message.code === 'SIGNED_OUT') setState('signedOut', message.message);
        return;
      }
      void serial(() => ex.applyPage(message, c, emptySummary())).catch((error: unknown) => {
        // The cursor did not move: reading again from it repeats nothing.
        failed(error);
        s.close();
      });
    });
    s.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += String(c)));
      res.on('end', () => {
        if (res.statusCode === 401) setState('signedOut', body || 'Sign in to the newsroom again.');
        else setState('offline', body || `The newsroom server answered HTTP ${res.statusCode}.`);
        if (socket === s) socket = null;
        reconnectLater();
      });
    });
    s.on('error', (error) => {
      if (socket === s && state !== 'signedOut')
        setState('offline', `Cannot reach ${client?.base}: ${error.message}`);
    });
    s.on('close', () => {
      if (socket !== s) return;
      socket = null;
      checkedServer = null;
      if (running && state === 'online')
        setState('offline', 'The connection to the newsroom dropped.');
      reconnectLater();
    });
  }

  async function renewLeases(): Promise<void> {
    if (!client || state !== 'online') return;
    const desk = replicaState(db).deskId;
    for (const storyId of held) {
      try {
        const answer = await client.lease({ storyId, action: 'renew', desk, deskLabel });
        skewMs = Date.parse(answer.serverTime) - Date.now();
        if (answer.lease) leases.set(storyId, answer.lease);
        if (!answer.lease || answer.lease.desk !== desk) held.delete(storyId);
      } catch (error) {
        failed(error);
        return;
      }
    }
  }

  function tick(): void {
    void renewLeases();
    // A safety net: anything a missed change notice left behind goes up now.
    schedulePush();
    if (Date.now() - lastEvict > EVICT_EVERY_MS && session) {
      lastEvict = Date.now();
      const evicted = evictOldStories(db, replicaState(db).keepDays, new Date());
      if (evicted > 0)
        log(`[sync] ${evicted} old stories left this desk (the newsroom keeps them)`);
    }
  }

  // --- The port the services use ---------------------------------------------------------------

  function status(): NewsroomStatus {
    const replica = replicaState(db);
    return {
      state,
      url: session?.url ?? null,
      identity: session?.identity ?? null,
      pending: session ? ex.pending() : 0,
      conflicts: conflictedStories(db),
      notices: session ? listNotices(db) : [],
      lastSyncAt: replica.lastSyncAt,
      keepDays: replica.keepDays,
      problem,
    };
  }

  const port: DeskSync = {
    actor: () =>
      session ? { displayName: session.identity.displayName, role: session.identity.role } : null,

    heldElsewhere(storyId) {
      const v = view(storyId);
      return v && !v.mine ? v : null;
    },

    status,

    async connect(input) {
      const { deskId } = replicaState(db);
      const c = newsroomClient(input.url, () => null);
      await requireCurrentServer(c);
      const answer = await c.login({
        name: input.name,
        password: input.password,
        newPassword: input.newPassword,
        desk: deskId,
        deskLabel,
      });
      stopSocket();
      session = {
        url: c.base,
        token: answer.token,
        expiresAt: answer.expiresAt,
        identity: answer.identity,
      };
      writeSession(archive.path, session);
      setReplicaServer(db, c.base, input.keepDays);
      client = makeClient(c.base);
      setState(running ? 'offline' : 'online');
      if (running) openSocket();
      return status();
    },

    async disconnect() {
      const c = client;
      if (c && state !== 'signedOut') await c.logout().catch(() => {});
      stopSocket();
      for (const storyId of held) leases.delete(storyId);
      held.clear();
      session = null;
      client = null;
      forgetSession(archive.path);
      setState('alone');
      return status();
    },

    dismissNotice({ kind, id }) {
      clearNotice(db, kind, id);
      return status();
    },

    async sync() {
      const c = requireClient();
      return serial(async () => {
        const summary = emptySummary();
        try {
          await requireCurrentServer(c);
          await ex.pushAll(c, summary);
          await ex.pullAll(c, summary);
          if (!running) setState('online');
        } catch (error) {
          failed(error);
          throw error;
        }
        return summary;
      });
    },

    events: (input) => events.wait(input.after, input.waitMs),

    async lease({ storyId, action, note }) {
      if (!session || !client) return null;
      if (state !== 'online') {
        if (action === 'takeOver')
          throw new ServiceError(
            'OFFLINE',
            'Taking a script over needs the newsroom: this desk is offline.',
          );
        return view(storyId);
      }
      const desk = replicaState(db).deskId;
      try {
        const answer = await client.lease({ storyId, action, desk, deskLabel, note });
        skewMs = Date.parse(answer.serverTime) - Date.now();
        if (answer.lease) leases.set(storyId, answer.lease);
        else leases.delete(storyId);
        if (answer.lease?.desk === desk) {
          held.add(storyId);
          pinStory(db, storyId, new Date().toISOString());
        } else held.delete(storyId);
      } catch (error) {
        if (error instanceof ServiceError && error.code === 'FORBIDDEN') throw error;
        failed(error);
        return view(storyId);
      }
      events.emit({ type: 'lease', storyId, lease: view(storyId) });
      return view(storyId);
    },

    leases: () => [...leases.keys()].flatMap((id) => view(id) ?? []),

    async search({ query, limit }) {
      const { hits } = await requireClient().search({ query, limit });
      return {
        hits: hits.map((hit) => ({
          ...hit,
          onDesk: db.prepare('SELECT 1 FROM stories WHERE id = ?').get(hit.id) !== undefined,
        })),
      };
    },

    async open({ id }) {
      const here = getStory(db, id);
      if (!here) {
        const c = requireClient();
        await serial(() => ex.fetchStories(c, [id]));
      }
      const story = getStory(db, id);
      if (!story)
        throw new ServiceError(
          'NOT_FOUND',
          'That story is not in the newsroom (it may have been deleted).',
        );
      pinStory(db, id, new Date().toISOString());
      return story;
    },

    startLive() {
      if (running) return;
      running = true;
      heartbeat = setInterval(tick, heartbeatMs);
      heartbeat.unref?.();
      openSocket();
    },

    async stop() {
      running = false;
      if (heartbeat) clearInterval(heartbeat);
      if (pushTimer) clearTimeout(pushTimer);
      pushTimer = null;
      // Leases this desk holds go back, so nobody waits for them to lapse.
      if (client && state === 'online') {
        const desk = replicaState(db).deskId;
        for (const storyId of held)
          await client.lease({ storyId, action: 'release', desk, deskLabel }).catch(() => {});
      }
      held.clear();
      stopSocket();
      events.close();
      await queue;
    },

    onChange() {
      schedulePush();
    },
  };
  return port;
}
