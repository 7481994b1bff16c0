// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { readRtf } from '../export/testing/readRtf';
import {
  closeArchives,
  exportedText as text,
  serviceCaller as setup,
  tonight,
} from './testing/rundownShow';

afterEach(closeArchives);

describe('exporting a rundown to a prompter', () => {
  it('writes RTF a prompter reads, in running order', async () => {
    const { call } = setup();
    const { id } = await tonight(call);
    const { files } = await call('export.stories', {
      selection: { rundown: id },
      format: 'prompter-rtf',
    });
    const paragraphs = await readRtf(text(files[0]!));
    const slugs = paragraphs.filter((p) => /^A\d /.test(p));
    expect(slugs).toEqual(['A2 WEATHER', 'A3 HARBOR FIRE', 'A4 CITY BUDGET']);
    expect(paragraphs.join('\n')).not.toContain('LOST DOG');
  });
});
