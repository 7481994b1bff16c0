import { afterEach, describe, expect, it } from 'vitest';
import { getRundown } from '../archive/rundowns';
import { createChangeFeed, type ArchiveChange } from '../common/changes';
import { closeArchives, serviceCaller } from './testing/rundownShow';
import { serviceKit } from './serviceKit';
import { DEFAULT_SETTINGS } from '../../shared/settings';

afterEach(closeArchives);

function setup() {
  const changes = createChangeFeed();
  const { call, archive } = serviceCaller(() => ({ changes }));
  const heard: (ArchiveChange & { version?: number })[] = [];
  changes.onChange((change) =>
    heard.push(
      change.kind === 'rundown'
        ? { ...change, version: getRundown(archive.db, change.id)?.version }
        : change,
    ),
  );
  return { call, heard };
}

describe('the change feed: every committed change, whichever transport made it', () => {
  it('tells stories, rundowns, settings and MOS devices after their transaction, and nothing for a refused change', async () => {
    const { call, heard } = setup();
    const story = await call('stories.create', { slug: 'FIRE' });
    const { rundown } = await call('rundowns.create', {
      title: 'NEWS',
      airDate: '2026-11-30',
      onAirSec: 64800,
      lengthSec: 1800,
    });
    await call('rundowns.addRow', { id: rundown.id, row: { kind: 'story', storyId: story.id } });
    await expect(
      call('rundowns.addRow', {
        id: rundown.id,
        baseVersion: 0,
        row: { kind: 'item', label: 'X' },
      }),
    ).rejects.toThrow(/changed/);
    await call('settings.save', DEFAULT_SETTINGS);
    const device = await call('mos.devices.save', {
      name: 'P1',
      mosId: 'p1.mos',
      host: '127.0.0.1',
    });
    await call('stories.delete', { id: story.id, fromRundowns: true });
    await Promise.resolve();
    expect(heard).toEqual([
      { kind: 'story', id: story.id, action: 'saved' },
      { kind: 'rundown', id: rundown.id, action: 'saved', version: 0 },
      // Heard once committed: the listener reads the new version.
      { kind: 'rundown', id: rundown.id, action: 'saved', version: 1 },
      { kind: 'settings', id: 'settings', action: 'saved' },
      { kind: 'mosDevice', id: device.id, action: 'saved' },
      { kind: 'rundown', id: rundown.id, action: 'saved', version: 2 },
      { kind: 'story', id: story.id, action: 'deleted' },
    ]);
  });

  it('tells what a write transaction notified only once it commits, and nothing when it rolls back', async () => {
    const changes = createChangeFeed();
    const { archive } = serviceCaller(() => ({ changes }));
    const kit = serviceKit({ archive, version: 'test', changes });
    const heard: string[] = [];
    changes.onChange((c) => heard.push(c.id));

    expect(() =>
      kit.write(() => {
        kit.notify({ kind: 'story', id: 'rolled-back', action: 'saved' });
        throw new Error('refused half-way');
      }),
    ).toThrow('refused half-way');
    kit.write(() => {
      kit.notify({ kind: 'story', id: 'outer', action: 'saved' });
      kit.write(() => kit.notify({ kind: 'story', id: 'nested', action: 'saved' }));
      // Nothing is told while the transaction is open, not even a microtask later.
      expect(archive.db.inTransaction).toBe(true);
    });
    await Promise.resolve();
    expect(heard).toEqual(['outer', 'nested']);
  });
});
