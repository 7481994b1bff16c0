/**
 * Web-page residue: the lines a news site puts around a story that a copy from the page brings
 * along — share and subscribe prompts, comment counts, social-network lines, copyright notices,
 * "read more" links, bylines with e-mail addresses, photo credits, publication stamps. None of it
 * is script: read as copy, an anchor would say it on air, captions would show it and it would
 * add to the TRT. The importer drops a line when a rule below matches the whole line, and lists
 * what it dropped.
 *
 * This file is the one place the rules live: one table per language. A station extends them by
 * adding its own lines to STATION_RESIDUE (its site's credit line, its tip-line prompt) or a table
 * for another language, and a test in residueRules.test.ts for the page shape it comes from.
 * Rules match a whole line (anchor them with ^ and $) and must not match a sentence of copy.
 */
export type ResidueKind =
  'social' | 'count' | 'prompt' | 'copyright' | 'more' | 'byline' | 'credit' | 'stamp';

export type ResidueTable = {
  /** BCP 47 language tag of the pages the table is drawn from. */
  language: string;
  rules: Partial<Record<ResidueKind, readonly RegExp[]>>;
};

/** Networks as pages name them, in English and Korean; shared by both tables. */
const NETWORKS =
  '(?:Facebook|Twitter|X|Instagram|YouTube|TikTok|Threads|LinkedIn|KakaoTalk|Kakao|Telegram|WhatsApp|Naver|Reddit|Bluesky|Mastodon|' +
  '페이스북|트위터|인스타그램|유튜브|틱톡|스레드|카카오톡|카카오스토리|카카오|네이버|텔레그램|엑스)';
