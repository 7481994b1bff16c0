import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScriptText, proposeSlug } from './scriptText';
import { StorySchema } from '../story/model';

const harbor = readFileSync(new URL('../../fixtures/harbor-bridge.txt', import.meta.url), 'utf8');

describe('parseScriptText on a seed-shaped script', () => {
  const parsed = parseScriptText(harbor);

  it('turns the hashtag line into tags and keeps it out of the body', () => {
    expect(parsed.tags).toEqual(['transport', 'HarborBridge', 'infrastructure']);
    expect(JSON.stringify(parsed.body)).not.toContain('#');
  });

  it('drops the web-page residue lines and reports them', () => {
    expect(parsed.dropped).toEqual(['Harbor City News Facebook:', '12 Comments']);
    expect(JSON.stringify(parsed.body)).not.toMatch(/Facebook|Comments/);
  });

  it('recognises the toss and the standard outcue and puts the track in one package block', () => {
    expect(parsed.toss).toBe('Park Ji-won reports.');
    expect(parsed.outcue).toBe('Park Ji-won, Harbor City News.');
    expect(parsed.reporter).toBe('Park Ji-won');
    expect(parsed.format).toBe('PKG');
    expect(parsed.body.map((b) => b.type)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'media',
    ]);
    const pkg = parsed.body[3];
    expect(pkg).toMatchObject({
      type: 'media',
      kind: 'PKG',
      speaker: 'Park Ji-won',
      inCue: 'City officials met',
      outCue: 'Park Ji-won, Harbor City News.',
      durationSec: null,
    });
    expect(pkg?.type === 'media' && pkg.transcript.split('\n')).toHaveLength(6);
  });

  it('keeps pause marks verbatim', () => {
    const first = parsed.body[0];
    expect(first?.type === 'paragraph' && first.runs[0]?.text).toBe(
      'In less than six hours,... the Harbor Bridge will close to all traffic for the first time in forty years.',
    );
  });

  it('proposes a slug from the terms the story repeats', () => {
    expect(parsed.slug).toBe('HARBOR BRIDGE');
    expect(parsed.slug).toBe(parsed.slug.toUpperCase());
  });

  it('produces blocks the story schema accepts', () => {
    const story = {
      schemaVersion: 1,
      id: '0b8e6a1e-6a51-4d3c-9d2b-5f0d3f2b1a10',
      slug: parsed.slug,
      format: parsed.format,
      presenter: '',
      reporter: parsed.reporter,
      tags: parsed.tags,
      status: 'draft',
      createdAt: '2026-11-28T10:00:00.000Z',
      updatedAt: '2026-11-28T10:00:00.000Z',
      body: parsed.body,
    };
    expect(StorySchema.safeParse(story).success).toBe(true);
  });
});

