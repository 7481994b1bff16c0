import type { Pool } from 'pg';
import type { WebSocket } from 'ws';
import type { Change, ChangesPage, LiveMessage } from '../../shared/newsroom/protocol';
import { changesSince, committedSeq, PAGE_LIMIT } from './changes';

/**
 * The live feed of one server process: every desk connected to it gets every change after its
 * cursor, first from the database (catching up), then as changes are committed — by any process:
 * each one LISTENs, and on a NOTIFY reads the new changes once and hands them to all its desks.
 * The recent changes it keeps are a cache of the database, never the only copy.
 */

type Desk = {
  socket: WebSocket;
  cursor: number;
  days?: number;
  pumping: boolean;
  again: boolean;
  /** The desk's own session, checked again now and then (it may be revoked or expire). */
  check: () => Promise<boolean>;
};

const KEEP = 2000;

export type LiveFeed = ReturnType<typeof liveFeed>;

export function liveFeed(pool: Pool, log: (line: string) => void) {
  const desks = new Set<Desk>();
  /** Changes after `from`, up to `to`, in order: what this process last read. */
  const recent: Change[] = [];
  let from = -1;
  let to = -1;
  let reading: Promise<void> | null = null;
  let readAgain = false;
  /**
   * Pages already serialized from the cache, by cursor and end: most desks wait at the same
   * cursor, so a change is turned into JSON once per process, not once per desk.
   */
  let serialized = new Map<string, string>();

  async function readNew(): Promise<void> {
    if (to < 0) to = from = await committedSeq(pool);
    for (;;) {
      const page = await changesSince(pool, { cursor: to, limit: PAGE_LIMIT });
      recent.push(...page.changes);
      to = page.cursor;
      serialized = new Map();
      if (!page.more) break;
    }
    if (recent.length > KEEP) {
      const dropped = recent.splice(0, recent.length - KEEP);
      from = dropped.at(-1)!.seq;
    }
  }

  /** Reads what was committed since the last read, then feeds every desk. */
  function changed(): Promise<void> {
    if (reading) {
      readAgain = true;
      return reading;
    }
    reading = (async () => {
      try {
        do {
          readAgain = false;
          await readNew();
          for (const desk of desks) void pump(desk);
        } while (readAgain);
      } catch (error) {
        log(`[live] reading changes failed: ${(error as Error).message}`);
      } finally {
        reading = null;
      }
    })();
    return reading;
  }

  function fromCache(cursor: number): ChangesPage | null {
    if (from < 0 || cursor < from) return null;
    const changes = recent.filter((c) => c.seq > cursor).slice(0, PAGE_LIMIT);
    return {
      changes,
      cursor: changes.length === PAGE_LIMIT ? changes.at(-1)!.seq : Math.max(cursor, to),
      more: changes.length === PAGE_LIMIT,
      serverTime: new Date().toISOString(),
    };
  }

  function send(desk: Desk, message: LiveMessage | string): void {
    if (desk.socket.readyState !== desk.socket.OPEN) return;
    desk.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** A page from the cache as the feed sends it, serialized once for every desk at `cursor`. */
  function cachedMessage(cursor: number): { page: ChangesPage; text: string } | null {
    const page = fromCache(cursor);
    if (!page) return null;
    const key = `${cursor}:${page.cursor}`;
    let text = serialized.get(key);
    if (text === undefined) {
      text = JSON.stringify({ type: 'changes', ...page } satisfies LiveMessage);
      serialized.set(key, text);
    }
    return { page, text };
  }

  async function pump(desk: Desk): Promise<void> {
    if (desk.pumping) {
      desk.again = true;
      return;
    }
    desk.pumping = true;
    try {
      do {
        desk.again = false;
        for (;;) {
          const cached = cachedMessage(desk.cursor);
          const page =
            cached?.page ??
            (await changesSince(pool, { cursor: desk.cursor, limit: PAGE_LIMIT, days: desk.days }));
          if (page.changes.length > 0 || page.cursor > desk.cursor)
            send(desk, cached?.text ?? { type: 'changes', ...page });
          desk.cursor = page.cursor;
          if (!page.more) break;
        }
      } while (desk.again && desks.has(desk));
    } catch (error) {
      log(`[live] feeding a desk failed: ${(error as Error).message}`);
    } finally {
      desk.pumping = false;
    }
  }

  return {
    /** A desk joins from its cursor; it is caught up at once and fed from then on. */
    join(socket: WebSocket, cursor: number, days: number | undefined, check: Desk['check']): void {
      const desk: Desk = { socket, cursor, days, pumping: false, again: false, check };
      desks.add(desk);
      socket.on('close', () => desks.delete(desk));
      void pump(desk);
    },
    changed,
    /** Reads again if something was committed that no NOTIFY announced (a dropped connection). */
    async poll(): Promise<void> {
      if (to < 0 || (await committedSeq(pool)) > to) await changed();
    },
    /** Ends the feed of desks whose session was revoked or has expired. */
    async recheck(): Promise<void> {
      for (const desk of desks) {
        if (await desk.check().catch(() => true)) continue;
        send(desk, {
          type: 'error',
          code: 'SIGNED_OUT',
          message: 'Your newsroom sign-in has ended: sign in again.',
        });
        desk.socket.close(4001, 'signed out');
        desks.delete(desk);
      }
    },
    get size() {
      return desks.size;
    },
    closeAll(): void {
      for (const desk of desks) desk.socket.close(1001, 'server stopping');
      desks.clear();
    },
  };
}
