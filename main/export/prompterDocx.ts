import {
  AlignmentType,
  Document,
  NoBreakHyphen,
  Packer,
  Paragraph,
  ShadingType,
  Tab,
  TextRun,
} from 'docx';
import type { Story } from '../../shared/story/model';
import type { PrompterOptions } from '../../shared/export/options';
import { DEFAULT_TIMING, type TimingSettings } from '../../shared/story/timing';
import { prompterLines, type PrompterLine } from '../../shared/prompter/lines';
import { xmlSafeText } from './xmlText';

/**
 * Arial for Latin and for complex scripts (Arabic, Hebrew), Malgun Gothic for Korean and other
 * East Asian text; each with its size, so right-to-left copy is as large as the rest.
 */
const FONT = { ascii: 'Arial', hAnsi: 'Arial', cs: 'Arial', eastAsia: 'Malgun Gothic' };
const RTL_START = /^[^\p{L}]*[\p{Script=Arabic}\p{Script=Hebrew}]/u;

/** Text with its tabs as Word's tab elements. */
function withTabs(text: string): (string | Tab)[] {
  return xmlSafeText(text)
    .split('\t')
    .flatMap((part, i) => (i === 0 ? [part] : [new Tab(), part]))
    .filter((part) => part !== '');
}

/** A pronouncer on one line: non-breaking hyphens and spaces. */
function pronouncerChildren(pronouncer: string): (string | NoBreakHyphen)[] {
  return xmlSafeText(pronouncer)
    .replace(/ /g, '\u00A0')
    .split('-')
    .flatMap((part, i) => (i === 0 ? [part] : [new NoBreakHyphen(), part]))
    .filter((part) => part !== '');
}
const GREY = '606060';
const RED = 'CC0000';

type Look = { color?: string; reverse?: boolean; italics?: boolean; bold?: boolean };

function run(text: string, size: number, look: Look, marks: Partial<Look> = {}): TextRun {
  return new TextRun({
    text: xmlSafeText(text),
    font: FONT,
    size,
    sizeComplexScript: size,
    rightToLeft: RTL_START.test(text) || undefined,
    bold: look.bold || marks.bold,
    italics: look.italics || marks.italics,
    color: look.reverse ? 'FFFFFF' : look.color,
    shading: look.reverse ? { type: ShadingType.CLEAR, color: 'auto', fill: '000000' } : undefined,
  });
}

function cueLook(options: PrompterOptions): Look {
  if (options.cues === 'reverse') return { reverse: true };
  if (options.cues === 'red') return { color: RED };
  return { color: GREY };
}

function paragraph(line: PrompterLine, options: PrompterOptions, newPage: boolean): Paragraph {
  const size = options.fontSizePt * 2;
  const base = { spacing: { after: size * 5 }, pageBreakBefore: newPage || undefined };
  switch (line.kind) {
    case 'slug':
      return new Paragraph({ ...base, children: [run(line.text, size, { bold: true })] });
    case 'meta':
      return new Paragraph({ ...base, children: [run(`[${line.text}]`, size, { color: GREY })] });
    case 'cue':
      return new Paragraph({ ...base, children: [run(`[${line.text}]`, size, cueLook(options))] });
    case 'copy':
      return new Paragraph({
        ...base,
        children: [run(`[${line.text}]`, size, { color: GREY, italics: true })],
      });
    case 'instruction':
      return new Paragraph({
        ...base,
        children: [
          run(line.text, size, options.instructions === 'red' ? { color: RED } : { reverse: true }),
        ],
      });
    case 'read':
      return new Paragraph({
        ...base,
        bidirectional: RTL_START.test(line.runs.map((r) => r.text).join('')) || undefined,
        children: line.runs.flatMap((r) => {
          const word = new TextRun({
            children: withTabs(r.text),
            font: FONT,
            size,
            sizeComplexScript: size,
            rightToLeft: RTL_START.test(r.text) || undefined,
            bold: r.bold,
            italics: r.italic,
            underline: r.underline ? {} : undefined,
          });
          return r.pronouncer
            ? [
                word,
                new TextRun({
                  children: [' (', ...pronouncerChildren(r.pronouncer), ')'],
                  font: FONT,
                  size,
                  sizeComplexScript: size,
                }),
              ]
            : [word];
        }),
      });
  }
}

/**
 * A Word document with the prompter's conventions, for prompters that import DOCX (QPrompt via
 * LibreOffice, Autocue QStart) and for people who edit in Word: one paragraph per prompter line,
 * the same cue and instruction styles as the RTF, a rule or a page break between stories.
 */
export async function prompterDocx(
  stories: readonly Story[],
  options: PrompterOptions,
  timing: TimingSettings = DEFAULT_TIMING,
): Promise<Buffer> {
  const children: Paragraph[] = [];
  stories.forEach((story, i) => {
    if (i > 0 && options.storyBreak === 'separator') {
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [run('——————', options.fontSizePt * 2, { color: 'A0A0A0' })],
        }),
      );
    }
    prompterLines(story, options, timing).forEach((line, j) =>
      children.push(paragraph(line, options, i > 0 && j === 0 && options.storyBreak === 'page')),
    );
  });
  const doc = new Document({
    creator: 'Copydesk',
    title: stories.length === 1 ? xmlSafeText(stories[0]!.slug) : 'Copydesk show',
    sections: [
      {
        properties: {
          page: { margin: { top: 1080, bottom: 1080, left: 1080, right: 1080 } },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
