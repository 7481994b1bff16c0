// jsdiff is one of the two packages shared/ may import (eslint/layers.js): a maintained Myers
// diff with an edit cap, in place of the quadratic one we used to write ourselves.
import { diffArrays } from 'diff';

/** One stretch of a word diff: unchanged, only in the old text, or only in the new. */
export type DiffPart = { op: 'same' | 'del' | 'add'; text: string };

/**
 * A word diff, and whether every changed stretch was compared word by word. When a stretch
 * changed too much to be worth it (a rewritten passage), it is shown as removed and added whole
 * and `wordByWord` is false, so the panel can say so.
 */
export type WordDiff = { parts: DiffPart[]; wordByWord: boolean };

/**
 * How much work one comparison may take. An edit is a paragraph, word or separator removed or
 * added; jsdiff's Myers search costs about the square of the edits it tries before it finds the
 * diff or gives up, so the limits are on edits per search and on their squares in all. They keep
 * a fully rewritten one-hour special to a fraction of a second (see the diff bench) while any
 * number of small corrections is still shown word by word.
 */
const PARAGRAPH_EDITS = 2000;
const WORD_EDITS_PER_RUN = 800;
const WORD_WORK_IN_ALL = 3 * WORD_EDITS_PER_RUN ** 2;

/** Words with the spaces and punctuation after them, so joining the parts gives the text back. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}\p{M}'’]+|[^\s\p{L}\p{N}\p{M}'’]/gu) ?? [];
}

/** Lines with their line breaks, so joining them gives the text back. */
function paragraphs(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

class Parts {
  readonly list: DiffPart[] = [];
  push(op: DiffPart['op'], text: string): void {
    if (text === '') return;
    const last = this.list.at(-1);
    if (last && last.op === op) last.text += text;
    else this.list.push({ op, text });
  }
}

/**
 * A word-level diff of two texts whose lines are paragraphs (jsdiff's Myers diff, paragraphs
 * first, then the words of each changed run of paragraphs). Joining the `same` and `del` parts
 * gives `before` back, the `same` and `add` parts `after`; adjacent parts of one kind are merged.
 */
export function wordDiff(before: string, after: string): WordDiff {
  const out = new Parts();
  let wordByWord = true;
  let work = WORD_WORK_IN_ALL;
  let removed = '';
  let added = '';
  // A changed run of paragraphs, word by word if that fits in what work is left, else whole.
  const flush = () => {
    if (removed === '' && added === '') return;
    const cap = Math.min(WORD_EDITS_PER_RUN, Math.floor(Math.sqrt(work)));
    const words =
      cap > 0 ? diffArrays(tokenize(removed), tokenize(added), { maxEditLength: cap }) : undefined;
    if (words) {
      work -= words.reduce((n, c) => n + (c.added || c.removed ? c.count : 0), 0) ** 2;
      for (const change of words)
        out.push(change.added ? 'add' : change.removed ? 'del' : 'same', change.value.join(''));
    } else {
      work -= cap ** 2;
      wordByWord = false;
      out.push('del', removed);
      out.push('add', added);
    }
    removed = '';
    added = '';
  };

  const lines = diffArrays(paragraphs(before), paragraphs(after), {
    maxEditLength: PARAGRAPH_EDITS,
  }) ?? [
    { value: paragraphs(before), removed: true, added: false, count: 0 },
    { value: paragraphs(after), removed: false, added: true, count: 0 },
  ];
  for (const change of lines) {
    if (change.removed) removed += change.value.join('');
    else if (change.added) added += change.value.join('');
    else {
      flush();
      out.push('same', change.value.join(''));
    }
  }
  flush();
  return { parts: out.list, wordByWord };
}
