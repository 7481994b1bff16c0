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

/** The body with comment anchors taken out, and the runs they split joined again. */
function withoutCommentAnchors(body: readonly Block[]): Block[] {
  return body.map((block) => {
    if (block.type !== 'paragraph') return block;
    const runs: (typeof block.runs)[number][] = [];
    for (const run of block.runs) {
      const { comments: _comments, ...plain } = run;
      const last = runs.at(-1);
      const { text: _a, ...lastStyle } = last ?? { text: '' };
      const { text: _b, ...style } = plain;
      if (last && JSON.stringify(lastStyle) === JSON.stringify(style))
        runs[runs.length - 1] = { ...last, text: last.text + plain.text };
      else runs.push(plain);
    }
    return { ...block, runs };
  });
}

/**
 * Whether two versions of a story say the same, apart from where comments are anchored: what an
 * editor may save while a story waits in review (a comment's mark) and a reporter may not (a
 * change of text or details).
 */
export function sameApartFromComments(a: Story, b: Story): boolean {
  const comparable = (s: Story) =>
    JSON.stringify({
      ...s,
      body: withoutCommentAnchors(s.body),
      status: null,
      createdAt: null,
      updatedAt: null,
    });
  return comparable(a) === comparable(b);
}
