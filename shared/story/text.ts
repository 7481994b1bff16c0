import type { Block, Run, Story } from './model';

export function sameComments(a: Run, b: Run): boolean {
  const x = a.comments ?? [];
  const y = b.comments ?? [];
  return x.length === y.length && x.every((id, i) => id === y[i]);
}

export function sameMarks(a: Run, b: Run): boolean {
  return (
    a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && sameComments(a, b)
  );
}

/** Two neighbouring runs are one when their marks agree; a run with a pronouncer stands alone. */
function mergeable(a: Run, b: Run): boolean {
  return a.pronouncer === undefined && b.pronouncer === undefined && sameMarks(a, b);
}

/** The canonical form of a paragraph's runs: no empty runs, no neighbours that could be one. */
export function normalizeRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const last = out[out.length - 1];
    if (last && mergeable(last, run)) out[out.length - 1] = { ...last, text: last.text + run.text };
    else out.push(run);
  }
  return out;
}

/** A run as the script shows it: the word, then its pronouncer in parentheses. */
export function runWithPronouncer(run: Run): string {
  return run.pronouncer ? `${run.text} (${run.pronouncer})` : run.text;
}

/** A paragraph as written in a script, pronouncers included. */
export function runsScriptText(runs: readonly Run[]): string {
  return runs.map(runWithPronouncer).join('');
}

export function plainRun(text: string): Run {
  return { text };
}

export function runsText(runs: readonly Run[]): string {
  let s = '';
  for (const run of runs) s += run.text;
  return s;
}

/** Every word a person might search for in a block: read text, cues, instructions, media. */
export function blockSearchText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return runsScriptText(block.runs);
    case 'cue':
    case 'instruction':
      return block.text;
    case 'presenter':
      return block.name;
    case 'media':
      return [block.speaker, block.title, block.transcript].filter(Boolean).join(' ');
  }
}

export function storySearchText(story: Pick<Story, 'body'>): string {
  return story.body.map(blockSearchText).join('\n');
}

/** The read text only, as a reader would see it: one line per paragraph. */
export function storyReadText(story: Pick<Story, 'body'>): string {
  return story.body
    .filter((b) => b.type === 'paragraph')
    .map((b) => runsText(b.runs))
    .join('\n');
}

/** The copy of a story, one line per block: its read text and the words of its bites and packages. */
export function storyCopyText(body: readonly Block[]): string {
  return body
    .map((b) =>
      b.type === 'paragraph' ? runsText(b.runs) : b.type === 'media' ? b.transcript : '',
    )
    .join('\n');
}
