// A stand-in for a running Copydesk that is killed mid-sentence: it saves a story over and over
// through the service table, each save adding one numbered sentence, and prints how many
// sentences the story has once that save has returned. The crash-safety test kills it with SIGKILL at a random moment.
import { openArchive } from '../../archive/open';
import { createServices, invokeService } from '../serviceTable';
import type { Story } from '../../../shared/story/model';

const [archivePath, storyId] = process.argv.slice(2);
if (!archivePath || !storyId) throw new Error('usage: saveLoop ARCHIVE STORY_ID');
const services = createServices({ archive: openArchive(archivePath), version: 'crash-test' });

let story = (await invokeService(services, 'stories.get', { id: storyId })) as {
  ok: true;
  value: Story;
};
for (let n = 1; ; n++) {
  const body: Story['body'] = [
    ...story.value.body,
    { type: 'paragraph', runs: [{ text: `Sentence ${n}.` }] },
  ];
  const saved = await invokeService(services, 'stories.save', {
    story: { ...story.value, body },
    mode: n % 5 === 0 ? 'explicit' : 'autosave',
    baseUpdatedAt: story.value.updatedAt,
  });
  if (!saved.ok) throw new Error(saved.error.message);
  story = saved as { ok: true; value: Story };
  const sentences = story.value.body.filter(
    (b) => b.type === 'paragraph' && b.runs.length > 0,
  ).length;
  process.stdout.write(`${sentences}\n`);
}
