// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readRtf } from './testing/readRtf';
import { prompterRtf } from './prompterRtf';
import { prompterText, TEXT_STORY_SEPARATOR } from './prompterText';
import { rtfEscape } from './rtfText';
import { makeStory } from '../../shared/story/testing/makeStory';
import { DEFAULT_PROMPTER_OPTIONS, type PrompterOptions } from '../../shared/export/options';
import type { Story } from '../../shared/story/model';
import { parseScriptText } from '../../shared/import/scriptText';
import { foldControls } from '../../shared/story/controlChars';

const HOSTILE = [
  'Braces {like this} and \\backslashes\\ and \\par in text',
  '한국어 방송 원고입니다, 中文新闻, 日本語のニュース',
  'Emoji 🎙️📺 and a family 👨‍👩‍👧 with joiners',
  'Zero\u200Bwidth\u200Cjoiners and \u202Ebidi override',
  'مرحبا بالعالم — right-to-left Arabic',
  'Tabs\tinside and café résumé naïve',
];

function story(body: Story['body'], extra: Partial<Story> = {}): Story {
  return makeStory({ slug: 'HOSTILE {TEXT} \\ 한국', body, ...extra });
}

const options = (o: Partial<PrompterOptions> = {}): PrompterOptions => ({
  ...DEFAULT_PROMPTER_OPTIONS,
  ...o,
});

describe('rtfEscape', () => {
  it('escapes RTF syntax and writes non-ASCII as signed \\u code units', () => {
    expect(rtfEscape('a{b}c\\d')).toBe('a\\{b\\}c\\\\d');
    expect(rtfEscape('é')).toBe('\\u233?');
    expect(rtfEscape('한')).toBe('\\u-10916?');
    expect(rtfEscape('😀')).toBe('\\u-10179?\\u-8704?');
  });
});

describe('prompter RTF read back by rtf.js', () => {
  it('keeps every hostile paragraph’s text exactly', async () => {
    const s = story(
      HOSTILE.map((text) => ({
        type: 'paragraph' as const,
        runs: [{ text: text.replace('\t', ' ') }],
      })),
    );
    const paragraphs = await readRtf(prompterRtf([s], options({ cues: 'hidden' })));
    expect(paragraphs).toEqual([s.slug, ...HOSTILE.map((t) => t.replace('\t', ' '))]);
  });

  it('brackets cues, marks instructions, keeps bold and italic, and separates stories', async () => {
    const a = story(
      [
        { type: 'cue', text: 'TAKE VO' },
        {
          type: 'paragraph',
          runs: [
            { text: 'Firefighters ' },
            { text: 'worked all night', bold: true },
            { text: '.' },
          ],
        },
        { type: 'instruction', text: 'PAUSE' },
      ],
      { slug: 'FIRE', presenter: '' },
    );
    const b = story([{ type: 'paragraph', runs: [{ text: 'Second story.' }] }], {
      slug: 'SECOND',
      presenter: '',
    });
    const rtf = prompterRtf([a, b], options());
    const paragraphs = await readRtf(rtf);
    expect(paragraphs).toEqual([
      'FIRE',
      '[READER · Read 0:01 · TRT 0:01]',
      '[TAKE VO]',
      'Firefighters worked all night.',
      '(PAUSE)',
      '——————',
      'SECOND',
      '[READER · Read 0:01 · TRT 0:01]',
      'Second story.',
    ]);
    expect(rtf).toContain('{\\b worked all night}');
    expect(rtf).toMatch(/\\cf2\\highlight1\\chcbpat1 \(PAUSE\)/);
  });

  it('hides cues when asked and applies ALL CAPS without touching the story', async () => {
    const s = story([
      { type: 'cue', text: 'TAKE VO' },
      { type: 'paragraph', runs: [{ text: 'Quiet streets in Busan tonight.' }] },
    ]);
    const paragraphs = await readRtf(prompterRtf([s], options({ cues: 'hidden', allCaps: true })));
    expect(paragraphs).toEqual(['HOSTILE {TEXT} \\ 한국', 'QUIET STREETS IN BUSAN TONIGHT.']);
    expect(s.body[1]).toEqual({
      type: 'paragraph',
      runs: [{ text: 'Quiet streets in Busan tonight.' }],
    });
  });

  it('reads back any text fast-check can think of', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc
            .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
            .map(foldControls)
            .filter((t) => t.trim() !== '' && t === t.trim()),
          { minLength: 1, maxLength: 4 },
        ),
        async (texts) => {
          const s = story(texts.map((text) => ({ type: 'paragraph' as const, runs: [{ text }] })));
          const paragraphs = await readRtf(prompterRtf([s], options({ cues: 'hidden' })));
          expect(paragraphs).toEqual([s.slug, ...texts]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('prompter text', () => {
  it('writes a BOM, CRLF lines, the slug, bracketed cues and a separator between stories', () => {
    const a = story(
      [
        { type: 'cue', text: 'TAKE SOT' },
        { type: 'paragraph', runs: [{ text: 'One.' }] },
      ],
      { slug: 'A' },
    );
    const b = story([{ type: 'paragraph', runs: [{ text: 'Two.' }] }], { slug: 'B' });
    const text = prompterText([a, b], options({ cues: 'bracketed' }));
    // The slug in brackets like everything not read: no Markdown heading (it began `## A`).
    expect(text.startsWith('\uFEFF[A]\r\n')).toBe(true);
    expect(text).not.toContain('#');
    expect(text).toContain('\r\n\r\n[TAKE SOT]\r\n\r\nOne.');
    expect(text).toContain(`\r\n${TEXT_STORY_SEPARATOR}\r\n`);
    expect(text).not.toMatch(/[^\r]\n/);
  });

  it('comes back through our own importer as the same read text', () => {
    const s = story(
      HOSTILE.map((text) => ({
        type: 'paragraph' as const,
        runs: [{ text: text.replace('\t', ' ') }],
      })),
    );
    const parsed = parseScriptText(prompterText([s], options({ cues: 'hidden' })));
    // The bracketed slug comes back as a cue, never as read text.
    expect(parsed.body[0]).toEqual({ type: 'cue', text: 'HOSTILE {TEXT} \\ 한국' });
    const read = parsed.body
      .slice(1)
      .map((b) => (b.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : ''));
    expect(read).toEqual(HOSTILE.map((t) => t.replace('\t', ' ')));
  });

  it('shows a package as a cue with IN, OUT and duration, or as an instruction when cues are hidden', () => {
    const s = story([
      {
        type: 'media',
        kind: 'PKG',
        speaker: 'Park Ji-won',
        title: '',
        inCue: 'City officials met',
        outCue: 'Park Ji-won, Harbor City News.',
        durationSec: 105,
        transcript: 'City officials met.\nPark Ji-won, Harbor City News.',
      },
    ]);
    expect(prompterText([s], options())).toContain(
      '[PKG · Park Ji-won · IN: “City officials met” · OUT: “Park Ji-won, Harbor City News.” · DUR 1:45]',
    );
    expect(prompterText([s], options({ cues: 'hidden' }))).toContain(
      '(PKG 1:45 — OUT: “Park Ji-won, Harbor City News.”)',
    );
    expect(prompterText([s], options({ includePackageCopy: true }))).toContain(
      '[City officials met.]',
    );
  });
});
