import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MosModel } from '@mos-connection/helper';
import { readMos, str } from './testing/readMos';
import { mosFile, mosMessages, mosRunningOrderId } from './mosXml';
import { everyBlockStory, hostileStory, packageStory } from '../../../shared/story/testing/scripts';
import { makeStory } from '../../../shared/story/testing/makeStory';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '../../../shared/export/options';
import type { Story } from '../../../shared/story/model';
import {
  DEFAULT_TIMING,
  ZERO_COUNT,
  addCounts,
  countText,
  ratesFor,
  secondsToRead,
  storyTiming,
  type TimingSettings,
} from '../../../shared/story/timing';
import { runsText } from '../../../shared/story/text';
import { xmlSafeText } from '../xmlText';

const options = (o: Partial<ExportOptions> = {}): ExportOptions => ({
  ...DEFAULT_EXPORT_OPTIONS,
  ...o,
});

// The helper's object form of an XML element (xml-js, compact where it can be).
type Element = {
  $name?: string;
  $type?: string;
  text?: string;
  elements?: Element[];
  [key: string]: unknown;
};

/** The text of an element the helper parsed, its pieces in document order. */
function pieces(
  value: unknown,
  into: { name: string; text: string }[] = [],
  under = '',
): typeof into {
  if (typeof value === 'string') {
    into.push({ name: under, text: value });
    return into;
  }
  if (!value || typeof value !== 'object') return into;
  const el = value as Element;
  const name = el.$name ?? under;
  if (typeof el.text === 'string') into.push({ name, text: el.text });
  if (Array.isArray(el.elements)) for (const child of el.elements) pieces(child, into, name);
  for (const [key, child] of Object.entries(el)) {
    if (['$name', '$type', 'text', 'elements', 'attributes'].includes(key)) continue;
    if (Array.isArray(child)) for (const c of child) pieces(c, into, key);
    else pieces(child, into, key);
  }
  return into;
}

/** The helper trims text at element edges, so compare words, not the spaces between runs. */
const squash = (s: string) => s.replace(/\s+/g, '');

type BodyView = {
  kind: string;
  text: string;
  inPi?: string[];
  item?: { slug: string; abstract?: string; duration?: number };
};

function bodyView(story: ReturnType<typeof MosModel.XMLROFullStory.fromXML>): BodyView[] {
  return story.Body.map((item) => {
    if (item.itemType === 'storyItem') {
      const c = item.Content;
      return {
        kind: 'storyItem',
        text: '',
        item: {
          slug: str(c.Slug) ?? '',
          abstract: typeof c.mosAbstract === 'string' ? c.mosAbstract : undefined,
          duration: c.Duration,
        },
      };
    }
    const all = pieces(item.Content);
    return {
      kind: item.Type,
      text: all.map((p) => p.text).join(''),
      inPi: all.filter((p) => p.name === 'pi').map((p) => p.text),
    };
  });
}

/**
 * Each presenter's read rate as the one rate that times their stretch of copy as we do (180 a
 * minute for English alone; more when Hangul, read at 340 syllables a minute, is mixed in).
 */
function stretchRates(story: Story, timing: TimingSettings = DEFAULT_TIMING): string[] {
  const stretches = [{ rates: ratesFor(timing, story.presenter), count: ZERO_COUNT }];
  for (const b of story.body) {
    if (b.type === 'presenter')
      stretches.push({ rates: ratesFor(timing, b.name), count: ZERO_COUNT });
    if (b.type === 'paragraph') {
      const last = stretches[stretches.length - 1]!;
      last.count = addCounts(last.count, countText(runsText(b.runs)));
    }
  }
  return stretches.map(({ rates, count }) => {
    const units = count.words + count.hangul + count.cjk;
    const sec = secondsToRead(count, rates);
    return String(units === 0 ? rates.wordsPerMinute : Math.round((units * 60) / sec));
  });
}

function expectedView(story: Story, cuesAs: ExportOptions['mosCues']): BodyView[] {
  const rates = stretchRates(story);
  const out: BodyView[] = [{ kind: 'storyPresenter', text: story.presenter }];
  out.push({ kind: 'storyPresenterRR', text: rates.shift()! });
  for (const b of story.body) {
    switch (b.type) {
      case 'paragraph':
        out.push({
          kind: 'p',
          text: b.runs.map((r) => (r.pronouncer ? `${r.text}(${r.pronouncer})` : r.text)).join(''),
          inPi: b.runs.filter((r) => r.pronouncer).map((r) => `(${r.pronouncer})`),
        });
        break;
      case 'instruction':
        out.push({ kind: 'p', text: b.text, inPi: [b.text] });
        break;
      case 'presenter':
        out.push(
          { kind: 'storyPresenter', text: b.name },
          { kind: 'storyPresenterRR', text: rates.shift()! },
        );
        break;
      case 'cue':
        out.push(
          cuesAs === 'storyItem'
            ? { kind: 'storyItem', text: '', item: { slug: b.text, abstract: b.text } }
            : { kind: 'p', text: `[${b.text}]`, inPi: [`[${b.text}]`] },
        );
        break;
      case 'media':
        out.push(
          cuesAs === 'storyItem'
            ? { kind: 'storyItem', text: '', item: { slug: `${b.kind} ${b.speaker}`.trim() } }
            : { kind: 'p', text: '', inPi: [] },
        );
        for (const line of b.transcript.split('\n').filter(Boolean))
          out.push({ kind: 'p', text: line, inPi: [] });
        break;
    }
  }
  return out;
}

