import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScriptText } from './scriptText';
import { residueOf, RESIDUE_TABLES, type ResidueKind } from './residueRules';
import { storyReadText } from '../story/text';
import { storyTiming } from '../story/timing';

const page = (name: string) =>
  readFileSync(new URL(`../../fixtures/web/${name}`, import.meta.url), 'utf8');

/** The script a reporter meant: the page's story lines without anything around them. */
function cleanScript(text: string, dropped: readonly string[]): string {
  return text
    .split('\n')
    .filter((line) => !dropped.includes(line))
    .join('\n');
}

describe('a Korean broadcaster’s story page, copied whole', () => {
  const text = page('ko-broadcast-page.txt');
  const parsed = parseScriptText(text);

  it('drops every line the page put around the story, and lists them', () => {
    expect(parsed.dropped).toEqual([
      '입력 2026.11.27 19:42 수정 2026.11.27 20:05',
      '김민지 기자 minji.kim@arirang.example',
      '공유하기',
      '글자 크기',
      '(사진=아리랑뉴스)',
      '(영상취재 : 박준호, 영상편집 : 이서연)',
      '아리랑뉴스 페이스북:',
      '댓글 3',
      '좋아요 12',
      '▶ 유튜브, 네이버, 카카오에서도 아리랑뉴스를 구독해주세요!',
      '아리랑뉴스는 24시간 여러분의 제보를 기다립니다.',
      '▷ 전화 : 02-000-0000',
      '▷ 이메일 : jebo@arirang.example',
      'Copyright ⓒ Arirang News. All rights reserved. 무단 전재, 재배포 및 AI 학습 이용 금지',
      '관련 기사',
      '많이 본 뉴스',
    ]);
  });

  it('keeps the story: intro, toss, the package track and the sign-off', () => {
    expect(parsed.toss).toBe('김민지 기자가 보도합니다.');
    expect(parsed.outcue).toBe('아리랑뉴스 김민지입니다.');
    expect(parsed.tags).toEqual(['지소미아', '한일관계']);
    expect(storyReadText(parsed)).not.toMatch(/페이스북|댓글|구독|Copyright|사진|영상취재/);
    const pkg = parsed.body.find((b) => b.type === 'media');
    expect(pkg).toMatchObject({ kind: 'PKG', speaker: '김민지', title: '아리랑뉴스' });
    expect(pkg?.type === 'media' && pkg.transcript).not.toMatch(/사진|영상취재/);
  });

  it('adds nothing to the TRT: the page times as the clean script does', () => {
    const clean = parseScriptText(cleanScript(text, parsed.dropped));
    expect(storyTiming(parsed)).toEqual(storyTiming(clean));
  });
});

describe('a Korean wire story page', () => {
  const parsed = parseScriptText(page('ko-wire-page.txt'));

  it('drops the stamp, byline, e-mail, credit, copyright notice, comment link and related link', () => {
    expect(parsed.dropped).toEqual([
      '송고시간 2026-11-27 10:00',
      '이서준 기자',
      '기사 공유',
      '[사진 출처: 서울시]',
      'seojun@wire.example',
      '<저작권자(c) 와이어뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>',
      '2026/11/27 10:00 송고',
      '댓글쓰기',
      '관련 뉴스: 한강 다리 보수 공사 내년 봄 시작',
    ]);
    expect(parsed.body).toHaveLength(3);
  });
});

