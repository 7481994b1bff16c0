// rtf.js ships no types for its bundle; the tests use two of its exports (see prompterExport.test.ts).
declare module 'rtf.js/dist/RTFJS.bundle.js';
// icns-lib ships no types; the icon tests read .icns files with its parse().
declare module 'icns-lib' {
  export function parse(file: Buffer): Record<string, Buffer>;
}
// webvtt-parser (the W3C validator's parser) ships no types; the caption tests use its parser.
declare module 'webvtt-parser' {
  export type VttNode = { type: string; name?: string; value?: string; children: VttNode[] };
  export type VttCue = {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
    tree: { children: VttNode[] };
  };
  export class WebVTTParser {
    constructor(entities?: Record<string, string>);
    parse(
      input: string,
      mode?: 'metadata' | 'chapters',
    ): { cues: VttCue[]; errors: { message: string; line: number }[] };
  }
}