describe('parseScriptText rules', () => {
  it('accepts a BOM and CRLF line ends', () => {
    const parsed = parseScriptText('\uFEFFFirst line.\r\nSecond line.\r\n#one #two\r\n');
    expect(parsed.body).toHaveLength(2);
    expect(parsed.tags).toEqual(['one', 'two']);
  });

  it('reads header lines into metadata', () => {
    const parsed = parseScriptText(
      'SLUG: COUNCIL VOTE\nFORMAT: vo\nANCHOR: Dana Reyes\nREPORTER: Lee Jun\n\nThe council voted tonight.',
    );
    expect(parsed).toMatchObject({
      slug: 'COUNCIL VOTE',
      format: 'VO',
      presenter: 'Dana Reyes',
      reporter: 'Lee Jun',
    });
    expect(parsed.body).toHaveLength(1);
  });

  it('makes bracketed lines production cues and parenthesised lines presenter instructions', () => {
    const parsed = parseScriptText('[TAKE VO]\nFirefighters spent the night here.\n(PAUSE)');
    expect(parsed.body).toEqual([
      { type: 'cue', text: 'TAKE VO' },
      { type: 'paragraph', runs: [{ text: 'Firefighters spent the night here.' }] },
      { type: 'instruction', text: '(PAUSE)' },
    ]);
    expect(parsed.format).toBe('VO');
  });

  it.each([
    ['Seoul Daily Twitter:'],
    ['Facebook:'],
    ['0 Comments'],
    ['1,204 comments'],
    ['Subscribe to our channel for more news'],
    ['Advertisement'],
  ])('drops residue line %j', (line) => {
    const parsed = parseScriptText(`A real sentence of the story.\n${line}`);
    expect(parsed.dropped).toEqual([line]);
    expect(parsed.body).toHaveLength(1);
  });

  it('keeps story sentences that merely mention a network', () => {
    const line =
      'The company told investors it would leave Facebook and Twitter by the end of the year.';
    expect(parseScriptText(line).dropped).toEqual([]);
  });

  it('recognises the Korean toss and outcue', () => {
    const parsed = parseScriptText(
      '오늘 밤 자정 협정이 종료됩니다.\n김민지 기자가 보도합니다.\n정부는 오늘 국가안전보장회의를 열었습니다.\n아리랑뉴스 김민지입니다.\n#외교',
    );
    expect(parsed.reporter).toBe('김민지');
    expect(parsed.format).toBe('PKG');
    expect(parsed.tags).toEqual(['외교']);
    expect(parsed.body.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'media']);
  });

  it('does not take an ordinary Korean sentence for an outcue', () => {
    const parsed = parseScriptText('내일은 전국이 대체로 맑을 예정입니다.');
    expect(parsed.outcue).toBeNull();
  });

  it('with a toss but no outcue, everything after the toss is the package', () => {
    const parsed = parseScriptText('Anchor line.\nMaria Lopez reports.\nTrack one.\nTrack two.');
    expect(parsed.body.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'media']);
    expect(parsed.body[2]).toMatchObject({
      outCue: 'Track two.',
      transcript: 'Track one.\nTrack two.',
    });
  });

  it('returns an empty body for text with nothing but residue', () => {
    const parsed = parseScriptText('0 Comments\n\n\n');
    expect(parsed.body).toEqual([]);
    expect(parsed.slug).toBe('UNTITLED');
  });
});

describe('proposeSlug', () => {
  it('prefers a repeated acronym', () => {
    const body = [
      {
        type: 'paragraph' as const,
        runs: [{ text: 'The NATO summit opened today. Leaders of NATO met in Oslo.' }],
      },
    ];
    expect(proposeSlug(body, [], '')).toMatch(/^NATO/);
  });
});

