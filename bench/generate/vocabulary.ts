/**
 * The fixed vocabulary the generator draws from. Common words come first (the Zipf sampler gives
 * low ranks most often); a long tail of made-up place and family names follows, as real archives
 * are full of names that appear in a handful of stories.
 */
export const COMMON_WORDS = `the of and to a in that is for on it was with as said he at by
from his be have has are an this but not they were had its after who been their will more
would one first year about new also people two up than over last some when out which other
into time there can we could all three only city police state government officials million
percent week day years council minister president public report told people local news
health school workers company plan market prices told according since before between during
under against because while still under more most several including billion members family
residents hospital court case charges investigation budget tax vote election campaign party
leaders national region county district mayor spokesperson statement monday tuesday wednesday
thursday friday saturday sunday morning afternoon evening night tonight today yesterday
tomorrow early late bridge road highway traffic transit rail station airport port harbor
weather storm rain snow wind flooding heat temperatures forecast power outage water fire
crews emergency services rescue injured killed dead victims suspect arrested charged trial
judge jury sentence prison police officers department chief investigation shooting crash
accident driver vehicle truck bus train flight passengers safety inspection repairs
construction project contract funding federal agency board committee hearing proposal
approved rejected announced expected plans says asked called warned reported confirmed
denied added noted explained continued began ended opened closed reopened remain remains
economy jobs unemployment inflation interest rates bank banks business businesses sales
growth industry trade exports imports workers union strike wages pay contract talks deal
agreement negotiations students teachers parents schools university college education
classes exams hospital patients doctors nurses care clinic vaccine virus cases outbreak
season game team coach players win won lost victory defeat championship league match final
score goal points fans stadium record season history museum festival concert music art film
community neighborhood housing homes rent prices buildings development land park center
downtown streets neighbors volunteers donations charity event ceremony memorial service
environment climate energy solar wind oil gas emissions pollution river lake coast beach
farmers crops harvest drought wildfire smoke evacuation shelter relief aid recovery damage
costs spending cuts increase decrease rise fall higher lower nearly about almost around least
three four five six seven eight nine ten twenty hundred thousand dozens hundreds thousands
minutes hours days weeks months decades spring summer fall winter january february march
april may june july august september october november december north south east west central
international foreign security defense military troops border talks summit allies trade
technology internet data phone software online digital cyber attack hackers privacy users`
  .split(/\s+/)
  .filter((w, i, all) => w !== '' && all.indexOf(w) === i);

const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'g', 'gr', 'h', 'k', 'l', 'm', 'n', 'p'];
const ONSETS_2 = ['r', 's', 'sh', 'st', 't', 'th', 'tr', 'v', 'w', 'y', 'z', 'bl', 'cr', 'pl'];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'ie', 'oa'];
const CODAS = ['', 'n', 'r', 'l', 'm', 'st', 'ck', 'th', 'ng', 'rd', 'ss', 'nt', 'wick', 'ford'];

/** Made-up names, each spelt once, in a fixed order: the long tail of an archive's vocabulary. */
export function tailWords(count: number): string[] {
  const onsets = [...ONSETS, ...ONSETS_2];
  const out: string[] = [];
  const seen = new Set(COMMON_WORDS);
  for (let i = 0; out.length < count; i++) {
    // A mixed-radix walk over syllables: deterministic, and no two entries alike.
    let n = i;
    let word = '';
    const syllables = 2 + (i % 2);
    for (let s = 0; s < syllables; s++) {
      word += onsets[n % onsets.length]! + NUCLEI[Math.floor(n / onsets.length) % NUCLEI.length]!;
      n = Math.floor(n / (onsets.length * NUCLEI.length)) + i * 7 + s * 13;
    }
    word += CODAS[i % CODAS.length]!;
    if (!seen.has(word)) {
      seen.add(word);
      out.push(word[0]!.toUpperCase() + word.slice(1));
    }
  }
  return out;
}

