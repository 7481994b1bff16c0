import type { Run, Story } from '../../shared/story/model';
import type { PrompterOptions } from '../../shared/export/options';
import { DEFAULT_TIMING, type TimingSettings } from '../../shared/story/timing';
import { prompterLines, type PrompterLine } from '../../shared/prompter/lines';

/**
 * Escapes what CommonMark (and markdown-it, with its strikethrough) would read as markup, and
 * nothing else, so the file also reads as plain text: `0:11` and `,...` stay as written.
 * Everywhere: backslashes, backticks, `*`, `<`, `_` that could open or close emphasis, `~~`, an
 * `&` that would start an entity, and a `]` that could close a link. At the start of a line: the
 * marks of headings, block quotes, lists, rules and fences, and indentation (a tab or four
 * spaces would make code).
 */
export function markdownEscape(text: string, lineStart = true): string {
  let out = text
    .replace(/[\\`*<]/gu, (c) => `\\${c}`)
    // Inside a word (`snake_case`) an underscore opens nothing.
    .replace(/_/gu, (c, at: number, whole: string) =>
      /[\p{L}\p{N}]/u.test(whole[at - 1] ?? '') && /[\p{L}\p{N}]/u.test(whole[at + 1] ?? '')
        ? c
        : '\\_',
    )
    .replace(/~(?=~)|(?<=~)~/gu, '\\~')
    .replace(/&(?=#?[\p{L}\p{N}]+;)/gu, '\\&')
    .replace(/\](?=[([:])/gu, '\\]');
  if (lineStart) out = escapeLineStart(out);
  return out.replace(/^[ \t]+|[ \t]+$/g, (edge) =>
    [...edge].map((c) => (c === '\t' ? '&#9;' : '&#32;')).join(''),
  );
}

/** Block markup a line could open with, when its text starts it. */
function escapeLineStart(line: string): string {
  const lead = /^[ \t]*/.exec(line)![0];
  const rest = line.slice(lead.length);
  let escaped = rest;
  if (/^(?:[-+=_](?:[ \t]*[-+=_])*)[ \t]*$/u.test(rest) && rest.trim().length >= 1)
    escaped = `\\${rest}`;
  else if (/^(?:#{1,6}|>|[-+]|~~~)(?=[ \t]|$|~)/u.test(rest)) escaped = `\\${rest}`;
  else if (/^\d{1,9}[.)](?=[ \t]|$)/u.test(rest))
    escaped = rest.replace(/^(\d{1,9})([.)])/u, '$1\\$2');
  else if (/^\[[^\]]*\\?\]:/u.test(rest)) escaped = `\\${rest}`;
  return lead + escaped;
}

// A run whose ends are letters or digits can take `**`/`*`; others would break CommonMark's
// flanking rules, so they get the inline HTML tags Markdown also reads.
const SAFE_ENDS = /^[\p{L}\p{N}](?:.*[\p{L}\p{N}])?$/su;

function wrap(text: string, md: string, html: string, safe: boolean): string {
  return safe ? `${md}${text}${md}` : `<${html}>${text}</${html}>`;
}

function runMarkdown(run: Run, first: boolean): string {
  const lead = /^[ \t]*/.exec(run.text)![0];
  const trail = run.text.length > lead.length ? /[ \t]*$/.exec(run.text)![0] : '';
  const core = run.text.slice(lead.length, run.text.length - trail.length);
  let inner = markdownEscape(core, first && lead === '');
  if (core !== '') {
    const safe = SAFE_ENDS.test(core);
    if (run.underline) inner = `<u>${inner}</u>`;
    if (run.italic) inner = wrap(inner, '*', 'em', safe && !run.underline);
    if (run.bold) inner = wrap(inner, '**', 'strong', safe && !run.underline);
  }
  const word = `${lead}${inner}${trail}`;
  return run.pronouncer ? `${word} (${markdownEscape(run.pronouncer, false)})` : word;
}

function lineMarkdown(line: PrompterLine): string {
  switch (line.kind) {
    case 'slug':
      // A heading's closing `#`s would be dropped: a trailing one is escaped.
      return `# ${markdownEscape(line.text, false).replace(/(^| )(#+)$/u, '$1\\$2')}`;
    case 'meta':
    case 'cue':
      return markdownEscape(`[${line.text}]`);
    case 'copy':
      return `*${markdownEscape(`[${line.text}]`, false)}*`;
    case 'instruction':
      return `> ${markdownEscape(line.text)}`;
    case 'read': {
      const text = line.runs.map((run, i) => runMarkdown(run, i === 0)).join('');
      return text.replace(/^[ \t]+|[ \t]+$/g, (edge) =>
        [...edge].map((c) => (c === '\t' ? '&#9;' : '&#32;')).join(''),
      );
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
