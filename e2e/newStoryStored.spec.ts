import { DEFAULT_TEMPLATES } from '../shared/story/templates';
import { makeStory } from '../shared/story/testing/makeStory';
import { expect, test, unwrap } from './fixtures';

const FERRY = makeStory({ slug: 'FERRY STRIKE', text: 'Ferry crews walk out at noon.' });
/** What "New story" used to leave behind at once: no slug, only its template. */
const LEFT_EMPTY = makeStory({
  slug: '',
  presenter: '',
  body: [...DEFAULT_TEMPLATES.READER],
  createdAt: '2026-11-28T11:00:00.000Z',
  updatedAt: '2026-11-28T11:00:00.000Z',
});

test.use({ seed: { stories: [FERRY, LEFT_EMPTY] } });

test('a new story reaches the archive only once it has text; one left empty never does', async ({
  page,
  call,
}) => {
  const rows = page.getByTestId('story-row');
  await expect(rows).toHaveCount(2);

  await test.step('New story, then away without writing: nothing is stored', async () => {
    await page.getByTestId('new-story').click();
    await expect(page.getByTestId('script-editor')).toBeFocused();
    await expect(page.getByTestId('save-state')).toHaveText(/stored once it has a slug or text/);
    await page.getByTestId('story-list').getByText('FERRY STRIKE').click();
    await expect(page.getByTestId('slug')).toHaveValue('FERRY STRIKE');
    await expect(rows).toHaveCount(2);
    expect(unwrap(await call('stories.list', {})).total).toBe(2);
  });

  await test.step('New story, and the first words store it', async () => {
    await page.getByTestId('new-story').click();
    await expect(page.getByTestId('script-editor')).toBeFocused();
    await page.keyboard.type('Divers found the ferry’s black box.');
    await expect(page.getByTestId('save-state')).toHaveText(/^Saved/);
    await expect(rows).toHaveCount(3);
    expect(unwrap(await call('stories.list', {})).total).toBe(3);
  });

  await test.step('an export of every story leaves out the empty one an older version stored', async () => {
    const { files } = unwrap(
      await call('export.stories', { selection: { all: true }, format: 'json' }),
    );
    const exported = JSON.parse(files[0]!.data) as { stories: { id: string }[] };
    expect(exported.stories.map((s) => s.id)).not.toContain(LEFT_EMPTY.id);
    expect(exported.stories.map((s) => s.id)).toContain(FERRY.id);
    expect(exported.stories).toHaveLength(2);
  });
});
