import type { Block } from '../../shared/story/model';
import { runsScriptText } from '../../shared/story/text';
import { formatDuration } from '../../shared/story/timing';

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return runsScriptText(block.runs);
    case 'cue':
      return `[${block.text}]`;
    case 'instruction':
      return /^\(.*\)$/s.test(block.text.trim()) ? block.text : `(${block.text})`;
    case 'presenter':
      return `(${block.name.toLocaleUpperCase()} READS)`;
    case 'media': {
      const who = [block.speaker, block.title].filter(Boolean).join(', ');
      return [
        `[TAKE ${block.kind}${who ? `: ${who}` : ''}]`,
        block.inCue && `IN: ${block.inCue}`,
        block.outCue && `OUT: ${block.outCue}`,
        block.durationSec !== null && `DUR: ${formatDuration(block.durationSec)}`,
        block.transcript,
      ]
        .filter(Boolean)
        .join('\n');
    }
  }
}

/**
 * A story's body as a plain-text script — cues in brackets, instructions in parentheses, sound
 * bites with their IN, OUT and duration — the shape Copydesk's importer reads back on a paste.
 */
export function storyPlainText(body: readonly Block[]): string {
  return body.map(blockText).join('\n\n');
}