/** Compares what the helper read with the story, modulo the helper's trimming at tags. */
function compare(actual: BodyView[], expected: BodyView[]) {
  expect(actual.map((a) => a.kind)).toEqual(expected.map((e) => e.kind));
  actual.forEach((a, i) => {
    const e = expected[i]!;
    if (e.kind === 'storyItem') {
      const got = squash(a.item!.slug);
      const want = squash(xmlSafeText(e.item!.slug));
      // itemSlug is a mosString128: a longer cue is cut with an ellipsis (mosAbstract has it all).
      if ([...e.item!.slug].length > 128) {
        expect(got.endsWith('…') && want.startsWith(got.slice(0, -1))).toBe(true);
      } else expect(got).toBe(want);
      if (e.item!.abstract !== undefined)
        expect(a.item!.abstract?.trim()).toBe(xmlSafeText(e.item!.abstract).trim());
    } else if (e.text !== '') {
      expect(squash(a.text)).toBe(squash(xmlSafeText(e.text)));
      if (e.inPi) expect(a.inPi!.map(squash)).toEqual(e.inPi.map((t) => squash(xmlSafeText(t))));
    }
  });
}

describe('MOS read back by @mos-connection/helper', () => {
  it('writes one roStorySend for a story, with presenters, read rate, text, pi, pkg and storyItems', () => {
    const story = everyBlockStory();
    const [only, ...rest] = readMos(mosMessages([story], options()).join(''));
    expect(rest).toEqual([]);
    expect(only!.kind).toBe('roStorySend');
    const sent = only!.kind === 'roStorySend' ? only!.story : undefined;
    expect(str(sent!.ID)).toBe(story.id);
    expect(str(sent!.Slug)).toBe(story.slug);
    expect(str(sent!.Number)).toBe('A3');
    compare(bodyView(sent!), expectedView(story, 'storyItem'));

    const sot = sent!.Body.find(
      (b) => b.itemType === 'storyItem' && str(b.Content.Slug)?.startsWith('SOT'),
    );
    expect(sot && sot.itemType === 'storyItem' && sot.Content.Duration).toBe(14);
    expect(sot && sot.itemType === 'storyItem' && sot.Content.mosAbstract).toBe(
      'SOT · Kim Min-ji, Fire chief · IN: “We got here” · OUT: “by morning.” · DUR 0:14',
    );
    // Package copy is marked pkg, so a prompter shows it as not read.
    const pkgLines = sent!.Body.filter(
      (b) => b.itemType === 'other' && pieces(b.Content).some((p) => p.name === 'pkg'),
    );
    expect(pkgLines).toHaveLength(4);

    const meta = sent!.MosExternalMetaData![0]!;
    expect(meta.MosSchema).toBe('urn:copydesk:mos:story-metadata:1');
    const payload = meta.MosPayload as Record<string, unknown>;
    const timing = storyTiming(story);
    expect(payload.totalSec).toBe(String(timing.totalSec));
    expect(payload.readSec).toBe(String(timing.readSec));
    expect(payload.targetSec).toBe('90');
    expect(pieces(payload.tags).map((p) => p.text)).toEqual(['fire', '부산', 'a&b']);
  });

  it('sends each presenter’s own read rate from the archive settings', () => {
    const story = everyBlockStory();
    const slow = {
      wordsPerMinute: 150,
      hangulSyllablesPerMinute: 300,
      cjkCharactersPerMinute: 260,
    };
    const timing = { defaults: DEFAULT_TIMING.defaults, presenters: { 'lee sun': slow } };
    const [msg] = readMos(mosMessages([story], options(), timing).join(''));
    const sent = msg!.kind === 'roStorySend' ? msg!.story : undefined;
    const rates = bodyView(sent!)
      .filter((b) => b.kind === 'storyPresenterRR')
      .map((b) => b.text);
    expect(rates).toEqual(stretchRates(story, timing));
    const payload = sent!.MosExternalMetaData![0]!.MosPayload as Record<string, unknown>;
    expect(payload.readSec).toBe(String(storyTiming(story, timing).readSec));
    expect(storyTiming(story, timing).readSec).toBeGreaterThan(storyTiming(story).readSec);
  });

  it('puts cues inside the text as pi when asked', () => {
    const story = everyBlockStory();
    const [msg] = readMos(mosMessages([story], options({ mosCues: 'pi' })).join(''));
    const sent = msg!.kind === 'roStorySend' ? msg!.story : undefined;
    expect(sent!.Body.some((b) => b.itemType === 'storyItem')).toBe(false);
    const texts = bodyView(sent!).map((b) => b.text);
    expect(texts).toContain('[TAKE VO]');
    expect(texts).toContain(
      '[SOT · Kim Min-ji, Fire chief · IN: “We got here” · OUT: “by morning.” · DUR 0:14]',
    );
  });

  it('writes a show as roCreate then one roStorySend per story, in order, with stable ids', () => {
    const show = [everyBlockStory(), makeStory({ slug: 'WEATHER' }), makeStory({ slug: 'SPORTS' })];
    const stream = mosMessages(show, options()).join('');
    const read = readMos(stream);
    expect(read.map((m) => m.kind)).toEqual([
      'roCreate',
      'roStorySend',
      'roStorySend',
      'roStorySend',
    ]);
    expect(read.map((m) => m.messageID)).toEqual(['1', '2', '3', '4']);
    const ro = read[0]!.kind === 'roCreate' ? read[0]!.ro : undefined;
    expect(str(ro!.ID)).toBe(mosRunningOrderId(show));
    expect(ro!.Stories.map((s) => str(s.ID))).toEqual(show.map((s) => s.id));
    expect(ro!.Stories.map((s) => str(s.Number))).toEqual(['A3', '2', '3']);
    for (const m of read.slice(1))
      expect(m.kind === 'roStorySend' && str(m.story.RunningOrderId)).toBe(str(ro!.ID));

    // The same show exported again: byte for byte the same messages, so the same ids.
    expect(mosMessages(show, options()).join('')).toBe(stream);
    expect(mosRunningOrderId([show[1]!, show[0]!])).not.toBe(mosRunningOrderId(show));
  });

  it('writes the wire encoding, UTF-16 big-endian, when asked', () => {
    const story = everyBlockStory();
    const file = mosFile([story], options({ mosEncoding: 'utf-16be' }));
    expect(file.encoding).toBe('base64');
    const bytes = Buffer.from(file.data, 'base64');
    expect(bytes[0]).toBe(0x00);
    expect(bytes[1]).toBe('<'.charCodeAt(0));
    const text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
    expect(text).toBe(mosFile([story], options()).data);
    const [msg] = readMos(text);
    expect(msg!.kind === 'roStorySend' && str(msg!.story.Slug)).toBe(story.slug);
  });

  it('reads back any hostile story fast-check can think of', () => {
    fc.assert(
      fc.property(
        hostileStory,
        fc.constantFrom('storyItem' as const, 'pi' as const),
        (story, cues) => {
          const [msg] = readMos(mosMessages([story], options({ mosCues: cues })).join(''));
          const sent = msg!.kind === 'roStorySend' ? msg!.story : undefined;
          expect(str(sent!.Slug)).toBe(xmlSafeText(story.slug).trim());
          const actual = bodyView(sent!);
          const expected = expectedView(story, cues).filter(
            (e) => !(cues === 'pi' && e.kind === 'p' && e.text === ''),
          );
          compare(
            actual.filter((a) => !(cues === 'pi' && a.text.startsWith('[SOT'))),
            expected,
          );
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('what a MOS prompter recomputes from the file', () => {
  it('a Korean story goes out at the syllable rate that times it (it went out as 180)', () => {
    const korean = makeStory({
      presenter: '',
      text: '정부는 오늘 오후 국가안전보장회의를 열고 마지막까지 일본의 태도 변화를 지켜보기로 했습니다.',
    });
    const [msg] = readMos(mosMessages([korean], options()).join(''));
    const sent = msg!.kind === 'roStorySend' ? msg!.story : undefined;
    const rr = bodyView(sent!).find((b) => b.kind === 'storyPresenterRR')!.text;
    expect(rr).toBe('340');
    const t = storyTiming(korean);
    const syllables = t.read.hangul;
    expect(Math.abs((syllables * 60) / Number(rr) - t.readExactSec)).toBeLessThan(0.5);
  });

  it('an estimated package is named as an estimate, not counted as timed media', () => {
    const story = packageStory();
    const [msg] = readMos(mosMessages([story], options()).join(''));
    const sent = msg!.kind === 'roStorySend' ? msg!.story : undefined;
    const payload = sent!.MosExternalMetaData![0]!.MosPayload as Record<string, unknown>;
    const t = storyTiming(story);
    expect(payload.mediaSec).toBe('0');
    expect(payload.estimatedMediaSec).toBe(String(t.mediaSec));
    expect(payload.totalSec).toBe(String(t.readSec));
    expect(payload.estimatedTotalSec).toBe(String(t.totalSec));
    const item = bodyView(sent!).find((b) => b.kind === 'storyItem')!;
    expect(item.item?.abstract).toMatch(/DUR 0:0\d est\.$/u);
    expect(item.item?.duration).toBeUndefined();
  });
});
