import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cleanUp,
  cleanup,
  expected,
  hubSays,
  inStep,
  newsroom,
  QUICK,
  roOf,
} from './testing/newsroom';
import { deviceMemory } from './testing/testDevice';
import type { MosPorts } from '../../shared/mos/model';

afterEach(cleanUp);

/**
 * A device that is switched on but not itself: its ports take a connection and hang up at once.
 * It notes when each connection to its lower port came.
 */
async function hangingUp(ports: MosPorts) {
  const knocks: number[] = [];
  const servers: Server[] = await Promise.all(
    (['lower', 'upper', 'query'] as const).map(
      (which) =>
        new Promise<Server>((resolve) => {
          const server = createServer((socket) => {
            if (which === 'lower') knocks.push(Date.now());
            socket.destroy();
          });
          server.listen(ports[which], '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const stop = () => Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  cleanup.push(stop);
  return { knocks, stop };
}

/** Resolves once `check` holds, looking every 50 ms (the knocks come from another socket). */
function soon(check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (!check()) return;
      clearInterval(timer);
      resolve();
    }, 50);
  });
}

describe('a device that is away', () => {
  it('is tried less and less often while it stays away (not “Connecting…” for ever); back, it gets the show and the wait starts short again', async () => {
    const show = await newsroom();
    const away = await hangingUp(show.devicePorts);
    await show.call('mos.send', { rundownId: show.id, deviceId: show.prompter.id });
    const link = () => show.hub.status().devices[0]!;
    await hubSays(show.hub, () => (link().retryEveryMs ?? 0) >= QUICK.retryMaxMs);

    // Every 100 ms at first (retryMinMs), doubling to the longest (1 s): the gaps grow.
    const knocked = away.knocks.length;
    await soon(() => away.knocks.length >= knocked + 2);
    const gaps = away.knocks.slice(1).map((t, i) => t - away.knocks[i]!);
    expect(Math.min(...gaps.slice(0, 3))).toBeLessThan(QUICK.retryMaxMs / 2);
    expect(gaps.at(-1)).toBeGreaterThanOrEqual(QUICK.retryMaxMs * 0.8);
    expect(link().state).toBe('disconnected');

    // The real device comes back on the same ports: the show reaches it, and the wait is reset.
    await away.stop();
    const device = await show.startDevice();
    await inStep(device, await show.rows());
    await hubSays(show.hub, () => link().state === 'connected');
    expect(link().retryEveryMs).toBeNull();
  }, 20_000);

  it('gets the whole running order once when more changes piled up than are worth sending one by one', async () => {
    const show = await newsroom({ timing: { staleQueue: 3 } });
    const memory = deviceMemory();
    let device = await show.startDevice(memory);
    const sent = await show.send(device);

    await show.stopDevice(device);
    const storyRows = sent.rundown.rows.filter((r) => r.kind === 'story');
    // Five moves, one at a time: the bottom story to the top, again and again.
    for (const row of storyRows.slice(-5).reverse())
      await show.call('rundowns.moveRow', { id: show.id, rowId: row.id, to: 1 });
    const whileAway = memory.log.length;

    device = await show.startDevice(memory);
    const detail = await show.rows();
    await inStep(device, detail);
    expect(memory.log.slice(whileAway)).toContain('roReplace');
    expect(memory.log.slice(whileAway)).not.toContain('roStoryMove');
    expect(device.order(roOf(show.id))).toEqual(expected(detail).map((s) => s.id));
  }, 30_000);
});
