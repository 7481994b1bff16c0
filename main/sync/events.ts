import type { NewsroomEvent } from '../../shared/newsroom/channels';

const KEEP = 500;

/**
 * What windows should redraw for, numbered, kept for a while: a window asks for the events after
 * the last one it saw and waits (long polling) until there is one, so a change from another desk
 * reaches the screen as soon as it reaches the desk.
 */
export function eventLog() {
  let seq = 0;
  const kept: { seq: number; event: NewsroomEvent }[] = [];
  const waiting = new Set<() => void>();

  function after(cursor: number) {
    // A window that fell behind the kept events gets a status event: it reloads what it shows.
    const first = kept[0]?.seq ?? seq + 1;
    if (cursor + 1 < first && cursor < seq)
      return { cursor: seq, events: [{ type: 'status' } as NewsroomEvent] };
    const events = kept.filter((e) => e.seq > cursor).map((e) => e.event);
    return { cursor: Math.max(cursor, seq), events };
  }

  return {
    emit(event: NewsroomEvent): void {
      kept.push({ seq: ++seq, event });
      if (kept.length > KEEP) kept.splice(0, kept.length - KEEP);
      for (const wake of [...waiting]) wake();
    },
    async wait(
      cursor: number,
      waitMs: number,
    ): Promise<{ cursor: number; events: NewsroomEvent[] }> {
      const now = after(cursor > seq ? 0 : cursor);
      if (now.events.length > 0 || waitMs === 0) return now;
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          waiting.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, waitMs);
        waiting.add(wake);
      });
      return after(cursor);
    },
    /** Wakes every waiting window (the desk is closing). */
    close(): void {
      for (const wake of [...waiting]) wake();
    },
  };
}
