// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { storyToNsml } from './nsmlXml';
import { parseNsml } from '../../import/nsml/nsmlImport';
import { everyBlockStory, hostileStory, packageStory } from '../../../shared/story/testing/scripts';
import { xmlSafeText } from '../xmlText';
import type { Story } from '../../../shared/story/model';
import { storyTiming } from '../../../shared/story/timing';
import { makeStory } from '../../../shared/story/testing/makeStory';

// Vitest runs from the project root; jsdom's URL cannot resolve file: URLs.
const FIXTURES = resolve(process.cwd(), 'fixtures/nsml') + '/';

/** Parses with jsdom's XML parser (a strict XML 1.0 reader we did not write). */
function readXml(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed: ${error.textContent}`);
  return doc;
}

const NS = 'http://avid.com/nsml';
const all = (doc: Document | Element, name: string) => [...doc.getElementsByTagNameNS(NS, name)];

/** What an XML reader sees in the body: each paragraph's kind and text. */
function bodyView(doc: Document): { kind: string; text: string }[] {
  const aes = new Map(
    all(doc, 'ae').map((ae) => [ae.getAttribute('id'), all(ae, 'ap').map((ap) => ap.textContent)]),
  );
  return all(all(doc, 'body')[0]!, 'p').map((p) => {
    const anchor = all(p, 'a')[0];
    if (anchor) return { kind: 'anchor', text: aes.get(anchor.getAttribute('idref'))!.join(' | ') };
    const only =
      p.children.length === 1 && p.childNodes.length === 1 ? p.children[0]!.localName : 'text';
    return { kind: only === 'pi' || only === 'cc' ? only : 'text', text: p.textContent ?? '' };
  });
}

function expectedView(story: Story): { kind: string; text: string }[] {
  const out: { kind: string; text: string }[] = [];
  for (const b of story.body) {
    if (b.type === 'paragraph')
      out.push({
        kind: 'text',
        text: b.runs.map((r) => (r.pronouncer ? `${r.text} (${r.pronouncer})` : r.text)).join(''),
      });
    else if (b.type === 'instruction') out.push({ kind: 'pi', text: b.text });
    else if (b.type === 'presenter') out.push({ kind: 'pi', text: `PRESENTER: ${b.name}` });
    else if (b.type === 'cue') out.push({ kind: 'anchor', text: b.text });
    else {
      out.push({
        kind: 'anchor',
        text: [
          `${b.kind}: ${b.speaker}`,
          `TITLE: ${b.title}`,
          `IN: ${b.inCue}`,
          `OUT: ${b.outCue}`,
          `DUR: ${b.durationSec === null ? '?' : `${Math.floor(b.durationSec / 60)}:${String(b.durationSec % 60).padStart(2, '0')}`}`,
        ].join(' | '),
      });
      if (b.transcript !== '')
        for (const line of b.transcript.split('\n')) out.push({ kind: 'cc', text: line });
    }
  }
  return out.map((o) => ({ ...o, text: xmlSafeText(o.text) }));
}

function fieldsOf(doc: Document): Record<string, string> {
  const fields = all(doc, 'fields')[0]!;
  return Object.fromEntries(
    [...fields.children].map((f) => [f.getAttribute('id'), f.textContent ?? '']),
  );
}

describe('NSML 4.1 export read by an XML parser', () => {
  it('writes the fields, head meta, body paragraphs, pi and anchored cues', () => {
    const story = everyBlockStory();
    const doc = readXml(storyToNsml(story));
    expect(doc.documentElement.namespaceURI).toBe(NS);
    expect(doc.documentElement.getAttribute('version')).toBe('4.1');
    const t = storyTiming(story);
    expect(fieldsOf(doc)).toMatchObject({
      title: story.slug,
      'page-number': 'A3',
      presenter: 'Dana Reyes',
      writer: 'Park Ji-won',
      format: 'VO/SOT',
      'audio-time': String(t.readSec),
      'tape-time': String(t.mediaSec),
      'runs-time': String(t.totalSec),
      'total-time': String(t.totalSec),
      'modify-date': String(Date.parse(story.updatedAt) / 1000),
    });
    const meta = all(doc, 'meta')[0]!;
    expect(Number(meta.getAttribute('words'))).toBe(t.read.words + t.read.hangul + t.read.cjk);
    // words ÷ rate is our read time, though the copy mixes words and Hangul syllables.
    const rate = Number(meta.getAttribute('rate'));
    expect(
      Math.abs((Number(meta.getAttribute('words')) * 60) / rate - t.readExactSec),
    ).toBeLessThan(0.5);
    expect(Number(meta.getAttribute('wordlength'))).toBeGreaterThan(0);
    expect(bodyView(doc)).toEqual(expectedView(story));
    // Anchored elements are numbered from 0, each referenced once.
    expect(all(doc, 'ae').map((ae) => ae.getAttribute('id'))).toEqual(['0', '1', '2', '3']);
  });

  it('stays well-formed and keeps every hostile text', () => {
    fc.assert(
      fc.property(hostileStory, (story) => {
        const doc = readXml(storyToNsml(story));
        expect(fieldsOf(doc).title).toBe(xmlSafeText(story.slug));
        expect(bodyView(doc)).toEqual(expectedView(story));
      }),
      { numRuns: 100 },
    );
  });
});

describe('NSML import', () => {
  const read = (file: string) => parseNsml(readFileSync(FIXTURES + file, 'utf8'), file);

  it('reads a 4.1 file and the SGML-like 1.0 file into the same story', () => {
    const modern = read('harbor-4.1.nsml');
    const old = read('harbor-1.0.nsml');
    expect(old).toEqual(modern);
    expect(modern).toMatchObject({
      slug: 'HARBOR BRIDGE',
      page: 'B4',
      presenter: 'Dana Reyes',
      reporter: 'Park Ji-won',
      format: 'PKG',
      fieldTimes: { audio: 14, tape: 105, total: 119 },
    });
    expect(modern.body).toEqual([
      { type: 'cue', text: 'TAKE VO' },
      {
        type: 'paragraph',
        runs: [
          { text: 'In less than six hours,... the ' },
          { text: 'Harbor Bridge', bold: true },
          { text: ' will close to all traffic.' },
        ],
      },
      { type: 'instruction', text: '(TURN TO CAM 2)' },
      {
        type: 'paragraph',
        runs: [
          { text: 'Engineers in ' },
          { text: 'Busan', italic: true, pronouncer: 'BOO-sahn' },
          { text: ' found cracks & corrosion.' },
        ],
      },
      { type: 'presenter', name: 'Lee Sun' },
      { type: 'paragraph', runs: [{ text: '부산 소방본부는 오늘 아침 진화를 마쳤습니다.' }] },
      {
        type: 'media',
        kind: 'PKG',
        speaker: 'Park Ji-won',
        title: '',
        inCue: 'City officials met',
        outCue: 'Park Ji-won, Harbor City News.',
        durationSec: 105,
        transcript: 'City officials met through the night.\nPark Ji-won, Harbor City News.',
      },
    ]);
  });

  it('round-trips our own export: read text, instructions, presenter cues, cues, media and times', () => {
    const story = everyBlockStory();
    const back = parseNsml(storyToNsml(story), 'x');
    expect(back.body).toEqual(story.body);
    expect({
      slug: back.slug,
      page: back.page,
      presenter: back.presenter,
      reporter: back.reporter,
      format: back.format,
      tags: back.tags,
      targetSec: back.targetSec,
    }).toEqual({
      slug: story.slug,
      page: story.page,
      presenter: story.presenter,
      reporter: story.reporter,
      format: story.format,
      tags: story.tags,
      targetSec: story.targetSec,
    });
    const t = storyTiming(story);
    expect(back.fieldTimes).toEqual({ audio: t.readSec, tape: t.mediaSec, total: t.totalSec });
    expect(storyTiming({ ...story, body: back.body })).toEqual(t);
  });

  it('round-trips hostile stories', () => {
    fc.assert(
      fc.property(hostileStory, (story) => {
        const back = parseNsml(storyToNsml(story), 'x');
        // XML cannot carry U+FFFE/U+FFFF: they come back as U+FFFD, everything else exactly.
        expect(back.body).toEqual(
          JSON.parse(
            JSON.stringify(story.body, (_, v: unknown) =>
              typeof v === 'string' ? xmlSafeText(v) : v,
            ),
          ),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('reads a media time longer than a story can hold as six hours, as it reads the story times', () => {
    const xml = storyToNsml(packageStory({ durationSec: 95 })).replace(/DUR: 1:35/, 'DUR: 9:00:00');
    expect(xml).toContain('DUR: 9:00:00');
    const media = parseNsml(xml, 'long').body.find((b) => b.type === 'media');
    expect(media?.durationSec).toBe(6 * 3600);
  });

  it('tolerates what old exports contain: unclosed paragraphs, bare attributes, stray < and unknown entities', () => {
    const story = parseNsml(
      '<NSML version=-//AVID//DTD NSML 1.0//EN><HEAD><META rate=150 float></HEAD><STORY><FIELDS><F ID=title>A &lt; B &eacute;</F></FIELDS>' +
        '<BODY><P>one < two<P><TAB>three &#54620;&#x1F4FA;<P></BODY></STORY>',
      'old',
    );
    expect(story.slug).toBe('A < B &eacute;');
    expect(story.body).toEqual([
      { type: 'paragraph', runs: [{ text: 'one < two' }] },
      { type: 'paragraph', runs: [{ text: '\tthree 한📺' }] },
    ]);
  });
});

describe('what iNEWS recomputes from the file', () => {
  it('a Korean story’s rate reproduces its read time (rate 180 made iNEWS recompute 23 s for 12)', () => {
    const story = makeStory({
      presenter: '',
      text: '정부는 오늘 오후 국가안전보장회의를 열고 마지막까지 일본의 태도 변화를 지켜보기로 했습니다. 일본 정부는 수출 규제와 지소미아는 별개의 문제라는 입장입니다.',
    });
    const doc = readXml(storyToNsml(story));
    const meta = all(doc, 'meta')[0]!;
    const words = Number(meta.getAttribute('words'));
    const rate = Number(meta.getAttribute('rate'));
    expect(rate).toBe(340);
    expect(Math.round((words * 60) / rate)).toBe(Number(fieldsOf(doc)['audio-time']));
  });

  it('an estimated package is marked est. in its anchor and kept out of the tape time', () => {
    const story = packageStory();
    const doc = readXml(storyToNsml(story));
    const t = storyTiming(story);
    expect(fieldsOf(doc)['tape-time']).toBe('0');
    expect(fieldsOf(doc)['total-time']).toBe(String(t.readSec));
    const anchor = bodyView(doc).find((p) => p.kind === 'anchor')!;
    expect(anchor.text).toMatch(/DUR: 0:0\d est\.$/u);
    // Read back, the estimate is no duration: the story is as it was.
    const back = parseNsml(storyToNsml(story), 'est');
    expect(back.body.find((b) => b.type === 'media')).toMatchObject({ durationSec: null });
  });
});
