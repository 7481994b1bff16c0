import type { Run, Story } from '../../shared/story/model';
import type { PrompterOptions } from '../../shared/export/options';
import { DEFAULT_TIMING, type TimingSettings } from '../../shared/story/timing';
import { prompterLines, type PrompterLine } from '../../shared/prompter/lines';

/**
 * Escapes text so CommonMark reads it back literally: every ASCII punctuation character gets a
 * backslash (CommonMark allows that for all of them), and spaces at either end of a line, which
 * Markdown would drop, become `&#32;`.
 */
export function markdownEscape(text: string): string {
  const escaped = text.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
  return escaped.replace(/^ +| +$/g, (spaces) => '&#32;'.repeat(spaces.length));
}

// A run whose ends are letters or digits can take `**`/`*`; others would break CommonMark's
// flanking rules, so they get the inline HTML tags Markdown also reads.
const SAFE_ENDS = /^[\p{L}\p{N}](?:.*[\p{L}\p{N}])?$/su;

function wrap(text: string, md: string, html: string, safe: boolean): string {
  return safe ? `${md}${text}${md}` : `<${html}>${text}</${html}>`;
}

function runMarkdown(run: Run): string {
  const lead = /^ */.exec(run.text)![0];
  const trail = run.text.length > lead.length ? / *$/.exec(run.text)![0] : '';
  const core = run.text.slice(lead.length, run.text.length - trail.length);
  let inner = core.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
  if (core !== '') {
    const safe = SAFE_ENDS.test(core);
    if (run.underline) inner = `<u>${inner}</u>`;
    if (run.italic) inner = wrap(inner, '*', 'em', safe && !run.underline);
    if (run.bold) inner = wrap(inner, '**', 'strong', safe && !run.underline);
  }
  const word = `${lead}${inner}${trail}`;
  return run.pronouncer ? `${word} \\(${markdownEscape(run.pronouncer)}\\)` : word;
}

function lineMarkdown(line: PrompterLine): string {
  switch (line.kind) {
    case 'slug':
      return `# ${markdownEscape(line.text)}`;
    case 'meta':
    case 'cue':
      return markdownEscape(`[${line.text}]`);
    case 'copy':
      return `*${markdownEscape(`[${line.text}]`)}*`;
    case 'instruction':
      return `> ${markdownEscape(line.text)}`;
    case 'read': {
      const text = line.runs.map(runMarkdown).join('');
      return text.replace(/^ +| +$/g, (spaces) => '&#32;'.repeat(spaces.length));
    }
  }
}

/**
 * Markdown for QPrompt and web prompters: the slug as a heading, cues in brackets, presenter
 * instructions as block quotes (set off from the read text), a rule between stories.
 */
export function prompterMarkdown(
  stories: readonly Story[],
  options: PrompterOptions,
  timing: TimingSettings = DEFAULT_TIMING,
): string {
  return `${stories
    .map((story) => prompterLines(story, options, timing).map(lineMarkdown).join('\n\n'))
    .join('\n\n---\n\n')}\n`;
}
