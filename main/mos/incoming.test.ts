import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cleanUp,
  DEVICE_MOS_ID,
  expected,
  hubSays,
  NCS_ID,
  newsroom,
  roOf,
} from './testing/newsroom';

afterEach(cleanUp);

/** A roElementStat saying a story is READY, as a device writes it on the wire (UTF-16BE). */
function readyMessage(roId: string, storyId: string): Buffer {
  const xml =
    `<mos><mosID>${DEVICE_MOS_ID}</mosID><ncsID>${NCS_ID}</ncsID><messageID>77</messageID>` +
    `<roElementStat element="STORY"><roID>${roId}</roID><storyID>${storyId}</storyID>` +
    `<status>READY</status><time>2026-11-30T18:00:00,000</time></roElementStat></mos>`;
  return Buffer.from(xml, 'utf16le').swap16();
}

/**
 * Connects to Copydesk's upper NCS port from `from` (127.0.0.1, or 127.0.0.2: another machine as
 * far as the sockets know), sends the message, and resolves when Copydesk answers or hangs up.
 */
function sendFrom(from: string, port: number, message: Buffer): Promise<'answered' | 'closed'> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress: from }, () =>
      socket.write(message),
    );
    socket.on('data', () => {
      socket.destroy();
      resolve('answered');
    });
    socket.on('close', () => resolve('closed'));
    socket.on('error', reject);
  });
}

describe('who may talk to Copydesk’s NCS ports', () => {
  it('closes a connection from a host that is no configured device, and says so; the device’s own host is heard', async () => {
    const show = await newsroom();
    const device = await show.startDevice();
    const detail = await show.send(device);
    const rowId = expected(detail)[0]!.id;
    const port = show.ncsPorts.upper;
    const rowStatus = () => show.hub.rundownStatus(show.id).rows[rowId] ?? [];

    // A stranger claiming to be the prompter.
    expect(await sendFrom('127.0.0.2', port, readyMessage(roOf(show.id), rowId))).toBe('closed');
    expect(show.hub.status().listening.refused?.from).toBe('127.0.0.2');
    expect(rowStatus()).toEqual([]);

    // The same bytes from the prompter's host are taken.
    expect(await sendFrom('127.0.0.1', port, readyMessage(roOf(show.id), rowId))).toBe('answered');
    await hubSays(show.hub, () => rowStatus().length > 0);
    expect(rowStatus().map((s) => [s.deviceName, s.status])).toEqual([['PROMPTER 1', 'READY']]);
  });
});
