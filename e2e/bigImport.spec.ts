import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeStoryFile, serializeStoryFile } from '../shared/exchange/storyFile';
import { makeStory } from '../shared/story/testing/makeStory';
import { expect, test } from './fixtures';

const MB = 2 ** 20;

/**
 * A Copydesk story file of about 6 MB, written as the exporter writes one: forty stories of
 * some 160,000 characters, so that the size is the file's, not one story's (opening a story of
 * a million characters is the editor bench's business, not the importer's).
 */
function sixMegabyteStoryFile(dir: string, name: string): string {
  const stories = Array.from({ length: 40 }, (_, i) => {
    const sentence = `Council session ${i} on the harbor bridge repairs went late into the night. `;
    return makeStory({ slug: `${name.toUpperCase()} PART ${i}`, text: sentence.repeat(2_200) });
  });
  const out = join(dir, `${name}.json`);
  writeFileSync(out, serializeStoryFile(makeStoryFile(stories, 'Copydesk', new Date())));
  return out;
}

test('three 6 MB files import in browser mode, sent in batches instead of refused with 413', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-big-import-'));
  const files = ['evening', 'late', 'weekend'].map((name) => sixMegabyteStoryFile(dir, name));
  for (const file of files) expect(statSync(file).size).toBeGreaterThan(6 * MB);

  await page.getByTestId('import-input').setInputFiles(files);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 120 stories' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('list-count')).toHaveText(/120 stories/i);
});