export const TAGS = [
  'politics',
  'economy',
  'weather',
  'transport',
  'crime',
  'courts',
  'health',
  'education',
  'sports',
  'business',
  'environment',
  'housing',
  'elections',
  'city-hall',
  'fire',
  'traffic',
  'culture',
  'science',
  'technology',
  'defense',
  'diplomacy',
  'labor',
  'energy',
  'agriculture',
  'tourism',
  'obituary',
  'breaking',
  'investigation',
  'community',
  'international',
  'HarborBridge',
  'budget2026',
  '서울',
  '부산',
  '경제',
  '날씨',
] as const;

export const PRESENTERS = [
  'Dana Reyes',
  'Marcus Webb',
  'Kim Min-ji',
  'Priya Raman',
  'Tom Okafor',
  'Lee Seo-yeon',
  'Helen Strand',
  'Jonas Berg',
] as const;

export const REPORTERS = [
  'Park Ji-won',
  'Alex Moreno',
  'Sarah Lindqvist',
  'Daniel Osei',
  'Choi Hyun-woo',
  'Maria Santos',
  'Ben Carter',
  'Yuki Tanaka',
  'Fatima Haddad',
  'Owen Price',
  'Grace Mwangi',
  'Lucas Ferreira',
  'Nadia Petrova',
  'Jung Da-eun',
  'Sam Whitfield',
  'Ana Kovač',
] as const;

export const SPEAKER_TITLES = [
  'Mayor',
  'Fire Chief',
  'Resident',
  'Shop Owner',
  'City Councillor',
  'Economist',
  'Police Spokesperson',
  'Teacher',
  'Union Representative',
  'Meteorologist',
  'Hospital Director',
  'Coach',
] as const;

export const STATION = 'Harbor City News';

/** Hard names a presenter gets a pronouncer for. The first is the bench's "rare word". */
export const PRONOUNCED = [
  ['Raghunathan', 'RAH-goo-NAH-tun'],
  ['Nguyen', 'WIN'],
  ['Szczepański', 'shcheh-PAHN-skee'],
  ['Siobhan', 'shiv-AWN'],
  ['Aoife', 'EE-fa'],
  ['Xochitl', 'SO-cheel'],
  ['Ljubljana', 'lyoob-LYAH-nah'],
  ['Worcestershire', 'WUSS-ter-sher'],
] as const;

export const CUES = [
  'TAKE VO',
  'ANCHOR ON CAM',
  'TAKE SOT',
  'TAKE PKG',
  'FULL SCREEN GRAPHIC',
  'OTS: MAP',
  'TAKE LIVE SHOT',
  'BACK TO ANCHOR',
  'CG: LOCATOR',
] as const;

export const INSTRUCTIONS = ['(PAUSE)', '(TURN TO CAM 2)', '(SMILE)', '(BEAT)', '(SLOW)'] as const;

/** Korean news words with their particles already attached, as they stand between spaces. */
export const KOREAN_WORDS =
  `정부는 오늘 서울시가 발표했습니다 경제 대통령이 국회에서 시민들은 지난해보다
물가가 크게 올랐습니다 이번 사고로 부상자가 발생했습니다 경찰은 조사를 진행하고 있습니다 날씨는
내일 전국에 비가 내리겠습니다 부산 항구에서 선박이 수출이 증가했습니다 학생들과 교사들이 병원에
환자가 의료진은 지역 주민들이 회의를 열고 대책을 논의했습니다 예산안이 통과됐습니다 선거를 앞두고
후보들이 유권자들에게 교통 혼잡이 예상됩니다 지하철 운행이 재개됐습니다 소방당국은 화재 원인을
밝혔습니다 관계자는 말했습니다 전문가들은 우려하고 있습니다 기업들은 투자를 늘릴 계획입니다`
    .split(/\s+/)
    .filter((w) => w !== '');
