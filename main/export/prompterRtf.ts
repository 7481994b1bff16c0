import type { Run, Story } from '../../shared/story/model';
import type { PrompterOptions } from '../../shared/export/options';
import { DEFAULT_TIMING, type TimingSettings } from '../../shared/story/timing';
import { prompterLines, type PrompterLine } from '../../shared/prompter/lines';
import { rtfEscape } from './rtfText';
import { rtfFontTable, type RtfFontTable } from './rtfFonts';

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
  const laid = stories.map((story) => prompterLines(story, options, timing));
  const fonts = rtfFontTable(laid.flat().map(lineText).join('\n'));
  // `\afs` sizes right-to-left and other complex-script text, which `\fs` alone leaves at 12 pt.
  const sized = `\\f0\\fs${size}\\af0\\afs${size}`;
  const separator =
    options.storyBreak === 'page'
      ? ''
      : `\\pard\\plain\\qc${sized}\\cf4 ${'\\emdash '.repeat(6)}\\par\n`;
  const body = laid
    .map((lines, i) =>
      lines
        .map((line, j) =>
          rtfLine(line, sized, size, fonts, options, i > 0 && j === 0 && separator === ''),
        )
        .join(''),
    )
    .join(separator);
  return (
    '{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1\n' +
    `${fonts.table}\n` +
    `${COLORS}\n` +
    '{\\*\\generator Copydesk;}\\viewkind4\\margl1080\\margr1080\\margt1080\\margb1080\n' +
    `${body}}`
  );
}

function lineText(line: PrompterLine): string {
  return line.kind === 'read'
    ? line.runs.map((r) => `${r.text} ${r.pronouncer ?? ''}`).join('')
    : line.text;
}

/** A pronouncer stays on one line: non-breaking hyphens (`\_`) and spaces (`\~`). */
function rtfPronouncer(pronouncer: string): string {
  return pronouncer
    .split(/([- ])/u)
    .map((part) => (part === '-' ? '\\_' : part === ' ' ? '\\~' : rtfEscape(part)))
    .join('');
}

function rtfRun(run: Run, fonts: RtfFontTable): string {
  const marks = `${run.bold ? '\\b' : ''}${run.italic ? '\\i' : ''}${run.underline ? '\\ul' : ''}`;
  const text = fonts.text(rtfEscape, run.text);
  const word = marks ? `{${marks} ${text}}` : text;
  // The pronouncer follows the word in plain type, as the script shows it.
  return run.pronouncer ? `${word} (${rtfPronouncer(run.pronouncer)})` : word;
}

function cueColour(options: PrompterOptions): string {
  return options.cues === 'reverse' ? REVERSE : options.cues === 'red' ? RED : '\\cf3';
}

function rtfLine(
  line: PrompterLine,
  sized: string,
  size: number,
  fonts: RtfFontTable,
  options: PrompterOptions,
  newPage: boolean,
): string {
  const text = (t: string) => fonts.text(rtfEscape, t);
  // A line whose text starts right-to-left is a right-to-left paragraph.
  const rtl = /^[^\p{L}]*[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(lineText(line))
    ? '\\rtlpar'
    : '';
  const start = `\\pard\\plain${rtl}${newPage ? '\\pagebb' : ''}\\sa${size * 5}${sized}`;
  switch (line.kind) {
    case 'slug':
      return `${start}\\b ${text(line.text)}\\par\n`;
    case 'meta':
      return `${start}\\cf3 [${text(line.text)}]\\par\n`;
    case 'cue':
      return `${start}${cueColour(options)} [${text(line.text)}]\\par\n`;
    case 'copy':
      return `${start}\\i\\cf3 [${text(line.text)}]\\par\n`;
    case 'instruction':
      return `${start}${options.instructions === 'red' ? RED : REVERSE} ${text(line.text)}\\par\n`;
    case 'read':
      return `${start} ${line.runs.map((r) => rtfRun(r, fonts)).join('')}\\par\n`;
  }
}
