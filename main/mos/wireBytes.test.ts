import { connect, createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp, cleanup, inStep, newsroom } from './testing/newsroom';
import { freePorts } from './testing/testDevice';
import type { MosPorts } from '../../shared/mos/model';

afterEach(cleanUp);

/**
 * Sits on the device's ports and passes every byte on to where the device really listens,
 * keeping what Copydesk wrote on the upper port (where running orders and story texts go).
 */
async function recordingProxy(front: MosPorts, back: MosPorts) {
  const upper: Buffer[] = [];
  const servers = await Promise.all(
    (['lower', 'upper', 'query'] as const).map(
      (which) =>
        new Promise<Server>((resolve) => {
          const server = createServer((inbound) => {
            const outbound = connect(back[which], '127.0.0.1');
            inbound.on('data', (chunk) => {
              if (which === 'upper') upper.push(chunk);
              outbound.write(chunk);
            });
            outbound.on('data', (chunk) => inbound.write(chunk));
            const end = () => {
              inbound.destroy();
              outbound.destroy();
            };
            inbound.on('close', end).on('error', end);
            outbound.on('close', end).on('error', end);
          });
          server.listen(front[which], '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  cleanup.push(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));
  return { upper: () => Buffer.concat(upper) };
}

describe('the bytes on the wire', () => {
  it('are UTF-16 big-endian without a byte order mark, accents, quotes and CJK intact', async () => {
    const show = await newsroom();
    const slug = 'CAFÉ “NEWS” 東京 — ÆØÅ';
    const story = await show.call('stories.create', { slug });
    await show.call('rundowns.addRow', { id: show.id, row: { kind: 'story', storyId: story.id } });
    // The device listens elsewhere; Copydesk reaches it through the proxy on its ports.
    const behind = await freePorts();
    const proxy = await recordingProxy(show.devicePorts, behind);
    const device = await show.startDevice(undefined, behind);
    await show.call('mos.send', { rundownId: show.id, deviceId: show.prompter.id });
    await inStep(device, await show.rows());

    const bytes = proxy.upper();
    // “<mos>” in UTF-16BE: a zero byte before each ASCII character, and no BOM (FE FF) first.
    expect([...bytes.subarray(0, 4)]).toEqual([0x00, 0x3c, 0x00, 0x6d]);
    const text = Buffer.from(bytes).swap16().toString('utf16le');
    expect(text).toContain('<roCreate>');
    expect(text).toContain(`<storySlug>${slug}</storySlug>`);
    expect(bytes.includes(Buffer.from(slug, 'utf16le').swap16())).toBe(true);
  });
});
