import type { Block, Story } from './model';

/** Every piece of text a block holds, trimmed, blanks left out. */
function blockTexts(block: Block): string[] {
  switch (block.type) {
    case 'paragraph':
      return [block.runs.map((r) => r.text).join('')];
    case 'cue':
    case 'instruction':
      return [block.text];
    case 'presenter':
      return [block.name];
    case 'media':
      return [block.speaker, block.title, block.inCue, block.outCue, block.transcript];
  }
}

function texts(body: readonly Block[]): string[] {
  return body
    .flatMap(blockTexts)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/**
 * Whether a story holds anything a person put there: a slug, a presenter, a reporter, a tag, a
 * target, or text beyond what its format's template starts with. A new story is stored only
 * once it has content, so one opened and left empty never reaches the archive; an empty one an
 * older Copydesk stored is left out of "every story" exports and printed shows.
 */
export function storyHasContent(story: Story, template: readonly Block[]): boolean {
  if (story.slug.trim() !== '' || story.presenter.trim() !== '' || story.reporter.trim() !== '')
    return true;
  if (story.tags.length > 0 || (story.targetSec ?? null) !== null) return true;
  const starting = new Set(texts(template));
  return texts(story.body).some((t) => !starting.has(t));
}