describe('sound bites and pronouncers in imported scripts', () => {
  it('turns a TAKE SOT cue with IN, OUT and DUR lines into a sound-bite block', () => {
    const parsed = parseScriptText(
      [
        'The mayor spoke to reporters this afternoon.',
        '[TAKE SOT: Lee Jun, Mayor of Harbor City]',
        '[IN: We will rebuild]',
        '[OUT: by next spring.]',
        '[DUR: 0:14]',
        'The council meets again on Monday.',
      ].join('\n'),
    );
    expect(parsed.body).toEqual([
      { type: 'paragraph', runs: [{ text: 'The mayor spoke to reporters this afternoon.' }] },
      {
        type: 'media',
        kind: 'SOT',
        speaker: 'Lee Jun',
        title: 'Mayor of Harbor City',
        inCue: 'We will rebuild',
        outCue: 'by next spring.',
        durationSec: 14,
        transcript: '',
      },
      { type: 'paragraph', runs: [{ text: 'The council meets again on Monday.' }] },
    ]);
    expect(parsed.format).toBe('SOT');
  });

  it('reads IN/OUT/DUR written on one bracketed line, and unbracketed key lines', () => {
    const one = parseScriptText('[TAKE SOT — IN: “Nobody was hurt” OUT: “a miracle.” DUR: :09]');
    expect(one.body[0]).toMatchObject({
      inCue: 'Nobody was hurt',
      outCue: 'a miracle.',
      durationSec: 9,
      speaker: '',
    });
    const lines = parseScriptText(
      '[SOT]\nSUPER: Ana Ruiz / Witness\nDUR: 0:21\n[TAKE VO]\nSmoke rose for hours.',
    );
    expect(lines.body[0]).toMatchObject({
      type: 'media',
      speaker: 'Ana Ruiz',
      title: 'Witness',
      durationSec: 21,
    });
    expect(lines.body[1]).toEqual({ type: 'cue', text: 'TAKE VO' });
    expect(lines.format).toBe('VO/SOT');
  });

  it('takes the bite’s words up to END SOT as its transcript, with IN and OUT from them', () => {
    const parsed = parseScriptText(
      '[TAKE SOT: Ana Ruiz, Witness]\nI heard a bang and ran outside.\nThe whole roof was gone.\n[END SOT]\nPolice are investigating.',
    );
    expect(parsed.body[0]).toMatchObject({
      transcript: 'I heard a bang and ran outside.\nThe whole roof was gone.',
      inCue: 'I heard a',
      outCue: 'roof was gone.',
    });
    expect(parsed.body[1]).toEqual({
      type: 'paragraph',
      runs: [{ text: 'Police are investigating.' }],
    });
  });

  it('takes quoted lines right after the cue as the transcript', () => {
    const parsed = parseScriptText(
      '[TAKE SOT]\n“We are not going anywhere.”\nThe strike enters its third day.',
    );
    expect(parsed.body[0]).toMatchObject({
      transcript: 'We are not going anywhere.',
      inCue: 'We are not',
    });
    expect(parsed.body).toHaveLength(2);
  });

  it('attaches a written pronouncer to the word or name before it', () => {
    expect(
      parseScriptText('Minister Raghunathan (RAH-goo-NAH-tun) resigned today.').body[0],
    ).toEqual({
      type: 'paragraph',
      runs: [
        { text: 'Minister ' },
        { text: 'Raghunathan', pronouncer: 'RAH-goo-NAH-tun' },
        { text: ' resigned today.' },
      ],
    });
    expect(parseScriptText('Reporter Kim Min-ji (KIM MIN-jee) is in Seoul.').body[0]).toEqual({
      type: 'paragraph',
      runs: [
        { text: 'Reporter ' },
        { text: 'Kim Min-ji', pronouncer: 'KIM MIN-jee' },
        { text: ' is in Seoul.' },
      ],
    });
  });

  it('leaves ordinary parentheses alone', () => {
    for (const line of [
      'He paused (PAUSE) and went on.',
      'Shares fell (down three percent) on Friday.',
      'The agency (AP) reported it.',
      'After a (three-day) strike, work resumed.',
    ]) {
      expect(parseScriptText(line).body[0]).toEqual({ type: 'paragraph', runs: [{ text: line }] });
    }
  });
});

describe('regressions from reading scripts as they reach air', () => {
  it('a leading tab on a line of copy is kept (it was dropped on import)', () => {
    const parsed = parseScriptText('\tIndented first line.\n\t\tTwice indented.\nNot indented.');
    expect(parsed.body).toEqual([
      { type: 'paragraph', runs: [{ text: '\tIndented first line.' }] },
      { type: 'paragraph', runs: [{ text: '\t\tTwice indented.' }] },
      { type: 'paragraph', runs: [{ text: 'Not indented.' }] },
    ]);
    // Cues, headers and tags are read without their indent; a tab inside a line is a space.
    const other = parseScriptText('\tSLUG: TABS\n\t[TAKE VO]\nOne\ttab inside.\n\t#tabs');
    expect(other.slug).toBe('TABS');
    expect(other.tags).toEqual(['tabs']);
    expect(other.body).toEqual([
      { type: 'cue', text: 'TAKE VO' },
      { type: 'paragraph', runs: [{ text: 'One tab inside.' }] },
    ]);
  });

  it('an indented package track keeps no tab (a track is plain lines)', () => {
    const parsed = parseScriptText(
      'Intro line.\nPark Ji-won reports.\n\tThe track, indented.\nPark Ji-won, Harbor City News.',
    );
    const pkg = parsed.body.find((b) => b.type === 'media');
    expect(pkg?.type === 'media' && pkg.transcript).toBe(
      'The track, indented.\nPark Ji-won, Harbor City News.',
    );
  });

  it('the station in a recognised sign-off titles the package (the title stayed empty)', () => {
    const en = parseScriptText(harbor).body.find((b) => b.type === 'media');
    expect(en).toMatchObject({ speaker: 'Park Ji-won', title: 'Harbor City News' });
    const ko = parseScriptText(
      '앵커가 읽는 문장입니다.\n김민지 기자가 보도합니다.\n리포트 첫 문장입니다.\n아리랑뉴스 김민지입니다.',
    ).body.find((b) => b.type === 'media');
    expect(ko).toMatchObject({ speaker: '김민지', title: '아리랑뉴스' });
  });
});
