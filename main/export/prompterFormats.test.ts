// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import JSZip from 'jszip';
import MarkdownIt from 'markdown-it';
import * as RTFJS from 'rtf.js/dist/RTFJS.bundle.js';
import { prompterHtml } from './prompterHtml';
import { prompterMarkdown } from './prompterMarkdown';
import { prompterDocx } from './prompterDocx';
import { prompterRtf } from './prompterRtf';
import { prompterLines } from '../../shared/prompter/lines';
import { xmlSafeText } from './xmlText';
import { everyBlockStory, hostileStory } from '../../shared/story/testing/scripts';
import { makeStory } from '../../shared/story/testing/makeStory';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '../../shared/export/options';
import type { Story } from '../../shared/story/model';
import { runsScriptText } from '../../shared/story/text';

const { Document: RtfDocument, loggingEnabled } = RTFJS as unknown as {
  Document: new (data: ArrayBuffer) => { render(): Promise<HTMLElement[]> };
  loggingEnabled(on: boolean): void;
};
loggingEnabled(false);

const options = (o: Partial<ExportOptions> = {}): ExportOptions => ({
  ...DEFAULT_EXPORT_OPTIONS,
  ...o,
});

/** Each prompter line as text: what every format must show, whatever its styling. */
function expectedLines(stories: readonly Story[], o: ExportOptions, separator?: string): string[] {
  return stories.flatMap((story, i) => [
    ...(i > 0 && separator !== undefined ? [separator] : []),
    ...prompterLines(story, o).map((line) => {
      switch (line.kind) {
        case 'read':
          return runsScriptText(line.runs);
        case 'instruction':
        case 'slug':
          return line.text;
        default:
          return `[${line.text}]`;
      }
    }),
  ]);
}

/** HTML read by jsdom's HTML parser: the text of each line element. */
function readHtml(html: string): { lines: string[]; doc: Document } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const lines = [...doc.querySelectorAll('article > *')].map((e) => e.textContent ?? '');
  return { lines, doc };
}

/** Markdown rendered by markdown-it (CommonMark), then read as HTML. */
function readMarkdown(md: string): string[] {
  const html = new MarkdownIt({ html: true }).render(md);
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return [...doc.body.querySelectorAll('h1, p')].map((e) => e.textContent ?? '');
}

/** The DOCX unzipped by JSZip; word/document.xml read by an XML parser, paragraph by paragraph. */
async function readDocx(bytes: Buffer): Promise<{ lines: string[]; xml: Document }> {
  const zip = await JSZip.loadAsync(bytes);
  const xmlText = await zip.file('word/document.xml')!.async('string');
  const xml = new DOMParser().parseFromString(xmlText, 'application/xml');
  expect(xml.getElementsByTagName('parsererror')).toHaveLength(0);
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const lines = [...xml.getElementsByTagNameNS(W, 'p')].map((p) =>
    [...p.getElementsByTagNameNS(W, 't')].map((t) => t.textContent).join(''),
  );
  return { lines, xml };
}

async function readRtf(rtf: string): Promise<string[]> {
  const elements = await new RtfDocument(
    new TextEncoder().encode(rtf).buffer as ArrayBuffer,
  ).render();
  return elements.map((e) => e.textContent ?? '').filter((t) => t !== '');
}

const show = () => [everyBlockStory(), makeStory({ slug: 'WEATHER', text: 'Rain by noon.' })];

