import { afterEach, describe, expect, it } from 'vitest';
import { openArchive } from '../archive/open';
import { archiveMos } from './archiveMos';
import { cleanUp, cleanup, expected, newsroom, roOf } from './testing/newsroom';
import { deviceMemory } from './testing/testDevice';

afterEach(cleanUp);

describe('the MOS links of an archive the app opens', () => {
  it('follow the shows already on devices again while it is open, and close with it; a read-only archive follows nothing', async () => {
    const show = await newsroom();
    const memory = deviceMemory();
    const device = await show.startDevice(memory);
    await show.send(device);
    await show.hub.close();
    const path = show.archive.path;

    // The same file opened twice, as two app sessions would: read-only first, then for writing.
    const mos = archiveMos({ version: 'test', watchMs: 0 });
    const readOnly = openArchive(path, { access: 'read' });
    const writable = openArchive(path);
    cleanup.push(() => readOnly.close());
    cleanup.push(() => writable.close());
    const stopReadOnly = mos.whileOpen(readOnly);
    const stopWritable = mos.whileOpen(writable);
    cleanup.push(stopReadOnly, stopWritable);

    // The writable session's hub sends the show whole again (roReplace) and is in step.
    const sentBefore = memory.log.length;
    const hub = mos.contextFor(writable).mos;
    await hub.settled(show.prompter.id, show.id);
    expect(memory.log.slice(sentBefore)[0]).toBe('roReplace');
    expect(device.order(roOf(show.id))).toEqual(expected(await show.rows()).map((s) => s.id));
    // The read-only one, started first, has no link to the device at all.
    expect(mos.contextFor(readOnly).mos.status().devices[0]!.state).toBe('stopped');

    stopWritable();
    await new Promise<void>((resolve) => {
      const check = () => hub.status().devices[0]!.state === 'stopped' && resolve();
      hub.onUpdate(check);
      check();
    });
    // The next session of the same archive gets a hub of its own.
    expect(mos.contextFor(writable).mos).not.toBe(hub);
  });
});
