import type { Story } from '../story/model';
import { formatDuration } from '../story/timing';
import { runsScriptText } from '../story/text';
import { STATUS_LABELS } from '../story/workflow';

export type FieldChange = { field: string; before: string; after: string };

/** The read text as a reviewer compares it: paragraphs, one per line, pronouncers included. */
export function comparableReadText(story: Pick<Story, 'body'>): string {
  return story.body
    .filter((b) => b.type === 'paragraph')
    .map((b) => runsScriptText(b.runs))
    .join('\n');
}

const describe = (s: Story) => ({
  Slug: s.slug,
  Format: s.format,
  Presenter: s.presenter,
  Reporter: s.reporter,
  Tags: s.tags.join(', '),
  Status: STATUS_LABELS[s.status],
  Page: s.page ?? '',
  Target: s.targetSec === undefined ? '' : formatDuration(s.targetSec),
  'Production cues': s.body
    .filter((b) => b.type === 'cue')
    .map((b) => b.text)
    .join(' · '),
  'Presenter instructions': s.body
    .filter((b) => b.type === 'instruction' || b.type === 'presenter')
    .map((b) => (b.type === 'presenter' ? `${b.name} reads` : b.text))
    .join(' · '),
  'Sound bites and packages': s.body
    .filter((b) => b.type === 'media')
    .map(
      (b) =>
        `${b.kind} ${b.speaker} ${b.durationSec === null ? '?' : formatDuration(b.durationSec)} IN “${b.inCue}” OUT “${b.outCue}”`,
    )
    .join(' · '),
});

/** Every field that differs between two versions of a story, read text aside (that is the word diff). */
export function storyFieldChanges(before: Story, after: Story): FieldChange[] {
  const a = describe(before);
  const b = describe(after);
  return (Object.keys(a) as (keyof typeof a)[])
    .filter((k) => a[k] !== b[k])
    .map((field) => ({ field, before: a[field], after: b[field] }));
}
