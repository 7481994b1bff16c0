import { useCallback, useEffect, useRef, useState } from 'react';
import type { LeaseView, NewsroomEvent, NewsroomStatus } from '../../shared/newsroom/channels';
import { call } from '../api/calls';

/** How long one wait for newsroom events lasts before asking again (the server answers sooner). */
const WAIT_MS = 25_000;

type Options = {
  /** The story open for editing: its lease is taken while it is open, and given back after. */
  storyId: string | null;
  /** A story or rundown came in from another desk. */
  onStory: (id: string) => void;
  onRundown: (id: string) => void;
  /** Another desk's pronouncers reached this one. */
  onPronouncers: () => void;
  /** Something to tell the producer at once: `label` is what it is about (a show's title). */
  onNotice: (label: string, message: string) => void;
};

/**
 * The desk's newsroom connection as the window sees it: its state, who is editing what, and
 * every change from other desks as it arrives (one long-polling call at a time). The open story's
 * lease is taken while it is open: others see "… is editing" and read it live.
 */
export function useNewsroom({ storyId, onStory, onRundown, onPronouncers, onNotice }: Options) {
  const [status, setStatus] = useState<NewsroomStatus | null>(null);
  const [leases, setLeases] = useState<ReadonlyMap<string, LeaseView>>(new Map());
  const handlers = useRef({ onStory, onRundown, onPronouncers, onNotice });
  useEffect(() => {
    handlers.current = { onStory, onRundown, onPronouncers, onNotice };
  }, [onStory, onRundown, onPronouncers, onNotice]);

  const refreshStatus = useCallback(async () => {
    const [s, l] = await Promise.all([
      call('newsroom.status', {}, { showsFailure: true }),
      call('newsroom.leases', {}, { showsFailure: true }),
    ]);
    if (s.ok) setStatus(s.value);
    if (l.ok) setLeases(new Map(l.value.map((lease) => [lease.storyId, lease])));
  }, []);

  useEffect(() => {
    void refreshStatus();
  }, [refreshStatus]);

  const connected = status !== null && status.state !== 'alone';
  useEffect(() => {
    if (!connected) return;
    let stopped = false;
    let cursor = 0;
    const handle = (event: NewsroomEvent) => {
      if (event.type === 'story') handlers.current.onStory(event.id);
      else if (event.type === 'rundown') handlers.current.onRundown(event.id);
      else if (event.type === 'pronouncers') handlers.current.onPronouncers();
      else if (event.type === 'notice') handlers.current.onNotice(event.label, event.message);
      else if (event.type === 'lease')
        setLeases((current) => {
          const next = new Map(current);
          if (event.lease) next.set(event.storyId, event.lease);
          else next.delete(event.storyId);
          return next;
        });
    };
    void (async () => {
      while (!stopped) {
        const result = await call(
          'newsroom.events',
          { after: cursor, waitMs: WAIT_MS },
          { showsFailure: true },
        );
        if (stopped) return;
        if (!result.ok) {
          // The app is restarting or the archive switched: look again shortly.
          await new Promise((resolve) => setTimeout(resolve, 2000));
          continue;
        }
        cursor = result.value.cursor;
        for (const event of result.value.events) handle(event);
        if (result.value.events.some((e) => e.type === 'status' || e.type === 'story'))
          void refreshStatus();
      }
    })();
    return () => {
      stopped = true;
    };
  }, [connected, refreshStatus]);

  // The open story's lease: taken on opening (and again when whoever held it lets go),
  // renewed by the desk while it stays open, given back on leaving it.
  const online = status?.state === 'online';
  const free = storyId !== null && !leases.has(storyId);
  useEffect(() => {
    if (!storyId || !online || !free) return;
    void call('newsroom.lease', { storyId, action: 'take' }, { showsFailure: true });
  }, [storyId, online, free]);
  useEffect(() => {
    if (!storyId || !online) return;
    return () => {
      void call('newsroom.lease', { storyId, action: 'release' }, { showsFailure: true });
    };
  }, [storyId, online]);

  const takeOver = useCallback(async (id: string, note: string) => {
    const result = await call('newsroom.lease', { storyId: id, action: 'takeOver', note });
    if (result.ok && result.value) setLeases((current) => new Map(current).set(id, result.value!));
    return result.ok;
  }, []);

  const leaseOf = useCallback(
    (id: string | null) => (id ? (leases.get(id) ?? null) : null),
    [leases],
  );

  return { status, refreshStatus, leaseOf, takeOver };
}
