import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive, type Archive } from '../../archive/open';
import { createServices, invokeService, type ServiceContext } from '../serviceTable';
import type { Channel, Input, Output } from '../../../shared/ipc/contract';
import type { ExportFile } from '../../../shared/ipc/types';

const open: Archive[] = [];
/** Closes the archives the tests opened. */
export function closeArchives(): void {
  for (const archive of open.splice(0)) archive.close();
}

/**
 * The service table on a fresh archive file, called as the transports call it; `extra` adds to
 * its context (a change feed, MOS links).
 */
export function serviceCaller(extra: (archive: Archive) => Partial<ServiceContext> = () => ({})) {
  const archive = openArchive(join(mkdtempSync(join(tmpdir(), 'copydesk-rdx-')), 'a.sqlite'));
  open.push(archive);
  let clock = Date.parse('2026-11-30T10:00:00.000Z');
  const services = createServices({
    archive,
    version: 'test',
    now: () => new Date((clock += 1000)),
    ...extra(archive),
  });
  const call = async <K extends Channel>(channel: K, input: Input<K>): Promise<Output<K>> => {
    const result = await invokeService(services, channel, input);
    if (!result.ok)
      throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as Output<K>;
  };
  return { call, archive };
}

/** An exported file's text, whichever way it is encoded. */
export const exportedText = (file: ExportFile) =>
  file.encoding === 'utf8' ? file.data : Buffer.from(file.data, 'base64').toString('utf8');
const SIX = 18 * 3600;

/** A 30-minute show: HEADLINES, three stories (one floated), a break, one more story. */
export async function tonight(call: ReturnType<typeof serviceCaller>['call']) {
  const slugs = ['HARBOR FIRE', 'CITY BUDGET', 'LOST DOG', 'WEATHER'];
  const stories = [];
  for (const [i, slug] of slugs.entries()) {
    const s = await call('stories.create', { slug });
    const words = Array.from({ length: 90 * (i + 1) }, () => 'word').join(' ');
    stories.push(
      await call('stories.save', {
        story: {
          ...s,
          presenter: 'Dana Reyes',
          body: [{ type: 'paragraph', runs: [{ text: `${slug} ${words}` }] }],
        },
        baseUpdatedAt: s.updatedAt,
      }),
    );
  }
  let d = await call('rundowns.create', {
    title: '6 PM NEWS',
    airDate: '2026-11-30',
    onAirSec: SIX,
    lengthSec: 1800,
  });
  const id = d.rundown.id;
  d = await call('rundowns.addRow', { id, row: { kind: 'item', label: 'HEADLINES', estSec: 30 } });
  for (const s of stories.slice(0, 3))
    d = await call('rundowns.addRow', { id, row: { kind: 'story', storyId: s.id } });
  d = await call('rundowns.addRow', { id, row: { kind: 'break', label: 'BREAK 1', estSec: 120 } });
  d = await call('rundowns.addRow', { id, row: { kind: 'story', storyId: stories[3]!.id } });
  // Producer moves WEATHER to the top of the show and floats LOST DOG.
  const rowOf = (slug: string) =>
    d.rundown.rows[[...slugs].indexOf(slug) + (slug === 'WEATHER' ? 2 : 1)]!.id;
  await call('rundowns.moveRow', { id, rowId: rowOf('WEATHER'), to: 1 });
  await call('rundowns.setRow', { id, rowId: rowOf('LOST DOG'), floated: true });
  return { id, stories };
}
