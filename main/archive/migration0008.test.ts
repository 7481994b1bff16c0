import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { getStory, putStory } from './stories';
import { getRundown, putRundown } from './rundowns';
import {
  deleteMosDevice,
  getMosDevice,
  listMosSends,
  putMosDevice,
  putMosSend,
  setMosReady,
} from './mosDevices';
import { makeStory } from '../../shared/story/testing/makeStory';

const RUNDOWN_ID = '6f1d3c1e-8a7b-4f7e-9a53-0b7c2a5d9e10';
const DEVICE = {
  id: '2b8f0c8e-3d4a-4b5c-9d6e-7f8091a2b3c4',
  name: 'PROMPTER 1',
  mosId: 'prompter1.studio.mos',
  host: '10.0.0.5',
  ports: { lower: 10540, upper: 10541, query: 10542 },
  cues: 'storyItem' as const,
};

describe('migration 0008: MOS devices', () => {
  it('adds devices and sends to an archive of the schema before it, keeping its stories and rundowns', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 8),
    );
    const story = makeStory({ slug: 'HARBOR FIRE' });
    putStory(db, story);
    const rundown = {
      id: RUNDOWN_ID,
      title: '6 PM NEWS',
      airDate: '2026-11-30',
      onAirSec: 64800,
      lengthSec: 1800,
      blockBudgets: {},
      rows: [],
      createdAt: '2026-11-30T10:00:00.000Z',
      updatedAt: '2026-11-30T10:00:00.000Z',
      version: 0,
    };
    putRundown(db, rundown);

    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 8),
      ),
    ).toBe(8);
    expect(getStory(db, story.id)).toEqual(story);
    expect(getRundown(db, RUNDOWN_ID)).toEqual(rundown);

    putMosDevice(db, DEVICE, '2026-11-30T10:00:00.000Z');
    expect(getMosDevice(db, DEVICE.id)).toEqual(DEVICE);
    putMosSend(db, DEVICE.id, RUNDOWN_ID, '2026-11-30T17:00:00.000Z');
    expect(setMosReady(db, RUNDOWN_ID, true)).toBe(1);
    expect(listMosSends(db)).toEqual([
      {
        deviceId: DEVICE.id,
        rundownId: RUNDOWN_ID,
        ready: true,
        sentAt: '2026-11-30T17:00:00.000Z',
      },
    ]);
    // Two devices cannot share a name (any case) or a mosID.
    expect(() =>
      putMosDevice(
        db,
        { ...DEVICE, id: '3c9f1d9f-4e5b-4c6d-8e7f-8091a2b3c4d5', name: 'prompter 1', mosId: 'x' },
        'now',
      ),
    ).toThrow(/UNIQUE/);
    // Deleting the device takes what was sent to it.
    expect(deleteMosDevice(db, DEVICE.id)).toBe(true);
    expect(listMosSends(db)).toEqual([]);
  });
});