const EMAIL = String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`;
const NAME_WORD = String.raw`\p{Lu}[\p{L}'’.\-]*`;
const NAME = String.raw`${NAME_WORD}(?: ${NAME_WORD}){0,3}`;
const HANGUL_NAME = String.raw`[가-힣]{2,4}`;
const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?';
/** What a publication stamp is made of: dates, clock times, zones, "ago". */
const STAMP_TOKEN = `(?:${MONTH}|${WEEKDAY}|\\d{1,4}(?::\\d{2})?(?:[./-]\\d{1,4})*|[AaPp]\\.?[Mm]\\.?|[A-Z]{2,4}|ago|hours?|hrs?|minutes?|mins?|days?|on|at|\\|)[,.]?`;

const re = (source: string) => new RegExp(source, 'iu');
/** For rules that read capitals (names, zones): `i` would let `\p{Lu}` match any letter. */
const cased = (source: string) => new RegExp(source, 'u');

export const ENGLISH_RESIDUE: ResidueTable = {
  language: 'en',
  rules: {
    social: [
      re(`^(?:[\\p{L}\\p{N}&.'’ -]{0,40}\\s)?${NETWORKS}\\s*:?\\s*$`),
      re(
        `^(?:Follow|Find|Join|Connect with|Like) (?:us|[\\p{L}\\p{N}&.'’ -]{1,40}) on ${NETWORKS}(?:(?:,| and| &|,? or) ${NETWORKS})*[.!]?$`,
      ),
      re(`^${NETWORKS}\\s*:\\s*@[\\w.]{2,40}$`),
    ],
    count: [
      re(String.raw`^\d[\d,.]*[KM]?\s*(?:Comments?|Shares?|Likes?|Views?|Reactions?|Replies)$`),
      re(String.raw`^(?:Comments?|Responses?|Replies)\s*\(?\d*\)?$`),
      re(String.raw`^(?:View|Show|Read|See|Load)(?: all| more)?(?: \d+)? comments?$`),
      re(
        String.raw`^(?:Leave|Add|Post|Write) a (?:comment|reply)$|^Join the (?:conversation|discussion)$`,
      ),
    ],
    prompt: [
      re(
        String.raw`^(?:Subscribe|Follow us|Like us|Sign up|Click here|Tap here|Download (?:our|the) app|Get the app|Watch more|Turn on notifications|Get (?:our|the) newsletter)\b.{0,80}$`,
      ),
      // "Share prices fell" is copy; "Share this article" is not.
      re(
        `^Share(?: this(?: article| story| video| page)?| on ${NETWORKS}| via .{1,30}| the story)?[.!:]?$`,
      ),
      // A share bar copied as one line: "Share · Tweet · Email · Print".
      re(
        String.raw`^(?:Share|Tweet|Post|E-?mail|Print|Copy link|Save|Facebook|Twitter|WhatsApp|LinkedIn|Reddit)(?:\s*[|·•/,]?\s*(?:Share|Tweet|Post|E-?mail|Print|Copy link|Save|Facebook|Twitter|WhatsApp|LinkedIn|Reddit))*$`,
      ),
      re(
        String.raw`^(?:Advertisement|Sponsored(?: content)?|Skip ad|Story continues below(?: advertisement)?)$`,
      ),
    ],
    copyright: [
      re(String.raw`^(?:Copyright\b|©|ⓒ|\(c\)\s)`),
      re(String.raw`\ball rights reserved\.?$`),
      re(
        String.raw`^This (?:material|article|content|story) may not be (?:published|reproduced|broadcast)\b.*$`,
      ),
    ],
    more: [
      re(
        String.raw`^(?:Read more|Read next|Continue reading|Related(?: (?:articles?|stories|coverage|news|content|topics|videos?))?|More on this story|Recommended(?: for you| stories)?|Most (?:read|popular|viewed)|Top stories|Trending(?: now)?|Editor['’]?s picks|You may also like|Also read|See also|Watch next|Up next)(?:\s*[:|›»>–—-]\s*.{0,140})?$`,
      ),
    ],
    byline: [
      re(
        `^(?:By|Reported by|Written by|Reporter|Correspondent|Contact|E-?mail(?: the author)?)\\b[^@]{0,80}${EMAIL}\\.?\\)?$`,
      ),
      cased(`^${NAME}\\s*[,|(<–—-]?\\s*${EMAIL}\\s*[)>]?$`),
      cased(`^${NAME} (?:can be reached|may be contacted) at ${EMAIL}\\.?$`),
      re(`^${EMAIL}$`),
      // A byline alone: "By Park Ji-won", "By Park Ji-won, Harbor City News".
      cased(`^(?:By|BY) ${NAME}(?:(?:,| and| &) ${NAME})*(?: \\| .{1,40})?$`),
    ],
    credit: [
      re(
        String.raw`^\(?(?:Photos?|Images?|Pictures?|Video|Graphics?|Illustration)(?: credit)?(?:\s*:|\s+by|\s*/|\s+courtesy(?: of)?)\s*[^.]{1,80}\.?\)?$`,
      ),
      re(
        String.raw`^\(?(?:AP|AFP|Reuters|Getty Images|EPA(?:-EFE)?|Yonhap|Xinhua|Bloomberg|Shutterstock)(?: Photo)?(?:\s*/\s*[^)]{1,60})?\)?$`,
      ),
      re(
        String.raw`^[^.]{1,80}\s[|/]\s(?:Getty Images|Reuters|AP|AFP|EPA|Shutterstock|File photo)\)?$`,
      ),
    ],
    stamp: [
      cased(
        `^(?:Updated|UPDATED|Published|PUBLISHED|Posted|Last updated|First published)(?:\\s*:)?(?:\\s+${STAMP_TOKEN})+\\.?$`,
      ),
    ],
  },
};

export const KOREAN_RESIDUE: ResidueTable = {
  language: 'ko',
  rules: {
    social: [
      re(
        `^(?:[\\p{L}\\p{N}&.'’ -]{0,40}\\s?)?${NETWORKS}\\s*(?:채널|계정|공식 ?계정|페이지)?\\s*:?\\s*$`,
      ),
      re(`^${NETWORKS}\\s*[:：]\\s*@?[\\w.가-힣]{2,40}$`),
    ],
    count: [
      re(String.raw`^댓글\s*\(?[\d,]*\)?\s*개?$`),
      re(String.raw`^[\d,]+\s*개의 댓글$`),
      re(String.raw`^댓글\s*(?:쓰기|달기|보기|더보기|작성)$`),
      re(String.raw`^(?:좋아요|공유|추천|조회수?|스크랩)\s*[\d,]+$`),
      re(String.raw`^[\d,]+\s*(?:명이 )?(?:좋아요|공유|추천)(?:했습니다)?$`),
    ],
    prompt: [
      re(
        String.raw`^(?:구독|좋아요|공유하기|공유|기사 ?제보|기사 ?공유|제보하기|알림 ?설정|팔로우|스크랩|URL ?복사|링크 ?복사|인쇄|글자 ?크기|본문 ?글자|기사 ?저장|카카오톡 ?공유|페이스북 ?공유|트위터 ?공유)(?:[\s,·|/].{0,80})?$`,
      ),
      re(String.raw`^.{0,80}(?:구독해 ?주세요|구독하세요|친구 ?추가|제보를 기다립니다)[.!]?$`),
      // Tip-line lines under a story: "▷ 전화 02-784-4000", "이메일 : jebo@…".
      re(String.raw`^(?:전화|이메일|카카오톡|카톡|홈페이지|제보)\s*[:：]\s*.{1,60}$`),
      re(String.raw`^광고$`),
    ],
    copyright: [
      re(String.raw`^(?:Copyright\b|©|ⓒ|\(c\)\s|저작권자)`),
      re(String.raw`무단 ?(?:전재|복제)|재배포 ?금지|AI 학습.{0,12}금지`),
    ],
    more: [
      re(
        String.raw`^(?:관련 ?기사|관련 ?뉴스|관련 ?영상|기사 ?더보기|더보기|많이 본 (?:뉴스|기사)|이 시각 (?:주요|인기) ?뉴스|추천 ?기사|함께 (?:보면 좋은|볼만한) (?:기사|뉴스)|주요 ?뉴스|인기 ?기사|다른 기사 보기)(?:\s*[:|›»>–—-]\s*.{0,140})?$`,
      ),
    ],
    byline: [
      re(
        `^(?:\\[[^\\]]{1,30}\\]\\s*)?${HANGUL_NAME} ?(?:기자|특파원|앵커|PD)\\s*[(<]?\\s*${EMAIL}\\s*[)>]?$`,
      ),
      re(`^${EMAIL}\\s*[(]?${HANGUL_NAME} ?(?:기자|특파원)[)]?$`),
      re(`^${HANGUL_NAME} ?(?:기자|특파원)$`),
      re(`^${EMAIL}$`),
    ],
    credit: [
      re(
        String.raw`^[([]?(?:사진|영상|그래픽|자료사진|자료화면|화면)(?: ?(?:제공|출처))?\s*[:=：]\s*[^.]{1,60}[)\]]?$`,
      ),
      re(String.raw`^[([]?(?:자료사진|자료화면)[)\]]?$`),
      // "(영상취재 : 홍길동, 영상편집 : 이순신)" under a broadcast story.
      re(
        String.raw`^[([]?(?:영상 ?취재|영상 ?편집|촬영 ?기자|촬영|그래픽|CG|화면 ?제공)\s*[:：].{0,100}[)\]]?$`,
      ),
    ],
    stamp: [
      re(
        String.raw`^(?:(?:입력|수정|등록|업데이트|송고(?:시간)?|기사 ?입력|최종 ?수정)\s*[:：]?\s*[\d.\-/: ]{6,}\s*)+$`,
      ),
      re(String.raw`^[\d.\-/: ]{8,}\s*(?:송고|입력|수정)$`),
    ],
  },
};

/**
 * The station's own residue: lines its site, or the sites its reporters copy from, put around a
 * story. Empty as shipped; e.g. `prompt: [/^Watch Harbor City News live, weeknights at 6$/iu]`.
 */
export const STATION_RESIDUE: ResidueTable = { language: 'und', rules: {} };

export const RESIDUE_TABLES: readonly ResidueTable[] = [
  ENGLISH_RESIDUE,
  KOREAN_RESIDUE,
  STATION_RESIDUE,
];

/** Longer lines are copy, whatever they look like: no notice or prompt runs this long. */
const MAX_RESIDUE_CHARS = 160;
/** Bullets and arrows pages put before a prompt: `▶ 유튜브에서 구독하세요`, `» Read more`. */
const LEAD_MARK = /^[▶▷►☞■□◆◇※•·»>*-]+\s*/u;

export type ResidueMatch = { language: string; kind: ResidueKind };

/** Which rule, if any, makes this (trimmed) line web-page residue. */
export function residueOf(
  line: string,
  tables: readonly ResidueTable[] = RESIDUE_TABLES,
): ResidueMatch | null {
  if (line.length > MAX_RESIDUE_CHARS) return null;
  const bare = line.replace(LEAD_MARK, '');
  if (bare === '') return null;
  for (const table of tables) {
    for (const [kind, rules] of Object.entries(table.rules) as [ResidueKind, RegExp[]][]) {
      if (rules.some((rule) => rule.test(bare))) return { language: table.language, kind };
    }
  }
  return null;
}
