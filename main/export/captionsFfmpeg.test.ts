import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spokenCaptionText, storyCaptions, storySrt, storyVtt } from './captions';
import { hostileStory } from '../../shared/story/testing/scripts';
import { makeStory } from '../../shared/story/testing/makeStory';
import { DEFAULT_EXPORT_OPTIONS } from '../../shared/export/options';

/**
 * ffmpeg's subtitle decoders are what many players and transcoders use to read captions: each
 * file is converted to ASS, the format ffmpeg decodes every subtitle into, and its dialogue read
 * back. CI installs Debian's ffmpeg (.ci/run); a developer without it skips these.
 */
const HAVE_FFMPEG = spawnSync('ffmpeg', ['-version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'copydesk-ffmpeg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The dialogue ffmpeg decodes from a caption file: one entry per caption, lines joined by \N. */
function ffmpegDialogue(name: string, data: string): { text: string; errors: string } {
  const path = join(dir, name);
  writeFileSync(path, data);
  const run = spawnSync(
    'ffmpeg',
    ['-nostdin', '-loglevel', 'error', '-i', path, '-f', 'ass', '-'],
    {
      encoding: 'utf8',
    },
  );
  expect(run.status, run.stderr).toBe(0);
  const lines = run.stdout
    .split('\n')
    .filter((l) => l.startsWith('Dialogue:'))
    // Dialogue: Layer,Start,End,Style,Name,MarginL,MarginR,MarginV,Effect,Text
    .map((l) => l.replace(/^Dialogue:(?:[^,]*,){9}/u, '').replace(/\r$/u, ''));
  return { text: lines.join('\n'), errors: run.stderr };
}

const JOINER = /\u2060/gu;
/** ffmpeg's own escapes for what ASS would read: a brace and a backslash. */
const unescape = (t: string) => t.replace(JOINER, '').replace(/\\([{}\\])/gu, '$1');
const options = DEFAULT_EXPORT_OPTIONS;

describe.skipIf(!HAVE_FFMPEG && !process.env.CI)('captions read by ffmpeg', () => {
  const MARKUP = [
    'She said <i>never</i> and <b>bold</b>',
    '<font color="red">red</font> and a < b and c > d',
    '{\\an8}moved to the top',
    '--> a line that starts with an arrow',
    'A line break \\N and a hard space \\h here',
    'A broken \uFFFE character and \uFFFF another',
  ];
  const story = makeStory({
    body: MARKUP.map((text) => ({ type: 'paragraph' as const, runs: [{ text }] })),
  });
  const wide = { ...options, captionLineChars: 60 };
  // What each caption should read as, after ffmpeg: no tag, override or dropped caption.
  const expected = storyCaptions(story, wide).map((c) => c.lines.join('\\N'));

  it('reads every SRT caption as the text the script has: no italics, colour, move or break', () => {
    const { text, errors } = ffmpegDialogue('markup.srt', storySrt(story, wide));
    expect(errors).toBe('');
    expect(text.replace(JOINER, '').split('\n')).toEqual(expected);
    expect(text).not.toMatch(/\{\\|\\[Nh](?!\u2060)(?<!\\N)/u);
    expect(expected.join('\n')).toContain('\uFFFD character');
  });

  it('reads every WebVTT caption the same way', () => {
    const { text, errors } = ffmpegDialogue('markup.vtt', storyVtt(story, wide));
    expect(errors).toBe('');
    expect(unescape(text).split('\n')).toEqual(expected);
  });

  it('drops no caption and adds no markup for any hostile story', () => {
    let n = 0;
    fc.assert(
      fc.property(hostileStory, (s) => {
        const captions = storyCaptions(s, options);
        if (captions.length === 0) return;
        const srt = ffmpegDialogue(`hostile-${n}.srt`, storySrt(s, options));
        const vtt = ffmpegDialogue(`hostile-${n++}.vtt`, storyVtt(s, options));
        for (const { text, errors } of [srt, vtt]) {
          expect(errors).toBe('');
          const got = text.split('\n');
          expect(got).toHaveLength(captions.length);
          got.forEach((line, i) => {
            // Split at ffmpeg's line breaks first: every backslash of ours carries a joiner, so a
            // bare \N is a break, while a line's last backslash next to it is text.
            expect(line.split('\\N').map((l) => unescape(l).trim())).toEqual(
              captions[i]!.lines.map((l) => spokenCaptionText(l)),
            );
          });
        }
      }),
      // Each run starts ffmpeg twice; a failure is reported as found, without shrinking.
      { numRuns: 12, endOnFailure: true },
    );
  }, 60_000);
});
