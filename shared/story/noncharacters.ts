/**
 * Unicode's non-characters: U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE,
 * U+FFFF, U+1FFFE…). The story model keeps them (they are valid Unicode), but XML 1.0 forbids
 * two of them and players and prompters choke on them (ffmpeg drops a caption holding U+FFFE), so
 * every export that writes text replaces them with U+FFFD, the replacement character.
 */
const PLANE_ENDS = Array.from({ length: 17 }, (_, plane) => {
  const base = plane * 0x10000;
  return `\\u{${(base + 0xfffe).toString(16)}}\\u{${(base + 0xffff).toString(16)}}`;
}).join('');

export const NONCHARACTERS = new RegExp(`[\\u{FDD0}-\\u{FDEF}${PLANE_ENDS}]`, 'gu');

export function replaceNoncharacters(text: string): string {
  return text.replace(NONCHARACTERS, '\uFFFD');
}
