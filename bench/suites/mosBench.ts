import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectionConfig, getMosTypes, MosConnection } from '@mos-connection/connector';
import { openArchive } from '../../main/archive/open';
import { createChangeFeed } from '../../main/common/changes';
import { createMosHub } from '../../main/mos/mosHub';
import { createServices, invokeService } from '../../main/services/serviceTable';
import { freePorts, startTestDevice, type TestDevice } from '../../main/mos/testing/testDevice';
import type { Channel, Input, Output } from '../../shared/ipc/contract';
import type { BenchConfig } from '../config';
import { summarize } from '../lib/stats';
import { row, type Row } from '../lib/report';

/** A two-block show, as a producer has it on the night. */
const SHOW_STORIES = 40;

/** A deterministic walk of moves: row `from` to place `to`, never onto itself. */
function moves(n: number, rows: number): { from: number; to: number }[] {
  let x = 12345;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31);
  return Array.from({ length: n }, () => {
    const from = next() % rows;
    const to = (from + 1 + (next() % (rows - 1))) % rows;
    return { from, to };
  });
}

const ordered = (device: TestDevice, roId: string, ids: readonly string[]) =>
  device.until(
    (m) =>
      m.ros
        .get(roId)
        ?.stories.map((s) => s.id)
        .join() === ids.join(),
  );

/**
 * A row moved through the service layer (as the rundown screen moves it) until the device has
 * the running order in its new order, against the same move sent bare from one connector to the
 * other (`sendROMoveStories`, waiting for the device to apply it) in the same run. Both devices
 * are NRK's connector on loopback; the difference is what Copydesk adds: the transaction, the
 * change feed, rebuilding the running order and diffing it.
 */
export async function mosBench(config: BenchConfig): Promise<Row[]> {
  const samples = config.mode === 'full' ? 200 : 40;
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-bench-mos-'));
  const archive = openArchive(join(dir, 'mos.sqlite'));
  const changes = createChangeFeed();
  const hub = createMosHub({ archive, changes, version: 'bench', watchMs: 0 });
  const services = createServices({ archive, version: 'bench', changes, mos: hub });
  const call = async <K extends Channel>(channel: K, input: Input<K>): Promise<Output<K>> => {
    const result = await invokeService(services, channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as Output<K>;
  };
  const cleanup: (() => Promise<unknown> | void)[] = [];
  try {
    config.log(`mos: a ${SHOW_STORIES}-story show on a device, ${samples} row moves…`);
    const ncs = await freePorts();
    const ports = await freePorts();
    await call('mos.settings.save', { ncsId: 'copydesk.bench', listen: true, ports: ncs });
    const prompter = await call('mos.devices.save', {
      name: 'BENCH PROMPTER',
      mosId: 'prompter.bench.mos',
      host: '127.0.0.1',
      ports,
    });
    const device = await startTestDevice({
      mosId: 'prompter.bench.mos',
      ports,
      ncs: { id: 'copydesk.bench', ports: ncs },
    });
    cleanup.push(() => device.stop());
    const { rundown } = await call('rundowns.create', {
      title: 'BENCH NEWS',
      airDate: '2026-11-30',
      onAirSec: 18 * 3600,
      lengthSec: 3600,
    });
    for (let i = 0; i < SHOW_STORIES; i++) {
      const story = await call('stories.create', { slug: `STORY ${i + 1}` });
      await call('rundowns.addRow', {
        id: rundown.id,
        row: { kind: 'story', storyId: story.id },
      });
      if (i === SHOW_STORIES / 2)
        await call('rundowns.addRow', { id: rundown.id, row: { kind: 'break', label: 'BREAK' } });
    }
    const roId = `copydesk-ro-${rundown.id}`;
    await call('mos.send', { rundownId: rundown.id, deviceId: prompter.id });
    let rows = (await call('rundowns.get', { id: rundown.id })).rundown.rows;
    await ordered(
      device,
      roId,
      rows.filter((r) => r.kind === 'story').map((r) => r.id),
    );

    const ours: number[] = [];
    for (const [i, { from, to }] of moves(samples + 3, rows.length).entries()) {
      const start = performance.now();
      const detail = await call('rundowns.moveRow', { id: rundown.id, rowId: rows[from]!.id, to });
      rows = detail.rundown.rows;
      await ordered(
        device,
        roId,
        rows.filter((r) => r.kind === 'story').map((r) => r.id),
      );
      if (i >= 3) ours.push(performance.now() - start);
    }

    // The same kind of move, from a bare NCS connector to a second device.
    const bareNcs = await freePorts();
    const barePorts = await freePorts();
    const bareDevice = await startTestDevice({
      mosId: 'bare.bench.mos',
      ports: barePorts,
      ncs: { id: 'bare.bench.ncs', ports: bareNcs },
    });
    cleanup.push(() => bareDevice.stop());
    const types = getMosTypes(false);
    const bare = new MosConnection(
      new ConnectionConfig({
        mosID: 'bare.bench.ncs',
        acceptsConnections: true,
        isNCS: true,
        profiles: { '0': true, '1': true, '2': true },
        ports: bareNcs,
      }),
    );
    bare.on('error', () => undefined);
    bare.on('warning', () => undefined);
    await bare.init();
    cleanup.push(() => bare.dispose());
    const link = await bare.connect({
      primary: { id: 'bare.bench.mos', host: '127.0.0.1', ports: barePorts },
    });
    await new Promise<void>((resolve) =>
      link.onConnectionChange((s) => s.PrimaryConnected && resolve()),
    );
    const ids = Array.from({ length: SHOW_STORIES }, (_, i) => `bare-story-${i + 1}`);
    const bareRo = 'bare-ro';
    await link.sendCreateRunningOrder({
      ID: types.mosString128.create(bareRo),
      Slug: types.mosString128.create('BARE'),
      Stories: ids.map((id) => ({ ID: types.mosString128.create(id), Items: [] })),
    });
    await ordered(bareDevice, bareRo, ids);
    const base: number[] = [];
    let order = [...ids];
    for (const [i, { from, to }] of moves(samples + 3, ids.length).entries()) {
      const moved = order[from]!;
      const rest = order.filter((id) => id !== moved);
      rest.splice(to, 0, moved);
      order = rest;
      const before = order[order.indexOf(moved) + 1] ?? '';
      const start = performance.now();
      await link.sendROMoveStories(
        {
          RunningOrderID: types.mosString128.create(bareRo),
          StoryID: types.mosString128.create(before),
        },
        [types.mosString128.create(moved)],
      );
      await ordered(bareDevice, bareRo, order);
      if (i >= 3) base.push(performance.now() - start);
    }

    const o = summarize(ours);
    const b = summarize(base);
    return [
      row({
        suite: 'mos',
        name: `row move → device has it (${SHOW_STORIES}-story show), p95`,
        unit: 'ms',
        ours: o.p95,
        baseline: b.p95,
        baselineLabel: 'bare connector roStoryMove',
        note: `p50 ${o.p50.toFixed(1)} vs ${b.p50.toFixed(1)} ms; ${samples} moves each, loopback`,
      }),
    ];
  } finally {
    for (const step of cleanup.reverse()) await step();
    await hub.close();
    archive.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
