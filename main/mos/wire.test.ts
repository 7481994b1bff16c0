import { describe, expect, it } from 'vitest';
import { xml2js } from '@mos-connection/helper';
import { readMos, str } from '../export/mos/testing/readMos';
import { mosMessages, mosStoryText } from '../export/mos/mosXml';
import { DEFAULT_EXPORT_OPTIONS } from '../../shared/export/options';
import { DEFAULT_TIMING } from '../../shared/story/timing';
import { makeStory } from '../../shared/story/testing/makeStory';
import type { MosStoryRef } from '../../shared/mos/runningOrder';
import { wireText } from './wire';

const ids = { ncsId: 'copydesk.ncs', mosId: 'prompter1.studio.mos' };
const story = makeStory({ slug: 'FIRE <AT> “PIER” & DOCK', text: 'Crews fought the fire.' });
const ref: MosStoryRef = {
  id: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
  storyId: story.id,
  slug: story.slug,
  num: 'A2',
  text: mosStoryText(story, DEFAULT_EXPORT_OPTIONS, DEFAULT_TIMING),
};

describe('what goes on the wire (read back by NRK’s parser, the newer helper)', () => {
  it('names the device as mosID and Copydesk as ncsID, though the connector fills them the other way round', () => {
    const xml = xml2js(wireText({ type: 'roDelete', roId: 'copydesk-ro-1' }, ids, 7)) as {
      mos: Record<string, unknown>;
    };
    expect(xml.mos.mosID).toBe('prompter1.studio.mos');
    expect(xml.mos.ncsID).toBe('copydesk.ncs');
    expect(String(xml.mos.messageID)).toBe('7');
    expect(xml.mos.roDelete).toEqual({ roID: 'copydesk-ro-1' });
  });

  it('roCreate carries the stories with their numbers; roStorySend the text exactly as the MOS file writes it', () => {
    const [create, send] = readMos(
      wireText({ type: 'roCreate', ro: { id: 'ro-1', slug: '6 PM NEWS', stories: [ref] } }, ids) +
        wireText({ type: 'roStorySend', roId: 'ro-1', story: ref }, ids, 2),
    );
    if (create?.kind !== 'roCreate' || send?.kind !== 'roStorySend') throw new Error('kinds');
    expect(create.ro.Stories.map((s) => [str(s.ID), str(s.Slug), str(s.Number)])).toEqual([
      [ref.id, 'FIRE <AT> “PIER” & DOCK', 'A2'],
    ]);
    expect(str(send.story.ID)).toBe(ref.id);
    expect(str(send.story.Number)).toBe('A2');
    // The same storyBody and metadata as a MOS file of the same story.
    const file = mosMessages([story], DEFAULT_EXPORT_OPTIONS)[0]!;
    const body = (x: string) => x.slice(x.indexOf('<storyBody>'), x.indexOf('</roStorySend>'));
    expect(body(wireText({ type: 'roStorySend', roId: 'ro-1', story: ref }, ids))).toBe(body(file));
  });
});
