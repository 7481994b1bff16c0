/** The parts of a Chromium trace (Playwright's browser.stopTracing) this bench reads. */
type TraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
};

/**
 * Self time (ms) per event name on renderer main threads, biggest first: where a keystroke's
 * work goes between script (FunctionCall, EventDispatch, RunMicrotasks), style
 * (UpdateLayoutTree), layout, paint and the rest. Nested events are subtracted from their parents.
 */
export function mainThreadSelfTime(trace: { traceEvents: TraceEvent[] }): [string, number][] {
  const mainThreads = new Set(
    trace.traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of trace.traceEvents) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || e.dur === undefined || !mainThreads.has(key)) continue;
    const list = byThread.get(key) ?? [];
    list.push(e);
    byThread.set(key, list);
  }
  const self = new Map<string, number>();
  for (const events of byThread.values()) {
    events.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const stack: { end: number; name: string }[] = [];
    for (const e of events) {
      while (stack.length > 0 && stack.at(-1)!.end <= e.ts) stack.pop();
      const parent = stack.at(-1);
      if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur! / 1000);
      self.set(e.name, (self.get(e.name) ?? 0) + e.dur! / 1000);
      stack.push({ end: e.ts + e.dur!, name: e.name });
    }
  }
  return [...self.entries()].filter(([, ms]) => ms > 0.05).sort((a, b) => b[1] - a[1]);
}
