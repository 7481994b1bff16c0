import type { Block, MediaBlock, MediaKind, StoryFormat } from './model';

const cue = (text: string): Block => ({ type: 'cue', text });
const read = (): Block => ({ type: 'paragraph', runs: [] });
/** A sound bite or package with nothing filled in yet. */
export function emptyMedia(kind: MediaKind): MediaBlock {
  return {
    type: 'media',
    kind,
    speaker: '',
    title: '',
    inCue: '',
    outCue: '',
    durationSec: null,
    transcript: '',
  };
}

/**
 * The shape a new story of each format starts from: the cues a director expects, in order, with
 * empty read lines to write into. Users replace these with their station's own (stored in the
 * archive); these are what "Restore default" brings back.
 */
export const DEFAULT_TEMPLATES: Readonly<Record<StoryFormat, readonly Block[]>> = {
  READER: [cue('ANCHOR ON CAM'), read()],
  VO: [cue('ANCHOR ON CAM'), read(), cue('TAKE VO'), read(), cue('CG: LOCATION')],
  SOT: [
    cue('ANCHOR ON CAM — INTRO'),
    read(),
    emptyMedia('SOT'),
    cue('ANCHOR ON CAM — TAG'),
    read(),
  ],
  'VO/SOT': [
    cue('ANCHOR ON CAM'),
    read(),
    cue('TAKE VO'),
    read(),
    emptyMedia('SOT'),
    cue('BACK TO VO'),
    read(),
  ],
  PKG: [
    cue('ANCHOR ON CAM — INTRO'),
    read(),
    cue('TOSS'),
    read(),
    emptyMedia('PKG'),
    cue('ANCHOR ON CAM — TAG'),
    read(),
  ],
  LIVE: [
    cue('ANCHOR ON CAM'),
    read(),
    cue('TAKE LIVE — REPORTER ON LOCATION'),
    { type: 'instruction', text: '(TOSS TO REPORTER)' },
    read(),
    cue('ANCHOR ON CAM — TAG'),
    read(),
  ],
  INTRO: [cue('ANCHOR ON CAM — INTRO'), read()],
  TAG: [cue('ANCHOR ON CAM — TAG'), read()],
};

/**
 * Whether a body holds nothing a person wrote: only cues, instructions and presenter cues (what a
 * template starts with) and empty read lines, sound bites and packages. A script pasted into such
 * a story replaces it, as importing the script would.
 */
export function isUnwrittenBody(body: readonly Block[]): boolean {
  return body.every((block) => {
    switch (block.type) {
      case 'paragraph':
        return block.runs.every((r) => r.text.trim() === '');
      case 'media':
        return (
          !block.speaker &&
          !block.title &&
          !block.inCue &&
          !block.outCue &&
          block.durationSec === null &&
          block.transcript.trim() === ''
        );
      default:
        return true;
    }
  });
}