describe('HTML prompter page read by an HTML parser', () => {
  it('has every line of every story, styles for cues and instructions, and dir=auto', () => {
    const o = options({ cues: 'red', instructions: 'reverse', fontSizePt: 48, storyBreak: 'page' });
    const { lines, doc } = readHtml(prompterHtml(show(), o));
    expect(lines).toEqual(expectedLines(show(), o));
    expect(doc.querySelectorAll('article')).toHaveLength(2);
    expect(doc.querySelector('style')!.textContent).toContain('.cue{color:#c00}');
    expect(doc.querySelector('style')!.textContent).toContain('.story+.story{break-before:page}');
    expect(doc.querySelector('style')!.textContent).toContain('48pt');
    expect(doc.querySelector('p.read strong')!.textContent).toBe('all night');
    expect(doc.querySelector('p.read .pronouncer')!.textContent).toBe('(BOO-sahn)');
    expect(doc.querySelector('p.instruction')!.textContent).toBe('(TURN TO CAM 2)');
    expect([...doc.querySelectorAll('p')].every((p) => p.getAttribute('dir') === 'auto')).toBe(
      true,
    );
    expect(doc.querySelector('script')).toBeNull();
  });

  it('hides cues, uses capitals and keeps hostile text exactly', () => {
    fc.assert(
      fc.property(hostileStory, fc.boolean(), (story, caps) => {
        const o = options({ cues: 'hidden', allCaps: caps });
        expect(readHtml(prompterHtml([story], o)).lines).toEqual(expectedLines([story], o));
      }),
      { numRuns: 100 },
    );
  });
});

describe('Markdown read by markdown-it', () => {
  it('has every line, a heading per story and a rule between stories', () => {
    const o = options({ includePackageCopy: true });
    const md = prompterMarkdown(show(), o);
    expect(readMarkdown(md)).toEqual(expectedLines(show(), o));
    const html = new MarkdownIt({ html: true }).render(md);
    expect(html.match(/<hr>/g)).toHaveLength(1);
    expect(html).toContain('<strong>all night</strong>');
    expect(html).toContain('<blockquote>');
  });

  it('escapes every Markdown special so hostile text reads back as written', () => {
    fc.assert(
      fc.property(hostileStory, (story) => {
        const o = options();
        expect(readMarkdown(prompterMarkdown([story], o))).toEqual(expectedLines([story], o));
      }),
      { numRuns: 150 },
    );
  });
});

describe('DOCX read back from word/document.xml', () => {
  it('has every line, marks, reverse-video instructions and page breaks between stories', async () => {
    const o = options({ storyBreak: 'page', fontSizePt: 40 });
    const { lines, xml } = await readDocx(await prompterDocx(show(), o));
    expect(lines.filter((l) => l !== '')).toEqual(expectedLines(show(), o));
    const raw = new XMLSerializer().serializeToString(xml);
    expect(raw).toContain('w:pageBreakBefore');
    expect(raw).toMatch(/<w:shd [^>]*w:fill="000000"/);
    expect(raw).toContain('<w:sz w:val="80"/>');
    expect(raw).toMatch(/<w:b\/>.*all night/s);
  });

  it('separates stories with a rule when asked, and keeps hostile text', async () => {
    const o = options();
    expect((await readDocx(await prompterDocx(show(), o))).lines).toEqual(
      expectedLines(show(), o, '——————'),
    );
    await fc.assert(
      fc.asyncProperty(hostileStory, async (story) => {
        const { lines } = await readDocx(await prompterDocx([story], o));
        expect(lines).toEqual(expectedLines([story], o).map(xmlSafeText));
      }),
      { numRuns: 40 },
    );
  });
});

describe('RTF prompter conventions read by rtf.js', () => {
  it('shows pronouncers after the word, colours cues as asked and breaks pages between stories', async () => {
    const o = options({ cues: 'red', instructions: 'red', storyBreak: 'page' });
    const rtf = prompterRtf(show(), o);
    expect(await readRtf(rtf)).toEqual(expectedLines(show(), o));
    expect(rtf).toContain('\\cf5 [TAKE VO]');
    expect(rtf).toContain('\\pagebb');
    expect(rtf).not.toContain('\\emdash');
    const reverse = prompterRtf(show(), options({ cues: 'reverse' }));
    expect(reverse).toContain('\\cf2\\highlight1\\chcbpat1 [TAKE VO]');
  });
});
