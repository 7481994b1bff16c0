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
import { prompterText } from './prompterText';
import { prompterLines } from '../../shared/prompter/lines';
import { xmlSafeText } from './xmlText';
import { everyBlockStory, hostileStory, packageStory } from '../../shared/story/testing/scripts';
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
  // As Word reads a run: its text, tabs and non-breaking hyphens in order.
  const lines = [...xml.getElementsByTagNameNS(W, 'p')].map((p) =>
    [...p.getElementsByTagNameNS(W, 'r')]
      .flatMap((r) => [...r.children])
      .map((n) =>
        n.localName === 't'
          ? n.textContent
          : n.localName === 'tab'
            ? '\t'
            : n.localName === 'noBreakHyphen'
              ? '-'
              : '',
      )
      .join(''),
  );
  return { lines, xml };
}

async function readRtf(rtf: string): Promise<string[]> {
  const elements = await new RtfDocument(
    new TextEncoder().encode(rtf).buffer as ArrayBuffer,
  ).render();
  // A non-breaking hyphen (`\_`, how a pronouncer is kept on one line) reads as a hyphen.
  return elements
    .map((e) => (e.textContent ?? '').replace(/\u2011/gu, '-'))
    .filter((t) => t !== '');
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

describe('what reaches the prompter', () => {
  const pronounced = makeStory({
    body: [
      {
        type: 'paragraph',
        runs: [
          { text: '\tThe envoy ' },
          { text: 'Raghunathan', pronouncer: 'RAH-goo-NAH-tun' },
          { text: ' arrived at 0:11,... (3-2) after the vote.' },
        ],
      },
    ],
  });

  it('ALL CAPS leaves a pronouncer’s case alone in every format (RAH-goo-NAH-tun became RAH-GOO-NAH-TUN)', async () => {
    const o = options({ allCaps: true });
    const line =
      '\tTHE ENVOY RAGHUNATHAN (RAH-goo-NAH-tun) ARRIVED AT 0:11,... (3-2) AFTER THE VOTE.';
    expect(readHtml(prompterHtml([pronounced], o)).lines).toContain(line);
    expect(readMarkdown(prompterMarkdown([pronounced], o))).toContain(line);
    expect((await readDocx(await prompterDocx([pronounced], o))).lines).toContain(line);
    expect(prompterText([pronounced], o)).toContain(line);
    const rtf = await readRtf(prompterRtf([pronounced], o));
    expect(rtf.some((l) => l.includes('(RAH-goo-NAH-tun)'))).toBe(true);
  });

  it('keeps a pronouncer on one line: nowrap in HTML, non-breaking hyphens in DOCX and RTF', async () => {
    const html = prompterHtml([pronounced], options());
    expect(html).toContain('.pronouncer{font-weight:normal;font-style:normal;white-space:nowrap}');
    const { xml } = await readDocx(await prompterDocx([pronounced], options()));
    const raw = new XMLSerializer().serializeToString(xml);
    expect(raw).toMatch(/RAH<\/w:t><w:noBreakHyphen\/><w:t[^>]*>goo<\/w:t><w:noBreakHyphen\/>/);
    expect(prompterRtf([pronounced], options())).toContain('(RAH\\_goo\\_NAH\\_tun)');
  });

  it('Markdown escapes only what CommonMark would misread, so it reads as plain text (0\\:11 was escaped)', () => {
    const md = prompterMarkdown([pronounced], options());
    expect(md).toContain(
      '&#9;The envoy Raghunathan (RAH-goo-NAH-tun) arrived at 0:11,... (3-2) after the vote.',
    );
    const risky = makeStory({
      body: [
        '# not a heading',
        '- not a list',
        '1. not a list either',
        '> not a quote',
        '---',
        'snake_case stays, _emphasis_ does not, nor *stars* or `code`',
        '[link](x) and [ref]: y and <b>tags</b> and &amp; and ~~strike~~',
      ].map((text) => ({ type: 'paragraph' as const, runs: [{ text }] })),
    });
    const out = prompterMarkdown([risky], options({ cues: 'hidden' }));
    expect(out).toContain('snake_case stays');
    expect(readMarkdown(out).slice(1)).toEqual(
      risky.body.map((b) => (b.type === 'paragraph' ? b.runs[0]!.text : '')),
    );
  });

  it('a tab that indents copy reaches every format', async () => {
    expect(prompterText([pronounced], options())).toContain('\r\n\tThe envoy');
    expect(prompterRtf([pronounced], options())).toContain('\\tab The envoy');
    const { doc } = readHtml(prompterHtml([pronounced], options()));
    expect(doc.querySelector('p.read')!.textContent!.startsWith('\tThe envoy')).toBe(true);
    expect(doc.querySelector('style')!.textContent).toContain('.read{white-space:pre-wrap');
    const { xml } = await readDocx(await prompterDocx([pronounced], options()));
    expect(new XMLSerializer().serializeToString(xml)).toMatch(/<w:tab\/><w:t[^>]*>The envoy/);
  });

  it('RTF sizes right-to-left text and declares fonts for the scripts it holds', async () => {
    const story = makeStory({
      body: [
        { type: 'paragraph', runs: [{ text: 'مرحبا بالعالم and English' }] },
        { type: 'paragraph', runs: [{ text: '부산 소방본부는 진화를 마쳤습니다.' }] },
      ],
    });
    const rtf = prompterRtf([story], options({ fontSizePt: 36 }));
    // Every size for Latin text has its size for complex scripts (Arabic printed at 12 pt).
    const sizes = rtf.match(/\\fs\d+/g)!;
    expect(rtf.match(/\\afs72/g)).toHaveLength(sizes.length);
    expect(rtf).toMatch(
      /\{\\fonttbl\{\\f0\\fswiss\\fcharset0 Arial;\}.*\\fcharset129 Malgun Gothic\{\\\*\\falt Apple SD Gothic Neo\};/,
    );
    expect(rtf).toMatch(/\\rtlpar[^ ]*\\afs72 \{\\rtlch\\f\d\\af\d \\u1605\?/);
    expect(await readRtf(rtf)).toEqual([
      'HARBOR BRIDGE',
      expect.stringMatching(/^\[READER/),
      'مرحبا بالعالم and English',
      '부산 소방본부는 진화를 마쳤습니다.',
    ]);
  });

  it('HTML says the language of its text (a Korean story said lang="und")', () => {
    const korean = makeStory({ text: '부산 소방본부는 오늘 아침 진화를 마쳤습니다.' });
    const english = makeStory({ text: 'Firefighters worked through the night to save the ferry.' });
    const one = readHtml(prompterHtml([korean], options())).doc;
    expect(one.documentElement.getAttribute('lang')).toBe('ko');
    const both = readHtml(prompterHtml([korean, english], options())).doc;
    expect(both.documentElement.getAttribute('lang')).toBe('und');
    expect([...both.querySelectorAll('article')].map((a) => a.getAttribute('lang'))).toEqual([
      'ko',
      'en',
    ]);
  });

  it('marks an estimated package as an estimate, as the PDF does (TXT printed TRT 1:52 as a fact)', () => {
    const story = packageStory({ title: '', inCue: '' });
    const text = prompterText([story], options());
    expect(text).toMatch(/TRT 0:\d\d est\.\]/);
    expect(text).toMatch(/DUR 0:\d\d est\.\]/);
    expect(prompterText([story], options({ cues: 'hidden' }))).toMatch(
      /\(PKG 0:\d\d est\. — OUT: “Harbor City News\.”\)/,
    );
    expect(readMarkdown(prompterMarkdown([story], options())).join('\n')).toMatch(
      /TRT 0:\d\d est\./,
    );
    expect(readHtml(prompterHtml([story], options())).lines.join('\n')).toMatch(/DUR 0:\d\d est\./);
  });

  it('replaces Unicode non-characters in prompter text', () => {
    const story = makeStory({ text: 'Broken \uFFFE and \uFFFF text.' });
    for (const out of [
      prompterText([story], options()),
      prompterMarkdown([story], options()),
      prompterHtml([story], options()),
    ])
      expect(out).toContain('Broken \uFFFD and \uFFFD text.');
  });
});
