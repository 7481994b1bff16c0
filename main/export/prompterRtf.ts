import type { Run, Story } from '../../shared/story/model';
import type { PrompterOptions } from '../../shared/export/options';
import { prompterLines, type PrompterLine } from './prompterLayout';
import { rtfEscape } from './rtfText';

// Colour table indices: 1 black, 2 white, 3 cue grey, 4 separator grey.
const COLORS =
  '{\\colortbl;\\red0\\green0\\blue0;\\red255\\green255\\blue255;\\red96\\green96\\blue96;\\red160\\green160\\blue160;}';

/**
 * RTF for prompter software and word processors. Large type; presenter instructions in reverse
 * video (white on black, as prompters show them); cues in grey brackets; a rule between stories.
 */
export function prompterRtf(stories: readonly Story[], options: PrompterOptions): string {
  const size = options.fontSizePt * 2;
  const body = stories
    .map((story) =>
      prompterLines(story, options)
        .map((line) => rtfLine(line, size))
        .join(''),
    )
    .join(`\\pard\\plain\\qc\\f0\\fs${size}\\cf4 ${'\\emdash '.repeat(6)}\\par\n`);
  return (
    '{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1\n' +
    '{\\fonttbl{\\f0\\fswiss\\fcharset0 Arial;}}\n' +
    `${COLORS}\n` +
    '{\\*\\generator Copydesk;}\\viewkind4\\margl1080\\margr1080\\margt1080\\margb1080\n' +
    `${body}}`
  );
}

function rtfRun(run: Run): string {
  const marks = `${run.bold ? '\\b' : ''}${run.italic ? '\\i' : ''}${run.underline ? '\\ul' : ''}`;
  const text = rtfEscape(run.text);
  return marks ? `{${marks} ${text}}` : text;
}

function rtfLine(line: PrompterLine, size: number): string {
  const start = `\\pard\\plain\\sa${size * 5}\\f0\\fs${size}`;
  switch (line.kind) {
    case 'slug':
      return `${start}\\b ${rtfEscape(line.text)}\\par\n`;
    case 'meta':
    case 'cue':
      return `${start}\\cf3 [${rtfEscape(line.text)}]\\par\n`;
    case 'copy':
      return `${start}\\i\\cf3 [${rtfEscape(line.text)}]\\par\n`;
    case 'instruction':
      return `${start}\\cf2\\highlight1\\chcbpat1 ${rtfEscape(line.text)}\\par\n`;
    case 'read':
      return `${start} ${line.runs.map(rtfRun).join('')}\\par\n`;
  }
}