describe('an English station’s story page', () => {
  const text = page('en-station-page.txt');
  const parsed = parseScriptText(text);

  it('drops the stamp, byline, share bar, credit, ad, related link and everything under the story', () => {
    expect(parsed.dropped).toEqual([
      'Updated 6:42 PM EST, Fri November 27, 2026',
      'By Park Ji-won | park.jiwon@harborcity.example',
      'Share · Tweet · Email · Print',
      '(Photo: Harbor City News / Lena Ortiz)',
      'Advertisement',
      'RELATED: Ferry fares to rise in the new year',
      'Copyright 2026 Harbor City News. All rights reserved.',
      'This material may not be published, broadcast, rewritten or redistributed.',
      'Follow Harbor City News on Facebook, Twitter and Instagram.',
      'Harbor City News Facebook:',
      'Sign up for our morning newsletter',
      '12 Comments',
      'Leave a comment',
      'Most read',
    ]);
  });

  it('keeps the package whole and titles it with the station from the sign-off', () => {
    const pkg = parsed.body.find((b) => b.type === 'media');
    expect(pkg).toMatchObject({
      kind: 'PKG',
      speaker: 'Park Ji-won',
      title: 'Harbor City News',
      outCue: 'Park Ji-won, Harbor City News.',
    });
    expect(pkg?.type === 'media' && pkg.transcript.split('\n')).toHaveLength(5);
    const clean = parseScriptText(cleanScript(text, parsed.dropped));
    expect(storyTiming(parsed)).toEqual(storyTiming(clean));
  });
});

describe('an English wire story page', () => {
  it('drops the stamp, byline, share prompt, photo credit, read-more link, contact line and notices', () => {
    const parsed = parseScriptText(page('en-wire-page.txt'));
    expect(parsed.dropped).toEqual([
      'Published 10:14 a.m. ET Nov. 27, 2026',
      'By Dana Reyes',
      'Share this article',
      '(AP Photo/Sam Lee)',
      'Read more: What the bridge closure means for your commute',
      'Dana Reyes can be reached at dreyes@wire.example.',
      'Copyright © 2026 The Wire Service. All rights reserved.',
      'Comments (3)',
    ]);
    expect(parsed.body).toHaveLength(3);
  });
});

describe('residue rules never take copy', () => {
  // Sentences a script really has, that start or end like residue does.
  it.each([
    'Share prices fell sharply on the Seoul exchange today.',
    'Updated figures released at noon show twelve people were hurt.',
    'By Friday, the city hopes to reopen one lane.',
    'By the end of the year, the toll will rise again.',
    'Related charges were filed against two other men.',
    'Photos taken by residents show the water rising within minutes.',
    'The company told investors it would leave Facebook and Twitter by the end of the year.',
    'Comments from the mayor drew sharp criticism.',
    'Subscribers to the service will pay more from January.',
    'You can send your questions to tips@harborcity.example before Friday.',
    'Reuters reported the talks had stalled.',
    '사진 속 남성은 경찰에 자수했습니다.',
    '댓글 조작 의혹에 대한 수사가 시작됐습니다.',
    '정부는 공유 자전거 요금을 올리기로 했습니다.',
    '김민지 기자가 보도합니다.',
    '구독자 수가 100만 명을 넘었습니다.',
    '입력된 자료에 오류가 있었다고 밝혔습니다.',
  ])('keeps %j', (line) => {
    expect(residueOf(line)).toBeNull();
  });

  it('has rules for English and Korean in every kind, each of which compiles as Unicode', () => {
    const kinds: ResidueKind[] = ['social', 'count', 'prompt', 'copyright', 'more', 'byline'];
    for (const language of ['en', 'ko']) {
      const table = RESIDUE_TABLES.find((t) => t.language === language)!;
      for (const kind of [...kinds, 'credit', 'stamp'] as const)
        expect(table.rules[kind]?.length, `${language} ${kind}`).toBeGreaterThan(0);
      for (const rule of Object.values(table.rules).flat()) expect(rule.unicode).toBe(true);
    }
  });

  it('reads a station’s own table when it is given one', () => {
    const station = { language: 'en', rules: { prompt: [/^Watch us live at 6$/u] } };
    expect(residueOf('Watch us live at 6')).toBeNull();
    expect(residueOf('Watch us live at 6', [...RESIDUE_TABLES, station])).toEqual({
      language: 'en',
      kind: 'prompt',
    });
  });
});
