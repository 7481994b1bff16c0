import type { Run, Story } from '../../shared/story/model';
import type { PrompterOptions } from '../../shared/export/options';
import { DEFAULT_TIMING, type TimingSettings } from '../../shared/story/timing';
import { prompterLines, type PrompterLine } from '../../shared/prompter/lines';
import { rtfEscape } from './rtfText';

// Colour table indices: 1 black, 2 white, 3 cue grey, 4 separator grey, 5 red.
const COLORS =
  '{\\colortbl;\\red0\\green0\\blue0;\\red255\\green255\\blue255;\\red96\\green96\\blue96;\\red160\\green160\\blue160;\\red204\\green0\\blue0;}';
const REVERSE = '\\cf2\\highlight1\\chcbpat1';
const RED = '\\cf5';

/**
 * RTF for prompter software and word processors. Large type; presenter instructions in reverse
 * video (white on black, as prompters show them); cues in grey brackets; a rule between stories.
 */
export function prompterRtf(
  stories: readonly Story[],
  options: PrompterOptions,
  timing: TimingSettings = DEFAULT_TIMING,
): string {
  const size = options.fontSizePt * 2;
  const separator =
    options.storyBreak === 'page'
      ? ''
      : `\\pard\\plain\\qc\\f0\\fs${size}\\cf4 ${'\\emdash '.repeat(6)}\\par\n`;
  const body = stories
    .map((story, i) =>
      prompterLines(story, options, timing)
        .map((line, j) => rtfLine(line, size, options, i > 0 && j === 0 && separator === ''))
        .join(''),
    )
    .join(separator);
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
  const word = marks ? `{${marks} ${text}}` : text;
  // The pronouncer follows the word in plain type, as the script shows it.
  return run.pronouncer ? `${word} (${rtfEscape(run.pronouncer)})` : word;
}

function cueColour(options: PrompterOptions): string {
  return options.cues === 'reverse' ? REVERSE : options.cues === 'red' ? RED : '\\cf3';
}

function rtfLine(
  line: PrompterLine,
  size: number,
  options: PrompterOptions,
  newPage: boolean,
): string {
  const start = `\\pard\\plain${newPage ? '\\pagebb' : ''}\\sa${size * 5}\\f0\\fs${size}`;
  switch (line.kind) {
    case 'slug':
      return `${start}\\b ${rtfEscape(line.text)}\\par\n`;
    case 'meta':
      return `${start}\\cf3 [${rtfEscape(line.text)}]\\par\n`;
    case 'cue':
      return `${start}${cueColour(options)} [${rtfEscape(line.text)}]\\par\n`;
    case 'copy':
      return `${start}\\i\\cf3 [${rtfEscape(line.text)}]\\par\n`;
    case 'instruction':
      return `${start}${options.instructions === 'red' ? RED : REVERSE} ${rtfEscape(line.text)}\\par\n`;
    case 'read':
      return `${start} ${line.runs.map(rtfRun).join('')}\\par\n`;
  }
}
