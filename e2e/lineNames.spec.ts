import { expect, test } from './fixtures';
import { startStoryWith } from './steps';

/** The label the page shows beside a line (its ::before), as a person reads it. */
function gutterLabel(line: Element): string {
  return getComputedStyle(line, '::before').content.replace(/^"|"$/g, '');
}

test.describe('one name for each kind of line (issue 12, item 9)', () => {
  test('the toolbar button and the label beside the page name each kind of line alike', async ({
    page,
  }) => {
    await startStoryWith(page, 'Ferries add sailings tonight.');
    const editor = page.getByTestId('script-editor');
    const kinds = page.getByRole('group', { name: 'Kind of line' });

    for (const [key, kind, name, full] of [
      ['2', 'cue', 'Cue', 'Production cue'],
      ['3', 'instruction', 'Instruction', 'Presenter instruction'],
      ['4', 'presenter', 'Presenter cue', 'Presenter cue'],
    ] as const) {
      await page.keyboard.press(`Control+Alt+${key}`);
      const pressed = kinds.locator('[aria-pressed="true"]');
      await expect(pressed).toHaveText(name);
      await expect(pressed).toHaveAttribute('title', new RegExp(`^${full}`));
      const line = editor.locator(`.cd-${kind}`);
      await expect(line).toHaveCount(1);
      expect(await line.evaluate(gutterLabel)).toBe(name.toUpperCase());
    }
  });
});
