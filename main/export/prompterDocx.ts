import { AlignmentType, Document, Packer, Paragraph, ShadingType, TextRun } from 'docx';
import type { Story } from '../../shared/story/model';
import type { PrompterOptions } from '../../shared/export/options';
import { DEFAULT_TIMING, type TimingSettings } from '../../shared/story/timing';
import { prompterLines, type PrompterLine } from '../../shared/prompter/lines';
import { xmlSafeText } from './xmlText';

const FONT = 'Arial';
const GREY = '606060';
const RED = 'CC0000';

type Look = { color?: string; reverse?: boolean; italics?: boolean; bold?: boolean };

function run(text: string, size: number, look: Look, marks: Partial<Look> = {}): TextRun {
  return new TextRun({
    text: xmlSafeText(text),
    font: FONT,
    size,
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
        children: line.runs.flatMap((r) => {
          const word = new TextRun({
            text: xmlSafeText(r.text),
            font: FONT,
            size,
            bold: r.bold,
            italics: r.italic,
            underline: r.underline ? {} : undefined,
          });
          return r.pronouncer
            ? [word, new TextRun({ text: ` (${xmlSafeText(r.pronouncer)})`, font: FONT, size })]
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
